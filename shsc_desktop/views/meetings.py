"""The Meetings section: consultation meeting minutes (who came, by group and sex; topics; concerns;
decisions; action items) and the list of open action items across all meetings.

Case-conference minutes may name survivors: the service seals them, and a user without identity
access sees the meeting with a line saying why its minutes are not shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..models import codes
from ..services.meetings import (
    MAX_COUNT,
    ActionItemDraft,
    ActionItemView,
    Attendance,
    MeetingDraft,
    MeetingRow,
    MeetingView,
    implausible_counts,
)
from ..services.office import UnlockedOffice
from .builders import hbox, named, push_button, vbox, wrapped_label
from .form_helpers import (
    UNANSWERED,
    CheckGrid,
    OptionalDateEdit,
    add_field_rows,
    checked_codes,
    code_combo,
    code_of,
    field_form,
    fill_codes,
    fill_question,
    fill_villages,
    refuse_bad_dates,
    set_checked,
    set_code,
    set_field_label,
)
from .i18n import current_language
from .list_columns import fit_columns
from .messages import confirm, show_message
from .operations import BackgroundOperation, run_in_background, run_write
from .record_pages import (
    RegisterForm,
    RegisterPage,
    ask_delete_record,
    fill_months,
    open_record_form,
    record_table,
    selected_row,
)
from .register_tables import ActionItemTableModel, MeetingTableModel
from .screen import fit_to_screen

MONTHS_OFFERED = 24


class AttendanceGrid(QWidget):
    """Head counts: one row per group, women and men."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceGrid")
        self.group_labels: dict[str, QLabel] = {}
        self.female: dict[str, QSpinBox] = {}
        self.male: dict[str, QSpinBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.female_title = QLabel()
        self.male_title = QLabel()
        self.total_title = QLabel()
        grid.addWidget(self.female_title, 0, 1)
        grid.addWidget(self.male_title, 0, 2)
        for row, item in enumerate(codes.ATTENDEE_GROUP, start=1):
            label = QLabel()
            female = QSpinBox()
            female.setObjectName(f"female_{item.code}")
            male = QSpinBox()
            male.setObjectName(f"male_{item.code}")
            for spin in (female, male):
                spin.setRange(0, MAX_COUNT)
                spin.valueChanged.connect(self._total)
            grid.addWidget(label, row, 0)
            grid.addWidget(female, row, 1)
            grid.addWidget(male, row, 2)
            self.group_labels[item.code] = label
            self.female[item.code] = female
            self.male[item.code] = male
        grid.addWidget(self.total_title, len(codes.ATTENDEE_GROUP) + 1, 0, 1, 3)
        self.retranslate()

    def retranslate(self) -> None:
        lang = current_language()
        self.female_title.setText(self.tr("Women"))
        self.male_title.setText(self.tr("Men"))
        for code, label in self.group_labels.items():
            label.setText(codes.ATTENDEE_GROUP.label(code, lang))
        self._total()

    def _total(self) -> None:
        female = sum(s.value() for s in self.female.values())
        male = sum(s.value() for s in self.male.values())
        self.total_title.setText(
            self.tr("Total: %1 (%2 women, %3 men)")
            .replace("%1", str(female + male))
            .replace("%2", str(female))
            .replace("%3", str(male))
        )

    def attendance(self) -> tuple[Attendance, ...]:
        return tuple(
            Attendance(code, self.female[code].value(), self.male[code].value())
            for code in self.group_labels
            if self.female[code].value() or self.male[code].value()
        )

    def set_attendance(self, items: tuple[Attendance, ...]) -> None:
        for code in self.group_labels:
            self.female[code].setValue(0)
            self.male[code].setValue(0)
        for a in items:
            if a.group in self.female:
                self.female[a.group].setValue(a.female)
                self.male[a.group].setValue(a.male)


class ActionItemsTable(QTableWidget):
    """Action items of one meeting: action, owner, due date and status, one row each."""

    COL_ACTION = 0
    COL_OWNER = 1
    COL_DUE = 2
    COL_STATUS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("actionItemsTable")
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.COL_ACTION, QHeaderView.ResizeMode.Stretch)
        for column in (self.COL_OWNER, self.COL_DUE, self.COL_STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumHeight(150)
        self.ids: list[str | None] = []
        self.retranslate()

    def add(self, item: ActionItemDraft | None = None) -> None:
        d = item or ActionItemDraft(action="")
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, self.COL_ACTION, QTableWidgetItem(d.action))
        self.setItem(row, self.COL_OWNER, QTableWidgetItem(d.owner))
        due = OptionalDateEdit(f"due{row}")
        due.calendar_button.hide()  # a narrow cell: the calendar opens with F4 or Alt+Down
        due.set_value(d.due_date)
        self.setCellWidget(row, self.COL_DUE, due)
        status = QComboBox()
        fill_question(status, codes.ACTION_STATUS)
        set_code(status, d.status)
        self.setCellWidget(row, self.COL_STATUS, status)
        self.ids.append(d.id)
        self.verticalHeader().setDefaultSectionSize(max(self.verticalHeader().defaultSectionSize(), 36))

    def remove_current(self) -> None:
        row = self.currentRow() if self.currentRow() >= 0 else self.rowCount() - 1
        if row >= 0:
            self.removeRow(row)
            del self.ids[row]

    def drafts(self) -> tuple[ActionItemDraft, ...]:
        found = []
        for row in range(self.rowCount()):
            action = self.item(row, self.COL_ACTION)
            owner = self.item(row, self.COL_OWNER)
            due = self.cellWidget(row, self.COL_DUE)
            status = self.cellWidget(row, self.COL_STATUS)
            assert isinstance(due, OptionalDateEdit) and isinstance(status, QComboBox)
            found.append(
                ActionItemDraft(
                    action=action.text() if action else "",
                    owner=owner.text() if owner else "",
                    due_date=due.value(),
                    status=code_of(status),
                    id=self.ids[row],
                )
            )
        return tuple(found)

    def set_items(self, items: tuple[ActionItemDraft, ...]) -> None:
        self.setRowCount(0)
        self.ids = []
        for item in items:
            self.add(item)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Owner"), self.tr("Due"), self.tr("Status")]
        )
        for row in range(self.rowCount()):
            status = self.cellWidget(row, self.COL_STATUS)
            if isinstance(status, QComboBox):
                fill_question(status, codes.ACTION_STATUS)


