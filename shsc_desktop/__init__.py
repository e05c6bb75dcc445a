"""SHSC Desktop: record keeping and reporting for commune offices responding to violence against
women (CARE Cambodia, Safe Homes, Safe Communities)."""

__version__ = "0.1.0"
