"""The Referrals section: the referrals of one incident, new referrals to a provider of the directory,
their response and outcome, and the list of follow-ups due or overdue.

The forms themselves (new referral, response and outcome) are in ``referral_form``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError
from ..models import codes
from ..services.incidents import IncidentView
from ..services.months import add_months, period_of
from ..services.office import UnlockedOffice
from ..services.referrals import (
    FollowUp,
    ReferralFilters,
    ReferralRow,
    ReferralView,
)
from ..services.statistics import period_label
from ..values.changes import Changes
from .builders import hbox, named, open_dialog, push_button, vbox, wrapped_label
from .form_helpers import (
    code_combo,
    code_of,
    fill_codes,
)
from .i18n import current_language
from .list_columns import fit_columns, rows_height
from .messages import error_text
from .operations import BackgroundOperation, Task, run_in_background
from .record_pages import RegisterPage, open_record_form, record_table
from .referral_form import ReferralForm, ReferralUpdateDialog
from .register_tables import FollowUpTableModel, ReferralTableModel
from .screen import FlowRow
from .slip_dialog import SlipDialog

REFERRAL_CODES = (
    ReferralTableModel.COL_DATE,
    ReferralTableModel.COL_INCIDENT,
    ReferralTableModel.COL_FOLLOW_UP,
)
ALL_REFERRALS_SHOWN = 500  # the newest first; filters narrow the list down


def _table(name: str, model: QAbstractItemModel, code_columns: tuple[int, ...]) -> QTableView:
    table = record_table(name, model, alternating=True)
    table.setWordWrap(False)
    fit_columns(table, code_columns)  # dates and codes whole, the rest from their content
    return table


class ReferralsPage(RegisterPage):
    """Referrals of one incident, and the follow-ups due or overdue.

    Refreshes itself on the office's change notice (``session.hub``): referrals, incidents (the
    follow-up list names them) and contacts (the providers shown).
    """

    def __init__(
        self, office: UnlockedOffice, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(office, "referralsPage", parent, today)
        self.service = self.session.services.referrals
        self.incidents = self.session.services.incidents
        self.incident: IncidentView | None = None
        self.form: ReferralForm | None = None
        self.update_dialog: ReferralUpdateDialog | None = None
        self.slip_dialog: SlipDialog | None = None
        self._all_generation = 0
        self._all_total = 0

        self.incident_code = named(QLineEdit(), "incidentCodeBox")
        self.incident_code.setClearButtonEnabled(True)
        self.show_button = push_button("showIncidentButton")
        self.incident_info = wrapped_label("incidentInfo")
        self.referral_model = ReferralTableModel(self)
        self.referral_table = _table("referralTable", self.referral_model, REFERRAL_CODES)
        self.new_button = push_button("newReferralButton")
        self.update_button = push_button("updateReferralButton")
        self.new_button.setVisible(self.can_write)
        self.update_button.setVisible(self.can_write)
        self.slip_button = push_button("printSlipButton")
        self.incident_box = QGroupBox()
        vbox(
            self.incident_box,
            hbox((self.incident_code, 1), self.show_button),
            self.incident_info,
            (self.referral_table, 1),
            hbox(self.new_button, self.update_button, self.slip_button, 1),
        )

        self.follow_up_model = FollowUpTableModel(self)
        self.follow_up_table = _table(
            "followUpTable",
            self.follow_up_model,
            (FollowUpTableModel.COL_DUE, FollowUpTableModel.COL_INCIDENT, FollowUpTableModel.COL_SURVIVOR),
        )
        self.include_week = named(QCheckBox(), "includeNextWeek")
        self.follow_up_count = QLabel()
        self.follow_up_box = QGroupBox()
        vbox(self.follow_up_box, hbox(self.include_week, 1, self.follow_up_count), (self.follow_up_table, 1))

        # All referrals, filtered in SQL (ReferralService.query); a row shows its incident above.
        self.all_model = ReferralTableModel(self)
        self.all_table = _table("allReferralsTable", self.all_model, REFERRAL_CODES)
        self.filter_month = named(QComboBox(), "referralMonthFilter")
        self.filter_service = code_combo("referralServiceFilter")
        self.filter_status = code_combo("referralStatusFilter")
        self.filter_outcome = code_combo("referralOutcomeFilter")
        self.filter_due = named(QCheckBox(), "referralDueFilter")
        self.all_count = QLabel()
        self.all_box = QGroupBox()
        all_layout = QVBoxLayout(self.all_box)
        all_filters = FlowRow()
        for widget in (self.filter_month, self.filter_service, self.filter_status, self.filter_outcome):
            # long labels (Khmer service names) must not widen the window; the popup shows them whole
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(8)
            all_filters.addWidget(widget)
        all_filters.addWidget(self.filter_due)
        all_filters.addWidget(self.all_count)
        all_layout.addLayout(all_filters)
        all_layout.addWidget(self.all_table, 1)
        self.lists = named(QTabWidget(), "referralLists")
        self.lists.addTab(self.follow_up_box, "")
        self.lists.addTab(self.all_box, "")

        # One incident has a few referrals; the follow-up list below needs the room.
        self.referral_table.setMaximumHeight(rows_height(self.referral_table, 3))
        vbox(self, self.heading, self.incident_box, (self.lists, 1))

        self.show_button.clicked.connect(self.show_typed_incident)
        self.incident_code.returnPressed.connect(self.show_typed_incident)
        self.new_button.clicked.connect(self.open_new)
        self.update_button.clicked.connect(self.open_update)
        self.referral_table.activated.connect(lambda _i: self.open_update())  # Enter or double click
        self.include_week.toggled.connect(lambda _c: self.refresh_follow_ups())
        self.follow_up_table.activated.connect(self._follow_up_chosen)
        self.follow_up_table.clicked.connect(self._follow_up_chosen)
        self.referral_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.referral_model.modelReset.connect(self._update_buttons)
        self.slip_button.clicked.connect(self.open_slip)
        for combo in (self.filter_month, self.filter_service, self.filter_status, self.filter_outcome):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_all())
        self.filter_due.toggled.connect(lambda _c: self.refresh_all())
        self.all_table.clicked.connect(self._all_chosen)

        self.retranslate()
        self.refresh_follow_ups()
        self.refresh_all()
        self._update_buttons()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Referrals"))
        self.incident_box.setTitle(self.tr("Referrals of one incident"))
        self.incident_code.setPlaceholderText(self.tr("Incident code, e.g. KH-120101-202501-0001"))
        self.show_button.setText(self.tr("Show"))
        self.new_button.setText(self.tr("New referral…"))
        self.update_button.setText(self.tr("Response and outcome…"))
        self.include_week.setText(self.tr("Include the next 7 days"))
        self.slip_button.setText(self.tr("Print slip…"))
        self.lists.setTabText(0, self.tr("Follow-ups due / overdue"))
        self.lists.setTabText(1, self.tr("All referrals"))
        self._fill_all_filters()
        self.filter_due.setText(self.tr("Follow-up due"))
        self.all_model.retranslate()
        self._show_all_count(None)
        self._show_incident_info()
        self.referral_model.retranslate()
        self.follow_up_model.retranslate()
        self._show_follow_up_count()

    # -- data -------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: reload the lists (and the incident shown) it may touch."""
        if not changes.touches("referrals", "incidents", "contacts"):
            return
        self.refresh_follow_ups()
        self.refresh_all()
        if self.incident is not None:
            self.reload_incident(self.incident.id)

    def reload_incident(self, incident_id: str) -> None:
        """Show one incident's referrals again, read in the background (after a change)."""

        def show(found: tuple[IncidentView, list[ReferralView]]) -> None:
            if self.incident is not None and self.incident.id == incident_id:
                self.incident = found[0]
                self.referral_model.set_rows(found[1])
                self._show_incident_info()
                self._update_buttons()

        run_in_background(
            self,
            lambda _t: (self.incidents.get(incident_id), self.service.for_incident(incident_id)),
            show,
            lambda _error: None,  # gone meanwhile (deleted): the lists above say so
        )

    def refresh_follow_ups(self) -> None:
        days = 7 if self.include_week.isChecked() else 0

        def show(items: list[FollowUp]) -> None:
            self.follow_up_model.set_rows(items)
            self._show_follow_up_count()

        run_in_background(self, lambda _t: self.service.due_follow_ups(self.today, days), show)

    def _fill_all_filters(self) -> None:
        current = self.filter_month.currentData()
        self.filter_month.blockSignals(True)
        self.filter_month.clear()
        self.filter_month.addItem(self.tr("All months"), "")
        this_month = period_of(self.today)
        for back in range(24):
            period = add_months(this_month, -back)
            self.filter_month.addItem(period_label(period, current_language()), period)
        self.filter_month.setCurrentIndex(max(0, self.filter_month.findData(current or "")))
        self.filter_month.blockSignals(False)
        fill_codes(self.filter_service, codes.SERVICE_TYPE, self.tr("All services"))
        fill_codes(self.filter_status, codes.REFERRAL_STATUS, self.tr("All responses"))
        fill_codes(self.filter_outcome, codes.REFERRAL_OUTCOME, self.tr("All outcomes"))

    def all_filters(self) -> ReferralFilters:
        return ReferralFilters(
            period=self.filter_month.currentData() or None,
            service_type=code_of(self.filter_service) or None,
            status=code_of(self.filter_status) or None,
            outcome=code_of(self.filter_outcome) or None,
            follow_up_due_by=self.today if self.filter_due.isChecked() else None,
        )

    def refresh_all(self) -> None:
        """Reload the list of all referrals with the chosen filters (in the background)."""
        filters = self.all_filters()
        self._all_generation += 1
        generation = self._all_generation

        def show(result: tuple[list[ReferralRow], int]) -> None:
            if generation == self._all_generation:
                self.all_model.set_rows(result[0])
                self._show_all_count(result[1])

        run_in_background(self, lambda _t: self.service.query(filters, limit=ALL_REFERRALS_SHOWN), show)

    def _show_all_count(self, total: int | None) -> None:
        if total is None:  # only the language changed
            total = self._all_total
        self._all_total = total
        shown = self.all_model.rowCount()
        if shown < total:
            text = self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
        else:
            text = self.tr("%n referral(s)", "", total)
        self.all_count.setText(text)

    def _all_chosen(self, index: object) -> None:
        rows = self.all_table.selectionModel().selectedRows()
        if rows:
            self.show_incident(self.all_model.row_at(rows[0].row()).incident_id)

    def _show_follow_up_count(self) -> None:
        rows = self.follow_up_model.rows()
        overdue = sum(1 for f in rows if f.overdue)
        self.follow_up_count.setText(
            self.tr("%1 due, %2 overdue").replace("%1", str(len(rows) - overdue)).replace("%2", str(overdue))
        )

    def show_typed_incident(self) -> BackgroundOperation | None:
        """Find the typed incident code and show its referrals, read in the background."""
        code = self.incident_code.text().strip()
        if not code:
            return None
        incidents, service = self.incidents, self.service

        def read(_t: Task) -> tuple[IncidentView, list[ReferralView]]:
            incident = incidents.get_by_code(code)
            return incident, service.for_incident(incident.id)

        def not_found(error: BaseException) -> None:
            assert isinstance(error, ShscError)  # anything else went to the crash dialog
            self.incident = None
            self.referral_model.set_rows([])
            self.incident_info.setText(error_text(error))
            self._update_buttons()

        return run_in_background(self, read, self._show_found, not_found)

    def show_incident(self, incident_id: str) -> BackgroundOperation:
        """Show one incident's referrals, read in the background (also used by the incident list's
        "Refer…")."""
        incidents, service = self.incidents, self.service
        return run_in_background(
            self,
            lambda _t: (incidents.get(incident_id), service.for_incident(incident_id)),
            self._show_found,
        )

    def _show_found(self, found: tuple[IncidentView, list[ReferralView]]) -> None:
        self.incident = found[0]
        self.incident_code.setText(self.incident.incident_code)
        self.referral_model.set_rows(found[1])
        self._show_incident_info()
        self._update_buttons()

    def _show_incident_info(self) -> None:
        if self.incident is None:
            self.incident_info.setText(self.tr("Type an incident code, or choose a follow-up below."))
            return
        lang = current_language()
        i = self.incident
        self.incident_info.setText(
            self.tr("%1 · survivor %2 · %3 · consent to services: %4")
            .replace("%1", i.incident_code)
            .replace("%2", i.survivor_code)
            .replace("%3", codes.GBV_TYPE.label(i.gbv_type, lang))
            .replace("%4", codes.CONSENT.label(i.consent_services, lang))
        )

    def _follow_up_chosen(self, index: object) -> None:
        rows = self.follow_up_table.selectionModel().selectedRows()
        if rows:
            self.show_incident(self.follow_up_model.row_at(rows[0].row()).incident_id)

    def selected_referral(self) -> ReferralView | None:
        rows = self.referral_table.selectionModel().selectedRows()
        return self.referral_model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self.incident is not None)
        self.update_button.setEnabled(self.selected_referral() is not None)
        self.slip_button.setEnabled(self.selected_referral() is not None)

    # -- actions ----------------------------------------------------------------------------------

    def open_new(self) -> ReferralForm | None:
        if self.incident is None:
            return None
        self.form = open_record_form(ReferralForm(self.office, self.incident, self, self.today))
        return self.form

    def open_update(self) -> ReferralUpdateDialog | None:
        referral = self.selected_referral()
        if referral is None:
            return None
        self.update_dialog = open_record_form(ReferralUpdateDialog(self.office, referral, self))
        return self.update_dialog

    def open_slip(self) -> SlipDialog | None:
        referral = self.selected_referral()
        if referral is None:
            return None
        self.slip_dialog = open_dialog(SlipDialog(self.office, referral.id, self))
        return self.slip_dialog
