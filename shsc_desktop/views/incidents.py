"""The Incidents section: the incident log with its filter bar, and New / Open / Delete.

The list is an :class:`~shsc_desktop.views.incident_table.IncidentTableModel`: filters and sorting
go to SQL, rows arrive a page at a time. A change of filter reloads the first page in the
background; the search box waits for a short pause in typing first. Search matches incident and
survivor codes only, never names.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QWidget,
)

from ..models import codes
from ..services.incidents import IncidentFilters, IncidentView
from ..services.office import UnlockedOffice
from ..values.changes import Changes
from .builders import named, push_button, vbox
from .form_helpers import ask_reason, code_combo, code_of, fill_codes, fill_villages
from .incident_form import IncidentForm
from .incident_table import (
    COL_CONTEXT,
    COL_FOLLOW_UP,
    COL_INCIDENT,
    COL_REPORTED,
    COL_SURVIVOR,
    COL_TYPE,
    ID_ROLE,
    IncidentTableModel,
    Page,
)
from .list_columns import fit_columns
from .messages import show_message
from .operations import BackgroundOperation, run_in_background, run_write
from .record_pages import (
    SEARCH_DELAY_MS,  # noqa: F401  (the benchmark reads it here)
    RegisterPage,
    fill_months,
    open_record_form,
    record_table,
    search_box,
)
from .screen import FlowRow

MONTHS_OFFERED = 24


class IncidentsPage(RegisterPage):
    """The incident log.

    Reloads itself on the office's change notice (``session.hub``) when incidents, referrals
    (follow-up dates) or a month's approval changed.

    Signals:
        refer_requested(str): the user asked to refer the survivor of this incident id.
    """

    refer_requested = Signal(str)

    def __init__(
        self, office: UnlockedOffice, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(office, "incidentsPage", parent, today)
        self.service = self.session.services.incidents
        self._generation = 0
        self._select_after_reload: str | None = None
        self.form: IncidentForm | None = None

        self.month = named(QComboBox(), "monthFilter")
        self.gbv_type = code_combo("typeFilter")
        self.status = code_combo("statusFilter")
        self.village = code_combo("villageFilter")
        for combo in (self.gbv_type, self.village, self.status):
            # Long labels ("Denial of resources, …") must not widen the window past 1100 px.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        self.follow_up_due = named(QCheckBox(), "followUpDueFilter")
        self.search, self.search_timer = search_box(self)
        self.search.setMinimumWidth(150)
        # Rows of filters and buttons wrap on a narrow screen instead of widening the window.
        filters = FlowRow().add_widgets(
            self.month, self.gbv_type, self.status, self.village, self.follow_up_due, self.search
        )

        self.model = IncidentTableModel(self._fetch, self)
        self.table = record_table("incidentTable", self.model, alternating=True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(COL_REPORTED, Qt.SortOrder.DescendingOrder)
        self.model.blockSignals(True)  # the initial sort is the model's own; no extra query
        self.table.setSortingEnabled(True)
        self.model.blockSignals(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # Codes and dates whole; the free-text type and case context give way first on a 1024 screen.
        fit_columns(
            self.table, (COL_INCIDENT, COL_SURVIVOR, COL_REPORTED, COL_FOLLOW_UP), (COL_TYPE, COL_CONTEXT)
        )

        self.count_label = named(QLabel(), "countLabel")
        self.record_buttons("Incident", may_delete=self.can_delete)
        self.refer_button = push_button("referIncidentButton")
        self.refer_button.setVisible(self.can_write)
        buttons = FlowRow().add_widgets(
            self.new_button, self.open_button, self.refer_button, self.delete_button, self.count_label
        )

        vbox(self, self.heading, filters, (self.table, 1), buttons)

        for combo in (self.month, self.gbv_type, self.status, self.village):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.follow_up_due.toggled.connect(self.apply_filters)
        self.search_timer.timeout.connect(self.apply_filters)
        self.model.sort_requested.connect(self._sort)
        self.follow_table(self.table)
        self.refer_button.clicked.connect(self._refer)

        self.retranslate()
        self.reload()
        self._update_buttons()

    # -- texts ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Incidents"))
        fill_months(self.month, self.today, self.tr("All months"), MONTHS_OFFERED)
        fill_codes(self.gbv_type, codes.GBV_TYPE, self.tr("All types"))
        fill_codes(self.status, codes.INCIDENT_STATUS, self.tr("All statuses"))
        fill_villages(self.village, self.service.commune_code, self.tr("All villages"))
        self.follow_up_due.setText(self.tr("Follow-up due"))
        self.search.setPlaceholderText(self.tr("Search by incident or survivor code"))
        self.record_texts(self.tr("New incident…"), self.tr("Open"), self.tr("Delete…"))
        self.refer_button.setText(self.tr("Refer…"))
        self.model.retranslate()
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n incident(s)", "", self.model.total()))

    # -- list -------------------------------------------------------------------------------------

    def _fetch(self, filters: IncidentFilters, sort: str, offset: int, limit: int) -> Page:
        return self.service.query(filters, sort, offset, limit)

    def filters(self) -> IncidentFilters:
        return IncidentFilters(
            period=code_of(self.month) or None,
            gbv_type=code_of(self.gbv_type) or None,
            status=code_of(self.status) or None,
            village_code=code_of(self.village) or None,
            follow_up_due_by=self.today if self.follow_up_due.isChecked() else None,
            search=self.search.text(),
        )

    def apply_filters(self) -> None:
        self.search_timer.stop()
        self.reload(self.filters(), self.model.sort_key)

    def _sort(self, sort: str) -> None:
        self.reload(self.model.filters, sort)

    def reload(self, filters: IncidentFilters | None = None, sort: str | None = None) -> None:
        """Fetch the first page in the background; a newer request wins over an older one."""
        filters = filters if filters is not None else self.model.filters
        sort = sort or self.model.sort_key
        self._generation += 1
        generation = self._generation

        def show(page: Page) -> None:
            if generation == self._generation:
                self.model.show_page(filters, sort, page)
                self._show_count()
                if self._select_after_reload is not None:
                    self.select_incident(self._select_after_reload)
                    self._select_after_reload = None

        run_in_background(self, lambda _t: self.model.load_first_page(filters, sort), show)

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: reload when what the list shows may have changed."""
        if changes.touches("incidents", "referrals") or changes.any_month:
            self.reload()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.model.data(rows[0], ID_ROLE))

    def select_incident(self, incident_id: str) -> bool:
        row = self.model.row_of(incident_id)
        if row < 0:
            return False
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        super()._update_buttons()
        self.refer_button.setEnabled(self.selected_id() is not None)

    # -- actions ----------------------------------------------------------------------------------

    def open_new(self) -> IncidentForm:
        return self._open_form(None)

    def open_selected(self) -> BackgroundOperation | None:
        """Read the chosen incident in the background, then open its form (``self.form``); a
        record that cannot be read (deleted meanwhile, not the user's) says why in a message."""
        return self.open_read(self.selected_id(), self.service.get, self._open_form)

    def _open_form(self, view: IncidentView | None) -> IncidentForm:
        form = IncidentForm(self.office, view, self, today=self.today)
        form.saved.connect(self._saved)
        self.form = open_record_form(form)
        return form

    def _saved(self, view: IncidentView) -> None:
        # The change notice has already started the reload; select the saved row when it arrives.
        self._select_after_reload = view.id

    def _refer(self) -> None:
        incident_id = self.selected_id()
        if incident_id is not None:
            self.refer_requested.emit(incident_id)

    def ask_delete(self) -> None:
        incident_id = self.selected_id()
        if incident_id is None or not self.can_delete:
            return
        ask_reason(
            self,
            self.tr("Delete incident"),
            self.tr(
                "The incident is removed from the lists and statistics but kept in the database with "
                "your reason. Why is it being deleted?"
            ),
            self.tr("Delete"),
            lambda reason: self.delete(incident_id, reason),
        )

    def delete(self, incident_id: str, reason: str) -> None:
        def done(_result: object) -> None:
            show_message(self, self.tr("The incident has been deleted."))

        run_write(
            self,
            self.session.hub,
            lambda _t: self.service.delete(incident_id, reason),
            done,
        )
