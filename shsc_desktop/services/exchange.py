"""The exchange of an office with the offices above and below it, as one object.

The work is done by three services, each in its own module: :class:`ExportService`
(``exchange_export``: this office's bundles for the office above), :class:`ImportService`
(``exchange_import``: bundles from below, under the rules of ``exchange_rules``) and
:class:`CompletenessService` (``completeness``: who reported, and the totals). ``ExchangeService`` is
all three at once, for the callers that drive a whole chain (the command line, the benchmark, the
chain tests); the pages and the other services use the one they need.
"""

from __future__ import annotations

from .completeness import CompletenessService
from .exchange_export import ExportService
from .exchange_import import ImportService


class ExchangeService(ExportService, ImportService, CompletenessService):
    """Export, import, completeness and totals of one office (the three share one constructor)."""
