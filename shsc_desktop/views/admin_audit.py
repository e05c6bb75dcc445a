"""The Audit log tab of the Administration page (an :mod:`~shsc_desktop.views.admin_part`): the
recent entries, and a check of the whole chain on the runner.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableView, QVBoxLayout, QWidget

from ..errors import ShscError
from ..security.audit import ChainReport
from ..services.admin import AuditLine
from .admin_part import AdminPart
from .admin_tables import AuditModel
from .builders import push_button, wrapped_label
from .i18n import show_status
from .messages import error_text
from .operations import BackgroundOperation, run_in_background


class AuditPart(AdminPart):
    """The audit log's table and Verify the audit log of the Administration page."""

    def _build_audit_tab(self) -> QWidget:
        self.audit_tab = QWidget()
        self.audit_intro = wrapped_label()
        self.verify_audit_button = push_button("verifyAuditButton")
        self.audit_result = wrapped_label("auditResult")
        self.audit_model = AuditModel(self)
        self.audit_table = QTableView()
        self.audit_table.setModel(self.audit_model)
        self.audit_table.setObjectName("auditTable")
        self.audit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_table.verticalHeader().hide()
        self.audit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        audit_layout = QVBoxLayout(self.audit_tab)
        audit_layout.addWidget(self.audit_intro)
        audit_row = QHBoxLayout()
        audit_row.addWidget(self.verify_audit_button)
        audit_row.addWidget(self.audit_result, 1)
        audit_layout.addLayout(audit_row)
        audit_layout.addWidget(self.audit_table, 1)
        self._last_report: ChainReport | None = None
        self.verify_audit_button.clicked.connect(self.verify_audit)
        return self.audit_tab

    def _retranslate_audit_tab(self) -> None:
        self.audit_intro.setText(
            self.tr(
                "Every change is recorded in the audit log. Each entry is linked to the one before, so any "
                "later alteration can be found."
            )
        )
        self.verify_audit_button.setText(self.tr("Verify the audit log"))
        self.audit_model.retranslate()
        if self._last_report is not None:
            self._show_report(self._last_report)

    def _show_audit(self, lines: list[AuditLine]) -> None:
        self.audit_model.set_rows(lines)

    def verify_audit(self) -> BackgroundOperation:
        self.verify_audit_button.setEnabled(False)
        show_status(self.audit_result, lambda: self.tr("Checking…"))

        def verified(report: ChainReport) -> None:
            self.verify_audit_button.setEnabled(True)
            self._last_report = report
            self._show_report(report)
            self.refresh()  # the audit log has a new entry

        def failed(error: BaseException) -> None:
            self.verify_audit_button.setEnabled(True)
            assert isinstance(error, ShscError)
            show_status(self.audit_result, lambda: error_text(error))

        return run_in_background(
            self, lambda _task: self.admin.verify_audit(), on_success=verified, on_failure=failed
        )

    def _show_report(self, report: ChainReport) -> None:
        if report.ok:
            self.audit_result.setText(self.count_text("entries checked", report.entries))
            self.audit_result.setStyleSheet("color: #1b5e20;")
        else:
            self.audit_result.setText(
                self.tr("The audit log has been altered. The first bad entry is number %1.").replace(
                    "%1", str(report.first_bad_seq)
                )
            )
            self.audit_result.setStyleSheet("color: #b00020;")
