"""The Home section: this month at a glance (counts, follow-ups due, open action items, the month's
approval) and, for the chief, approving or reopening the month.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..models import codes
from ..security.permissions import Perm
from ..services.home import HomeSummary
from ..services.office import UnlockedOffice
from ..services.returns import NoticeView
from ..values.changes import Changes
from .builders import add_all, push_button, row_of, wrapped_label
from .exchange_common import notice_line
from .form_helpers import ask_reason, heading_label
from .i18n import current_language
from .messages import confirm, show_message
from .office_keys import OfficeKeysWarning, show_office_keys, unread_status
from .office_page import OfficePage, office_line_text
from .operations import run_in_background, run_write


class RegisterHomePage(OfficePage):
    """Counts of the current month and the month's approval.

    Recounts on the office's change notice (``session.hub``): any register, month or bundle change.
    """

    def __init__(
        self, office: UnlockedOffice, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__("homePage", office, parent)
        self.service, self.months = self.services.home, self.services.months
        self.today = today or date.today()
        self.can_approve = office.actor.can(Perm.APPROVE_MONTH)
        self.summary: HomeSummary | None = None
        self._title = ""

        self.heading = heading_label()
        self.office_line = wrapped_label()
        self.counts_box = QGroupBox()
        grid = QGridLayout(self.counts_box)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.caption: dict[str, QLabel] = {}
        self.value: dict[str, QLabel] = {}
        for row, key in enumerate(("incidents", "ipv", "referrals", "meetings", "follow_ups", "actions")):
            caption = wrapped_label()
            value = QLabel()
            value.setObjectName(f"{key}Count")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(value, row, 0)
            grid.addWidget(caption, row, 1)
            self.caption[key] = caption
            self.value[key] = value
        grid.setColumnStretch(1, 1)
        self.month_box = QGroupBox()
        self.month_status = wrapped_label("monthStatus")
        self.approve_button = push_button("approveMonthButton")
        self.reopen_button = push_button("reopenMonthButton")
        month_layout = QVBoxLayout(self.month_box)
        month_layout.addWidget(self.month_status)
        month_layout.addLayout(row_of(self.approve_button, self.reopen_button))
        self.help = wrapped_label()
        # Months the district returned for correction, until a newer revision is sent.
        self.returned = wrapped_label("returnedMonths", hidden=True)
        self.returned.setStyleSheet("QLabel { background: #fff3c4; color: #1f2933; padding: 6px; }")
        self.notices: list[NoticeView] = []
        self.office_keys_warning = OfficeKeysWarning(unread_status(office))
        show_office_keys(self, office, self.office_keys_warning)
        layout = QVBoxLayout(self)
        add_all(layout, self.heading, self.office_line, self.office_keys_warning, self.returned)
        add_all(layout, self.counts_box, self.month_box, self.help)
        layout.addStretch(1)

        self.approve_button.clicked.connect(lambda: self._for_shown_month(self.ask_approve))
        self.reopen_button.clicked.connect(lambda: self._for_shown_month(self.ask_reopen))
        self.approve_button.hide()
        self.reopen_button.hide()
        self.session.hub.changed.connect(self.on_changes)
        self.refresh()

    # -- texts ------------------------------------------------------------------------------------

    def retranslate(self, title: str | None = None) -> None:
        """``title`` is the section name given by the main window."""
        if title is not None:
            self._title = title
        lang = current_language()
        self.heading.setText(self._title or self.tr("Home"))
        self.office_line.setText(office_line_text(self.office, lang, self.tr("%1, %2 (code %3)")))
        self.reopen_button.setText(self.tr("Reopen…"))
        self.help.setText(
            self.tr(
                "Lock the office with Ctrl+L when you leave the computer; "
                "Ctrl+Shift+H hides everything at once."
            )
        )
        if self.summary is not None:
            self._texts(self.summary)
        lines = [notice_line(n, lang) for n in self.notices]
        if lines:
            lines.append(self.tr("Reopen the month, correct it, approve it again and send the new revision."))
        self.returned.setText("\n".join(lines))
        self.returned.setVisible(bool(self.notices))

    # -- data -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        def show(found: tuple[HomeSummary, list[NoticeView]]) -> None:
            self.notices = found[1]
            self.show_summary(found[0])

        run_in_background(
            self, lambda _t: (self.service.summary(self.today), self._outstanding_notices()), show
        )

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: every figure here may have moved."""
        if changes.registers or changes.months or changes.exchange:
            self.refresh()

    def _outstanding_notices(self) -> list[NoticeView]:
        if self.office.info.level != "commune":
            return []
        return self.session.services.returns.notices(outstanding_only=True)

    def show_summary(self, summary: HomeSummary) -> None:
        self.summary = summary
        self.retranslate()

    def _texts(self, s: HomeSummary) -> None:
        self.counts_box.setTitle(self.tr("This month (%1)").replace("%1", s.period))
        self.value["incidents"].setText(str(s.incidents))
        self.caption["incidents"].setText(self.tr("incidents reported"))
        self.value["ipv"].setText(str(s.ipv_incidents))
        self.caption["ipv"].setText(self.tr("of them intimate partner violence"))
        self.value["referrals"].setText(str(s.referrals))
        self.caption["referrals"].setText(self.tr("referrals made"))
        self.value["meetings"].setText(str(s.meetings))
        self.caption["meetings"].setText(self.tr("meetings held"))
        self.value["follow_ups"].setText(str(s.follow_ups_due + s.follow_ups_overdue))
        self.caption["follow_ups"].setText(
            self.tr("follow-ups due today or overdue (%1 overdue)").replace("%1", str(s.follow_ups_overdue))
        )
        self.value["actions"].setText(str(s.open_action_items))
        self.caption["actions"].setText(
            self.tr("open action items from meetings (%1 overdue)").replace("%1", str(s.overdue_action_items))
        )
        self.month_box.setTitle(self.tr("Approval of %1").replace("%1", s.approval_period))
        approved = s.month_status == "approved"
        status = codes.MONTH_STATUS.label(s.month_status, current_language())
        if approved and s.figures_changed:
            self.month_status.setText(
                self.tr(
                    "%1 by %2. Case work since then has changed its figures: prints and the bundle "
                    "still show revision %3 until you approve a revision."
                )
                .replace("%1", status)
                .replace("%2", s.month_approved_by or "")
                .replace("%3", str(s.revision or 1))
            )
        elif approved:
            self.month_status.setText(
                self.tr("%1 by %2. Its figures are kept as approved; case work goes on.")
                .replace("%1", status)
                .replace("%2", s.month_approved_by or "")
            )
        else:
            self.month_status.setText(
                self.tr("%1: records of this month can still be added and changed.").replace("%1", status)
            )
        self.approve_button.setText(
            self.tr("Approve a revision…") if approved else self.tr("Approve this month…")
        )
        self.approve_button.setVisible(self.can_approve and (not approved or s.figures_changed))
        self.reopen_button.setVisible(self.can_approve and approved)

    # -- approval ---------------------------------------------------------------------------------

    def _for_shown_month(self, ask: Callable[[str], None]) -> None:
        """Ask about the month the page shows (nothing until its summary has been read)."""
        if self.summary is not None:
            ask(self.summary.approval_period)

    def ask_approve(self, period: str) -> None:
        confirm(
            self,
            self.tr(
                "Approve %1? Its figures will be kept as approved for every print and bundle, and its "
                "records locked against corrections (case work goes on). You can reopen the month "
                "later, giving a reason."
            ).replace("%1", period),
            self.tr("Approve"),
            lambda: self._run(
                lambda: self.months.approve(period),
                self.tr("%1 has been approved.").replace("%1", period),
            ),
        )

    def ask_reopen(self, period: str) -> None:
        ask_reason(
            self,
            self.tr("Reopen the month"),
            self.tr("Why does %1 need to be reopened? The reason is kept in the audit log.").replace(
                "%1", period
            ),
            self.tr("Reopen"),
            lambda reason: self._run(
                lambda: self.months.reopen(period, reason),
                self.tr("%1 has been reopened.").replace("%1", period),
            ),
        )

    def _run(self, call: object, done_text: str) -> None:
        # The change notice recounts this page and re-checks the record pages' month locks.
        run_write(
            self,
            self.session.hub,
            lambda _t: call(),  # type: ignore[operator]
            lambda _result: self._done(done_text),
        )

    def _done(self, text: str) -> None:
        show_message(self, text)
