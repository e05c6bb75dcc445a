"""This office towards the one above (Exchange section): its certificate (request → install, with
fingerprints to compare by phone), export of an approved month, the export history and re-export, and
the notices of reports returned for correction. A commune's whole page; a district's "To the
ministry" tab.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..models.codes import OFFICE_LEVEL
from ..security.permissions import Perm
from ..services.desk import MonthFacts, OfficeRef
from ..services.exchange_export import ExportResult
from ..services.exchange_status import CertificateStatus, PackagePreview
from ..services.office import UnlockedOffice
from ..services.returns import NoticeView
from ..services.statistics import period_label
from ..values.changes import Changes
from . import exchange_common as common  # common.choose_path looked up at call time: tests pre-answer it
from .builders import row_of
from .exchange_common import (
    BusyPanel,
    busy_bar,
    notice_line,
    push_button,
    text_label,
)
from .grid_model import GridModel, grid_row, read_only_view, reload_keeping_selection
from .i18n import current_language, show_status
from .messages import confirm, show_message
from .operations import BackgroundOperation, Task, run_in_background
from .screen import FlowRow

CERTIFICATE_NAME = re.compile(r"SHSC (commune|district|ministry) (?:(root CA|CA) )?(\S+)( encryption)?")
"""The common names ``security/pki.py`` gives: "SHSC district 1201", "SHSC district CA 1201"…"""


class UpwardPanel(BusyPanel):
    """This office's certificate from the office above, and the bundles it sends there.

    Used as the whole Exchange page of a commune and as the "To the ministry" tab of a district.
    """

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(office, "upwardPanel", parent)
        services = self.session.services
        self.status_service = services.exchange_status
        self.exports = services.exports
        self.enrolment = services.enrolment
        self.returns = services.returns
        self.can_enrol = office.actor.can(Perm.ENROL)
        self.can_export = office.actor.can(Perm.EXPORT)
        self.can_approve = self.level == "district" and office.actor.can(Perm.APPROVE_MONTH)
        self.status: CertificateStatus | None = None
        self.last_request_fingerprint = ""
        self.last_export: ExportResult | None = None
        self.history_rows: list[Any] = []
        self.periods: list[str] = []  # the approved months that can be sent
        self.now = self.status_service.clock()  # today, for the months a district may approve
        self.pick_month: str | None = None  # a month just approved: chosen to send once listed
        self._reads = 0  # the latest refresh; an older answer is dropped

        # -- certificate ------------------------------------------------------------------------
        self.certificate_box = QGroupBox()
        self.certificate_status = text_label("certificateStatus", selectable=True)
        self.fingerprints = text_label("ownFingerprints", selectable=True, fixed=True)
        self.request_button = push_button("requestButton", self.choose_request_target)
        self.install_button = push_button("installButton", self.choose_package)
        self.cert_busy = busy_bar()
        box = QVBoxLayout(self.certificate_box)
        box.addWidget(self.certificate_status)
        box.addWidget(self.fingerprints)
        box.addLayout(row_of(self.request_button, self.install_button, self.cert_busy))

        # -- export -----------------------------------------------------------------------------
        self.export_box = QGroupBox()
        self.export_help = text_label()
        self.month = QComboBox()
        self.month.setObjectName("exportMonth")
        self.month.setMinimumWidth(180)
        self.export_button = push_button("exportButton", self.choose_export_folder)
        self.export_month_label = QLabel()
        self.export_month_label.setBuddy(self.month)
        self.approve_month_label = QLabel()
        self.approve_month = QComboBox()
        self.approve_month.setObjectName("approveMonth")
        self.approve_month.setMinimumWidth(180)
        self.approve_month_label.setBuddy(self.approve_month)
        self.approve_month.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.approve_button = push_button("approveButton", self.ask_approve)
        self.export_progress = busy_bar()
        self.export_result = text_label("exportResult", selectable=True)
        # Two labelled rows: approving one month and sending another must not be confused.
        approve_row = FlowRow().add_widgets(self.approve_month_label, self.approve_month, self.approve_button)
        row = FlowRow().add_widgets(
            self.export_month_label, self.month, self.export_button, self.export_progress
        )
        self.history_model = GridModel(self._history_titles, self)
        self.history = read_only_view(self.history_model, "exportHistory")
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.history.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_buttons())
        self.reexport_button = push_button("reexportButton", self.choose_reexport_folder)
        self.history_label = QLabel()
        export_layout = QVBoxLayout(self.export_box)
        export_layout.addWidget(self.export_help)
        if self.can_approve:
            export_layout.addLayout(approve_row)
        else:
            self.approve_month_label.hide()
            self.approve_month.hide()
            self.approve_button.hide()
        export_layout.addLayout(row)
        export_layout.addWidget(self.export_result)
        export_layout.addWidget(self.history_label)
        export_layout.addWidget(self.history, 1)
        export_layout.addLayout(row_of(self.reexport_button))

        # -- return notices from the district (a commune) ----------------------------------------
        self.notices_box = QGroupBox()
        self.notices_text = text_label("returnNotices", selectable=True)
        self.notice_button = push_button("importNoticeButton", self.choose_notice)
        self.notice_busy = busy_bar()
        self.can_import_notice = self.level == "commune" and office.actor.can(Perm.IMPORT)
        self.notices: list[NoticeView] = []
        notices_layout = QVBoxLayout(self.notices_box)
        notices_layout.addWidget(self.notices_text)
        notices_layout.addLayout(row_of(self.notice_button, self.notice_busy))
        self.notices_box.setVisible(self.level == "commune")
        self.notice_button.setVisible(self.can_import_notice)

        layout = QVBoxLayout(self)
        layout.addWidget(self.certificate_box)
        layout.addWidget(self.notices_box)
        layout.addWidget(self.export_box, 1)
        self.retranslate()
        self.session.hub.changed.connect(self.on_changes)
        self.refresh()

    # -- texts -------------------------------------------------------------------------------------

    def above_name(self) -> str:
        return self.tr("the district") if self.level == "commune" else self.tr("the ministry")

    def retranslate(self) -> None:
        self.certificate_box.setTitle(self.tr("This office's certificate"))
        self.request_button.setText(self.tr("Create certificate request…"))
        self.install_button.setText(self.tr("Install certificate package…"))
        self.export_box.setTitle(self.tr("Send a month to %1").replace("%1", self.above_name()))
        self.export_help.setText(
            self.tr(
                "Only approved months can be sent. The bundle is signed by this office and encrypted for "
                "%1: carry it on a USB stick or send it by e-mail."
            ).replace("%1", self.above_name())
        )
        self.export_button.setText(self.tr("Export month…"))
        self.approve_button.setText(self.tr("Approve month…"))
        self.approve_month_label.setText(self.tr("Month to approve:"))
        self.approve_month.setPlaceholderText(self.tr("Choose a month"))
        self.export_month_label.setText(self.tr("Month to send:"))
        self.reexport_button.setText(self.tr("Export the same revision again…"))
        self.history_label.setText(self.tr("Bundles written"))
        self.notices_box.setTitle(self.tr("Returned by the district for correction"))
        self.notice_button.setText(self.tr("Import a return notice…"))
        self._show_notices()
        self._show_status()
        self._fill_months()
        self._fill_history()

    # -- state -------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: certificates, bundles, notices and approved months."""
        if changes.exchange or changes.months:
            self.refresh()

    def refresh(self) -> BackgroundOperation | None:
        """Read the certificate, the months to send, the bundles written and the notices in the
        background, then show them."""
        if self.office.locked:  # a language change while the window closes after locking
            return None
        self._reads += 1
        ticket = self._reads
        status_service, exports, returns = self.status_service, self.exports, self.returns
        can_export, commune = self.can_export, self.level == "commune"

        def read(_task: Task) -> tuple[Any, ...]:
            return (
                status_service.certificate_status(),
                status_service.exportable_months() if can_export else [],
                exports.history() if can_export else [],
                returns.notices() if commune else [],
                status_service.clock(),
            )

        def show(found: tuple[Any, ...]) -> None:
            if ticket != self._reads:
                return
            self.status, self.periods, self.history_rows, self.notices, self.now = found
            self._show_status()
            self._fill_months()
            if commune:
                self._show_notices()
            self._fill_history()
            self._update_buttons()

        return run_in_background(self, read, show)

    def _fill_history(self) -> None:
        """The bundles written, in the current language (a language switch re-fills them)."""
        lang = current_language()
        rows = []
        for rec in self.history_rows:
            written = rec.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            texts = [
                period_label(rec.period, lang),
                str(rec.revision),
                str(rec.sequence),
                rec.file_name,
                written + (" " + self.tr("(again)") if rec.reexport else ""),
            ]
            rows.append(grid_row(texts, key=(rec.bundle_id, rec.sequence, rec.created_at)))
        # the bundle selected to write again stays selected when a notice refreshes the list
        reload_keeping_selection(self.history, self.history_model, rows)

    def _history_titles(self) -> list[str]:
        month, revision, sequence = self.tr("Month"), self.tr("Revision"), self.tr("Sequence")
        return [month, revision, sequence, self.tr("File"), self.tr("Written")]

    def _show_status(self) -> None:
        st = self.status
        if st is None:
            return
        lines = []
        if st.enrolled:
            until = st.valid_until.astimezone().strftime("%Y-%m-%d") if st.valid_until else "–"
            lines.append(
                self.tr("Certificate %1, issued by %2, valid until %3.")
                .replace("%1", self.certificate_name(st.subject))
                .replace("%2", self.certificate_name(st.issuer))
                .replace("%3", until)
            )
            if st.revoked:
                lines.append(
                    self.tr("REVOKED: this certificate has been revoked. Ask %1 for a new one.").replace(
                        "%1", self.above_name()
                    )
                )
            else:
                lines.append(self.tr("Not revoked."))
        else:
            lines.append(
                self.tr("This office has no certificate from %1 yet.").replace("%1", self.above_name())
            )
        if st.request_pending:
            lines.append(
                self.tr(
                    "A certificate request is waiting for its package: install it when %1 sends it."
                ).replace("%1", self.above_name())
            )
        if self.last_request_fingerprint:
            lines.append(
                self.tr("Fingerprint of the request to read to %1 by phone: %2")
                .replace("%1", self.above_name())
                .replace("%2", self.last_request_fingerprint)
            )
        self.certificate_status.setText("\n".join(lines))
        shown = []
        names = self.purpose_names()
        for name, fp in st.fingerprints.items():
            shown.append(f"{names.get(name, name)}:\n  {fp}")
        self.fingerprints.setText("\n".join(shown))
        self.fingerprints.setVisible(bool(shown))

    def certificate_name(self, common_name: str) -> str:
        """A certificate's name ("SHSC district CA 1201") in words of the interface language."""
        match = CERTIFICATE_NAME.fullmatch(common_name)
        if match is None:
            return common_name
        level, kind, code, encryption = match.groups()
        office = OFFICE_LEVEL.label(level, current_language())
        if level == "ministry":
            office_text = office
        else:
            office_text = self.tr("%1 %2").replace("%1", office).replace("%2", code)
        if kind == "root CA":
            return self.tr("the root of %1").replace("%1", office_text)
        if kind == "CA":
            return self.tr("the certificate authority of %1").replace("%1", office_text)
        if encryption:
            return self.tr("the encryption key of %1").replace("%1", office_text)
        return office_text

    def purpose_names(self) -> dict[str, str]:
        return {
            "root": self.tr("Ministry root"),
            "ca": self.tr("District CA"),
            "signing": self.tr("Signing"),
            "encryption": self.tr("Encryption (receiving)"),
            "recipient": self.tr("Recipient above"),
        }

    def _fill_months(self) -> None:
        if not hasattr(self, "month") or self.office.locked:
            return
        lang = current_language()
        periods = self.periods
        current = self.month.currentData()
        if self.pick_month in periods:
            current, self.pick_month = self.pick_month, None
        self.month.clear()
        for p in periods:
            self.month.addItem(period_label(p, lang), p)
        if current is not None and self.month.findData(current) >= 0:
            self.month.setCurrentIndex(self.month.findData(current))
        if self.can_approve:
            from ..services.district import recent_periods

            approved = set(periods)
            current = self.approve_month.currentData()
            first_fill = self.approve_month.count() == 0 and current is None
            self.approve_month.blockSignals(True)
            self.approve_month.clear()
            for p in reversed(recent_periods(self.now, 12)):
                if p not in approved:
                    self.approve_month.addItem(period_label(p, lang), p)
            # Never a silent jump to another month: a month that left the list (approved) leaves
            # the box empty until the officer chooses again.
            index = self.approve_month.findData(current) if current is not None else -1
            self.approve_month.setCurrentIndex(0 if first_fill and self.approve_month.count() else index)
            self.approve_month.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.operation is not None
        st = self.status
        enrolled = bool(st and st.enrolled)
        self.request_button.setEnabled(self.can_enrol and not busy)
        self.install_button.setEnabled(self.can_enrol and bool(st and st.request_pending) and not busy)
        self.export_button.setEnabled(self.can_export and enrolled and self.month.count() > 0 and not busy)
        self.reexport_button.setEnabled(
            self.can_export and enrolled and self.history.selectionModel().hasSelection() and not busy
        )
        self.approve_button.setEnabled(
            self.can_approve and self.approve_month.currentIndex() >= 0 and not busy
        )

    # -- return notices from the district ---------------------------------------------------------

    def _show_notices(self) -> None:
        lang = current_language()
        lines = []
        for n in self.notices:
            line = notice_line(n, lang)
            if not n.outstanding:
                line += " " + self.tr("(corrected: a newer revision was sent)")
            lines.append(line)
        self.notices_text.setText(
            "\n".join(lines) if lines else self.tr("The district has returned no month for correction.")
        )

    def choose_notice(self) -> QFileDialog:
        return common.choose_one(
            self,
            self.tr("Open the district's return notice"),
            self.import_notice,
            purpose="notice",
            name_filters=[self.tr("Return notices (*.shscret)"), self.tr("All files (*)")],
        )

    def import_notice(self, path: Path) -> BackgroundOperation:
        service = self.returns

        def imported(notice: NoticeView) -> None:
            text = notice_line(notice, current_language())
            if notice.already_imported:
                text += "\n" + self.tr("This notice had already been imported.")
            else:
                text += "\n" + self.tr(
                    "Reopen the month on Home, correct it, approve it again and export it: the district "
                    "then receives the corrected revision."
                )
            show_message(self, text)

        return self._run(lambda _task: service.import_notice(path), imported, self.notice_busy)

    # -- certificate request and package --------------------------------------------------------

    def choose_request_target(self) -> QFileDialog:
        code = self.office.info.code or "office"
        return common.choose_one(
            self,
            self.tr("Save the certificate request"),
            self.start_request,
            purpose="enrolment",
            save=True,
            name_filters=[self.tr("Certificate requests (*.shscreq)")],
            default_name=f"{code}.shscreq",
        )

    def start_request(self, target: Path) -> BackgroundOperation:
        service = self.enrolment

        def written(result: Any) -> None:
            self.last_request_fingerprint = result.fingerprint  # shown once the notice's refresh is back
            show_message(
                self,
                self.tr(
                    "The request was saved as %1. Give the file to %2, then read this fingerprint to them "
                    "by phone; they must see the same one:\n\n%3"
                )
                .replace("%1", str(result.path))
                .replace("%2", self.above_name())
                .replace("%3", result.fingerprint),
            )

        return self._run(lambda _task: service.request(target), written, self.cert_busy)

    def choose_package(self) -> QFileDialog:
        return common.choose_one(
            self,
            self.tr("Open the certificate package"),
            self.open_package,
            purpose="enrolment",
            name_filters=[self.tr("Certificate packages (*.shscpkg)"), self.tr("All files (*)")],
        )

    def open_package(self, path: Path) -> BackgroundOperation:
        """Check the package against our request and show its fingerprints before installing."""
        return self._run(
            lambda _task: self.status_service.preview_package(path), self._confirm_package, self.cert_busy
        )

    def _confirm_package(self, preview: PackagePreview) -> None:
        names = self.purpose_names()
        lines = [f"{names.get(k, k)}: {v}" for k, v in preview.fingerprints.items()]
        text = (
            self.tr(
                "Compare these fingerprints with the ones %1 reads to you by phone. Install the "
                "certificates only if every one is the same."
            ).replace("%1", self.above_name())
            + "\n\n"
            + "\n".join(lines)
        )
        confirm(self, text, self.tr("They are the same: install"), lambda: self.install(preview.path))

    def install(self, path: Path) -> BackgroundOperation:
        service = self.enrolment

        def installed(_result: Any) -> None:
            self.last_request_fingerprint = ""
            show_message(self, self.tr("The certificates are installed. This office can now send bundles."))

        return self._run(lambda _task: service.accept(path), installed, self.cert_busy)

    # -- district: approve its own month ------------------------------------------------------------

    def ask_approve(self) -> BackgroundOperation | None:
        """Read who reported the month (in the background), then ask with those facts in front."""
        period = self.approve_month.currentData()
        if not period:
            return None
        desk = self.session.services.desk
        return self._run(lambda _task: desk.month_facts(period), self._confirm_approve, self.export_progress)

    def approval_text(self, facts: MonthFacts) -> str:
        lang = current_language()
        month = period_label(facts.period, lang)

        def names(refs: tuple[OfficeRef, ...]) -> str:
            return ", ".join(r.label(lang) for r in refs)

        lines = [
            self.tr(
                "Approve %1 for the district? Its totals are then sent as they are now; a later change "
                "needs a new revision."
            ).replace("%1", month),
            "",
            self.tr("Reports received: %1 of %2 communes.")
            .replace("%1", str(len(facts.received)))
            .replace("%2", str(len(facts.expected))),
        ]
        if facts.missing:
            lines.append(self.tr("Not reported: %1").replace("%1", names(facts.missing)))
        if facts.not_enrolled:
            lines.append(
                self.tr("Not enrolled (cannot report yet): %1").replace("%1", names(facts.not_enrolled))
            )
        if facts.late:
            lines.append(self.tr("Late: %1").replace("%1", names(facts.late)))
        if facts.nil_reports:
            lines.append(self.tr("Nil reports (no incidents): %1").replace("%1", names(facts.nil_reports)))
        if facts.nothing_received:
            lines += [
                "",
                self.tr(
                    "No commune has reported %1 yet: approving now sends a month without any report. "
                    "Approve it as incomplete, or wait for the reports."
                ).replace("%1", month),
            ]
        elif facts.not_reported:
            lines += [
                "",
                self.tr(
                    "The month is incomplete. Approve it as it is, or wait for the missing reports "
                    "(a late report needs a new revision of the district's month)."
                ),
            ]
        return "\n".join(lines)

    def _confirm_approve(self, facts: MonthFacts) -> None:
        period = facts.period
        if facts.complete:
            confirm(self, self.approval_text(facts), self.tr("Approve"), lambda: self.approve(period))
            return
        confirm(
            self,
            self.approval_text(facts),
            self.tr("Approve as incomplete"),
            lambda: self.approve(period),
            QMessageBox.Icon.Warning,
            cancel_text=self.tr("Wait"),
        )

    def approve(self, period: str) -> BackgroundOperation:
        service = self.session.services.district

        def approved(_result: Any) -> None:
            # The approved month is now the one to send: say so, and pick it there once the
            # notice's refresh lists it.
            self.pick_month = period
            self.export_result.setText(
                self.tr("%1 is approved: it can now be sent to the ministry.").replace(
                    "%1", period_label(period, current_language())
                )
            )

        return self._run(
            lambda _task: service.approve_month(period),
            approved,
            self.export_progress,
        )

    # -- export ----------------------------------------------------------------------------------------

    def choose_export_folder(self) -> QFileDialog | None:
        period = self.month.currentData()
        if not period:
            return None
        return common.choose_one(
            self,
            self.tr("Choose the folder (USB stick) for the bundle"),
            lambda path: self.start_export(period, path),
            purpose="upward",
            folder=True,
        )

    def choose_reexport_folder(self) -> QFileDialog | None:
        rows = self.history.selectionModel().selectedRows()
        if not rows:
            return None
        period = self.history_rows[rows[0].row()].period
        return common.choose_one(
            self,
            self.tr("Choose the folder (USB stick) for the bundle"),
            lambda path: self.start_export(period, path),
            purpose="upward",
            folder=True,
        )

    def written_text(self, result: ExportResult) -> str:
        text = self.tr("Written: %1 (revision %2, sequence %3).")
        if result.reexport:
            text = self.tr("Written again, same content: %1 (revision %2, sequence %3).")
        text = text.replace("%1", str(result.path)).replace("%2", str(result.revision))
        text = text.replace("%3", str(result.sequence))
        if result.nil_report:
            text += " " + self.tr("Nil report: nothing happened this month.")
        return text

    def start_export(self, period: str, folder: Path) -> BackgroundOperation:
        show_status(self.export_result, lambda: self.tr("Signing and encrypting…"))

        def written(result: ExportResult) -> None:
            self.last_export = result
            show_status(self.export_result, lambda: self.written_text(result))

        op = self._run(
            lambda _task: self.exports.export_month(period, folder),
            written,
            self.export_progress,
        )
        op.failed.connect(lambda _e: self.export_result.setText(""))
        return op