class MeetingForm(RegisterForm):
    """Create or edit the minutes of one meeting.

    ``saved`` carries the :class:`MeetingView` written.
    """

    form_kind = "meeting"

    def __init__(
        self,
        office: UnlockedOffice,
        meeting: MeetingView | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(office, "meetingForm", meeting.id if meeting is not None else None, parent)
        self.service = self.session.services.meetings
        self.meeting = meeting
        P = self.problems.label
        self.meeting_type = code_combo("meetingType")
        self.meeting_date = OptionalDateEdit("meetingDate")
        self.meeting_date.set_value(today or date.today())
        self.venue = code_combo("venueVillage")
        self.facilitator = named(QLineEdit(), "facilitator")
        self.details_box = QGroupBox()
        self.form = field_form(
            P,
            [
                (self.meeting_type, "meeting_type"),
                (self.meeting_date, "meeting_date"),
                (self.venue, "venue_village_code"),
                (self.facilitator, "facilitator"),
            ],
            self.details_box,
        )
        self.attendance = AttendanceGrid()
        self.attendance_box = QGroupBox()
        vbox(self.attendance_box, self.attendance, P("attendance"))
        self.problems.labels["attendance"].setBuddy(self.attendance)
        self.attendance.setFocusProxy(next(iter(self.attendance.female.values())))
        self.topics = CheckGrid(codes.MEETING_TOPIC, "topic")
        self.topic_boxes = self.topics.boxes
        self.topics_box = QGroupBox()
        vbox(self.topics_box, self.topics)
        self.concerns = named(QPlainTextEdit(), "concerns")
        self.concerns.setTabChangesFocus(True)
        self.decisions = named(QPlainTextEdit(), "decisions")
        self.decisions.setTabChangesFocus(True)
        self.notes_box = QGroupBox()
        notes = QFormLayout(self.notes_box)
        self.notes_form = notes
        # Case-conference minutes a user without identity access may not read: said, not shown.
        self.minutes_withheld = wrapped_label("minutesWithheld", hidden=True)
        notes.addRow(self.minutes_withheld)
        add_field_rows(notes, [(self.concerns, P("concerns_raised")), (self.decisions, P("decisions"))])
        self.action_table = ActionItemsTable()
        self.add_action_button = push_button("addActionButton")
        self.remove_action_button = push_button("removeActionButton")
        self.actions_box = QGroupBox()
        vbox(
            self.actions_box,
            self.action_table,
            hbox(self.add_action_button, self.remove_action_button, 1),
            P("action_items"),
        )

        left = vbox(None, self.details_box, self.attendance_box, 1)
        right = vbox(None, self.topics_box, self.notes_box, self.actions_box)
        body = QWidget()
        body.setLayout(hbox((left, 1), (right, 1)))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self.add_action_button.clicked.connect(self._add_action)
        self.remove_action_button.clicked.connect(self.action_table.remove_current)
        vbox(self, self.error, (self.scroll_area, 1), self.buttons)
        self.commune_code = self.service.commune_code
        self.retranslate()
        if meeting is not None:
            self._fill(meeting)
        fit_to_screen(self, 1060, 700)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Meeting minutes"))
        self.details_box.setTitle(self.tr("Meeting"))
        set_field_label(self.form, self.meeting_type, self.tr("Type:"))
        set_field_label(self.form, self.meeting_date, self.tr("Date:"))
        set_field_label(self.form, self.venue, self.tr("Venue (village):"))
        set_field_label(self.form, self.facilitator, self.tr("Facilitator:"))
        self.attendance_box.setTitle(self.tr("Attendance"))
        self.attendance.retranslate()
        self.topics_box.setTitle(self.tr("Topics discussed"))
        self.topics.retranslate()
        self.notes_box.setTitle(self.tr("Concerns and decisions"))
        set_field_label(self.notes_form, self.concerns, self.tr("Concerns raised:"))
        set_field_label(self.notes_form, self.decisions, self.tr("Decisions:"))
        self.minutes_withheld.setText(
            self.tr(
                "These are case-conference minutes: they may name survivors, so only the chief or a "
                "user given identity access can read them. The meeting, its attendance and its action "
                "items are shown; the minutes are kept as they are when you save."
            )
        )
        self.actions_box.setTitle(self.tr("Action items"))
        self.action_table.retranslate()
        self.add_action_button.setText(self.tr("Add action"))
        self.remove_action_button.setText(self.tr("Remove"))
        fill_question(self.meeting_type, codes.MEETING_TYPE)
        fill_villages(self.venue, self.commune_code, UNANSWERED)
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _fill(self, m: MeetingView) -> None:
        set_code(self.meeting_type, m.meeting_type)
        self.meeting_date.set_value(m.meeting_date)
        set_code(self.venue, m.venue_village_code)
        self.facilitator.setText(m.facilitator)
        self.attendance.set_attendance(m.attendance)
        set_checked(self.topic_boxes, m.topics)
        self.concerns.setPlainText(m.concerns_raised)
        self.decisions.setPlainText(m.decisions)
        withheld = m.minutes_withheld
        self.minutes_withheld.setVisible(withheld)
        for field in (self.concerns, self.decisions):
            field.setVisible(not withheld)
            label = self.notes_form.labelForField(field)
            if label is not None:
                label.setVisible(not withheld)
        self.action_table.set_items(m.as_draft().action_items)

    def draft(self) -> MeetingDraft:
        return MeetingDraft(
            meeting_type=code_of(self.meeting_type),
            meeting_date=self.meeting_date.value(),
            venue_village_code=code_of(self.venue),
            facilitator=self.facilitator.text(),
            attendance=self.attendance.attendance(),
            topics=checked_codes(self.topic_boxes),
            concerns_raised=self.concerns.toPlainText(),
            decisions=self.decisions.toPlainText(),
            action_items=self.action_table.drafts(),
            keep_minutes=self.meeting is not None and self.meeting.minutes_withheld,
        )

    def save(self, plausible_confirmed: bool = False) -> None:
        if refuse_bad_dates(self, self.error):
            return
        draft = self.draft()
        large = implausible_counts(draft.attendance)
        if large and not plausible_confirmed:
            group, count = large[0]
            text = (
                self.tr("%1 people of the group %2 attended this one meeting. Is this number right?")
                .replace("%1", str(count))
                .replace("%2", codes.ATTENDEE_GROUP.label(group, current_language()))
            )
            box = confirm(self, text, self.tr("Yes, save"), lambda: self.save(plausible_confirmed=True))
            box.setObjectName("plausibilityBox")
            return
        meeting = self.meeting
        if meeting is None:
            self.write(lambda _t: self.service.create(draft))
        else:
            self.write(lambda _t: self.service.update(meeting.id, draft, meeting.version))

    def _add_action(self) -> None:
        self.action_table.add()
        self.order_tabs()  # the new row's date and status right after the table, not after Cancel

    def add_rows(self, rows: dict[str, int]) -> None:
        self.grow_table(self.action_table, rows)
        self.order_tabs()


class MeetingsPage(RegisterPage):
    """Meeting minutes and open action items; reloads on the office's change notice (meetings)."""

    follows = ("meetings",)

    def __init__(
        self, office: UnlockedOffice, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(office, "meetingsPage", parent, today)
        self.service = self.session.services.meetings
        self.form: MeetingForm | None = None

        self.month = named(QComboBox(), "monthFilter")
        self.model = MeetingTableModel(self)
        self.table = record_table("meetingTable", self.model, alternating=True)
        self.table.horizontalHeader().setStretchLastSection(True)
        fit_columns(self.table, (MeetingTableModel.COL_DATE,))
        self.record_buttons("Meeting", may_delete=self.can_delete)
        meetings_widget = QWidget()
        vbox(
            meetings_widget,
            hbox(self.month, 1),
            (self.table, 1),
            hbox(self.new_button, self.open_button, self.delete_button, 1),
        ).setContentsMargins(0, 0, 0, 0)

        self.actions_model = ActionItemTableModel(self)
        self.actions_table = record_table("openActionsTable", self.actions_model)
        self.actions_table.horizontalHeader().setSectionResizeMode(
            ActionItemTableModel.COL_ACTION, QHeaderView.ResizeMode.Stretch
        )
        self.action_status = code_combo("actionStatus")
        self.set_status_button = push_button("setActionStatusButton")
        self.action_status.setVisible(self.can_write)
        self.set_status_button.setVisible(self.can_write)
        self.actions_box = QGroupBox()
        vbox(self.actions_box, (self.actions_table, 1), hbox(1, self.action_status, self.set_status_button))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(meetings_widget)
        splitter.addWidget(self.actions_box)
        splitter.setChildrenCollapsible(False)
        vbox(self, self.heading, (splitter, 1))

        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.follow_table(self.table)
        self.set_status_button.clicked.connect(self.set_action_status)
        self.actions_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.actions_model.modelReset.connect(self._update_buttons)

        self.retranslate()
        self.refresh()
        self._update_buttons()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Meetings"))
        fill_months(self.month, self.today, self.tr("All months"), MONTHS_OFFERED)
        self.record_texts(self.tr("New minutes…"), self.tr("Open"), self.tr("Delete…"))
        self.actions_box.setTitle(self.tr("Open action items"))
        fill_codes(self.action_status, codes.ACTION_STATUS)
        self.set_status_button.setText(self.tr("Set status"))
        self.model.retranslate()
        self.actions_model.retranslate()

    def refresh(self) -> None:
        period = code_of(self.month) or None

        def show(result: tuple[list[MeetingRow], list[ActionItemView]]) -> None:
            self.model.set_rows(result[0])
            self.actions_model.set_rows(result[1])

        run_in_background(
            self,
            lambda _t: (self.service.list_meetings(period), self.service.open_action_items(self.today)),
            show,
        )

    def selected_id(self) -> str | None:
        row = selected_row(self.table)
        return self.model.row_at(row).id if row is not None else None

    def selected_action(self) -> ActionItemView | None:
        row = selected_row(self.actions_table)
        return self.actions_model.row_at(row) if row is not None else None

    def _update_buttons(self) -> None:
        super()._update_buttons()
        self.set_status_button.setEnabled(self.selected_action() is not None)

    def open_new(self) -> MeetingForm:
        return self._open(None)

    def open_selected(self) -> BackgroundOperation | None:
        """Read the chosen meeting in the background, then open its form (``self.form``)."""
        return self.open_read(self.selected_id(), self.service.get, self._open)

    def _open(self, view: MeetingView | None) -> MeetingForm:
        self.form = open_record_form(MeetingForm(self.office, view, self, self.today), self.can_write)
        return self.form

    def ask_delete(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id is None:
            return
        ask_delete_record(
            self,
            self.session.hub,
            (
                self.tr("Delete meeting"),
                self.tr("Why are these minutes being deleted? The reason is kept in the audit log."),
                self.tr("Delete"),
            ),
            lambda reason: self.service.delete(meeting_id, reason),
        )

    def set_action_status(self) -> None:
        item = self.selected_action()
        if item is None:
            return
        status = code_of(self.action_status)

        def done(_view: object) -> None:
            show_message(self, self.tr("The action item has been updated."))

        run_write(
            self,
            self.session.hub,
            lambda _t: self.service.set_action_status(item.id, status),
            done,
        )
