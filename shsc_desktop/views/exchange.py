"""The Exchange section: certificates between offices and the monthly bundles.

The page adapts to the office level:

* **commune**: this office's certificate (request → install, with fingerprints to compare by phone),
  export of an approved month to the district, the export history and re-export;
* **district**: import of the communes' bundles (dry run → confirm), completeness, totals
  (``views/district.py``, ``views/district_totals.py``), enrolment of communes (answer requests,
  revoke), and the same certificate and export panel as a commune, towards the ministry;
* **ministry**: the same as a district one level up, without sending anything further.

Every act goes through the services (``EnrolmentService``, ``ExportService``, ``ImportService``,
``DistrictService``); key generation, signing, encryption, import and PDF writing run in the
background. The panels take their services from the office's session and refresh themselves from
its change notice (an import recounts completeness and totals, an approval lists the month to send):
none is wired to another. Files are chosen with :func:`.exchange_common.choose_path` (non-blocking
dialogs; tests replace it to pre-answer).

One module per panel: ``exchange_upward`` (certificate, export, history), ``exchange_enrol``,
``exchange_import``, ``district`` (completeness) and ``district_totals`` (with ``district_offices``,
``district_tables`` and ``district_chart``); their shared table and file helpers are
in ``exchange_common``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..services.office import UnlockedOffice
from .exchange_common import OfficePanel
from .exchange_enrol import EnrolPanel
from .exchange_import import ImportPanel
from .exchange_upward import UpwardPanel
from .form_helpers import heading_label
from .screen import ScrollingTabs


class ExchangePage(OfficePanel):
    """The Exchange section; its content depends on the office level."""

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(office, "exchangePage", parent)
        self.heading = heading_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        self.tabs: QTabWidget | None = None
        self.upward: UpwardPanel | None = None
        self.import_panel: ImportPanel | None = None
        self.enrol_panel: EnrolPanel | None = None
        self.completeness: Any = None
        self.totals: Any = None
        if self.level == "commune":
            self.upward = UpwardPanel(office)
            layout.addWidget(self.upward, 1)
            return
        from .district import CompletenessPanel
        from .district_totals import TotalsPanel

        self.tabs = ScrollingTabs()  # the tallest tab (Totals) must not make the others scroll
        self.tabs.setObjectName("exchangeTabs")
        self.completeness = CompletenessPanel(office)
        self.totals = TotalsPanel(office)
        self.import_panel = ImportPanel(office)
        self.enrol_panel = EnrolPanel(office)
        self.tabs.addTab(self.import_panel, "")
        self.tabs.addTab(self.completeness, "")
        self.tabs.addTab(self.totals, "")
        self.tabs.addTab(self.enrol_panel, "")
        if self.level == "district":
            self.upward = UpwardPanel(office)
            self.tabs.addTab(self.upward, "")
        layout.addWidget(self.tabs, 1)
        self._retranslate_tabs()

    def _retranslate_tabs(self) -> None:
        if self.tabs is None:
            return
        titles = [self.tr("Import"), self.tr("Completeness"), self.tr("Totals"), self.tr("Enrolment")]
        if self.level == "district":
            titles.append(self.tr("To the ministry"))
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)

    def retranslate(self, title: str | None = None) -> None:
        """The section's title (from the main window) and the tabs' titles (at a language change)."""
        if title is not None:
            self.heading.setText(title)
        self._retranslate_tabs()
