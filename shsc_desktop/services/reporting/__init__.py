"""Reporting: what each published figure means (``catalogue``) and how the month's tables are built.

``catalogue`` is the single definition of every indicator (records counted, the date that decides the
month, the consent rule, deleted records, GBV or not). The Home screen, the Reports section, the
summary PDF and the bundle all count through its functions, so a figure cannot mean one thing on one
screen and another elsewhere. ``docs/indicators.md`` is its human-readable form (Khmer and English).
"""
