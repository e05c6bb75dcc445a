"""The offices below (Exchange section of a district or the ministry): answer their certificate
requests, list them, revoke.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QVBoxLayout,
    QWidget,
)

from ..models.codes import OFFICE_LEVEL
from ..security.permissions import Perm
from ..services.enrolment import EnrolledView
from ..services.exchange_status import RequestPreview
from ..services.office import UnlockedOffice
from ..values.changes import Changes
from . import exchange_common as common  # common.choose_path looked up at call time: tests pre-answer it
from .builders import row_of
from .exchange_common import (
    BAD,
    BusyPanel,
    busy_bar,
    push_button,
    text_label,
)
from .form_helpers import ask_reason
from .grid_model import GridModel, grid_row, read_only_view, reload_keeping_selection
from .i18n import current_language, show_status
from .messages import confirm
from .operations import BackgroundOperation, Task, run_in_background


class EnrolPanel(BusyPanel):
    """Answer certificate requests of the offices below; list them; revoke."""

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(office, "enrolPanel", parent)
        self.enrolment = self.session.services.enrolment
        self.status_service = self.session.services.exchange_status
        self.own_fingerprints: dict[str, str] = {}
        self._reads = 0  # the latest refresh; an older answer is dropped
        self.can_enrol = office.actor.can(Perm.ENROL)
        self.offices: list[Any] = []
        self.last_package: Any = None

        self.own = text_label("rootFingerprint", selectable=True, fixed=True)
        self.help = text_label()
        self.answer_button = push_button("answerButton", self.choose_request)
        self.busy = busy_bar()
        self.result = text_label("signResult", selectable=True, fixed=True)
        self.model = GridModel(self._titles, self)
        self.table = read_only_view(self.model, "enrolledTable")
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_buttons())
        # the selected office's bound office-key fingerprint, as text to select and compare (issue 10)
        self.office_keys = text_label("enrolledOfficeKeys", selectable=True, fixed=True)
        self.revoke_button = push_button("revokeButton", self.ask_revoke)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addWidget(self.help)
        layout.addLayout(row_of(self.answer_button, self.busy))
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.office_keys)
        layout.addLayout(row_of(self.revoke_button))
        self.retranslate()
        self.session.hub.changed.connect(self.on_changes)
        self.refresh()

    def below_name(self) -> str:
        return self.tr("commune") if self.level == "district" else self.tr("district")

    def retranslate(self) -> None:
        self.help.setText(
            self.tr(
                "A %1 sends its certificate request file. Open it, compare its fingerprint with the one "
                "the %1 reads to you by phone, and save the certificate package for it."
            ).replace("%1", self.below_name())
        )
        self.answer_button.setText(self.tr("Answer a certificate request…"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.model.retranslate()  # the column titles in the new language
        self.own.setText(
            self.tr("Ministry root certificate fingerprint:")
            + "\n  "
            + self.own_fingerprints.get("root", "–")
        )
        self.own.setVisible(self.level == "ministry")
        self._fill()

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: an office enrolled or revoked."""
        if changes.exchange:
            self.refresh()

    def refresh(self) -> BackgroundOperation | None:
        """Read the offices enrolled (and the ministry's own fingerprints) in the background."""
        if self.office.locked:
            return None
        self._reads += 1
        ticket = self._reads
        enrolment, ministry = self.enrolment, self.level == "ministry"

        def read(_task: Task) -> tuple[list[Any], dict[str, str]]:
            return enrolment.enrolled(), enrolment.own_fingerprints() if ministry else {}

        def show(found: tuple[list[Any], dict[str, str]]) -> None:
            if ticket == self._reads:
                self.offices, self.own_fingerprints = found
                self.retranslate()

        return run_in_background(self, read, show)

    def _fill(self) -> None:
        """The offices read last, in the current language."""
        lang = current_language()
        rows = []
        for e in self.offices:
            name = (e.name_km if lang == "km" else e.name_en) or e.name_en
            if e.revoked:
                status = self.tr("Revoked: %1").replace("%1", e.revoke_reason)
                colour: QColor | None = BAD
            else:
                status, colour = self.tr("Active"), None
            texts = [e.code, name, e.enrolled_at.strftime("%Y-%m-%d"), status, self._office_keys_text(e)]
            rows.append(grid_row(texts, colour, key=e.code))
        reload_keeping_selection(self.table, self.model, rows)  # the office chosen stays chosen
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, 240)
        self._update_buttons()

    def _titles(self) -> list[str]:
        code, office, enrolled = self.tr("Code"), self.tr("Office"), self.tr("Enrolled")
        return [code, office, enrolled, self.tr("Status"), self.tr("Office keys")]

    def _office_keys_text(self, e: EnrolledView) -> str:
        """The office-key fingerprint bound at enrolment, or that the first bundle will bind it."""
        return e.office_keys or self.tr("not yet bound")

    def _update_buttons(self) -> None:
        busy = self.operation is not None
        self.answer_button.setEnabled(self.can_enrol and not busy)
        rows = self.table.selectionModel().selectedRows()
        if rows:
            e = self.offices[rows[0].row()]
            self.office_keys.setText(
                self.tr("Office keys of %1: %2")
                .replace("%1", e.code)
                .replace("%2", self._office_keys_text(e))
                if e.office_keys
                else self.tr(
                    "Office keys of %1: not yet bound (enrolled before office keys; its first bundle that "
                    "carries them binds them)"
                ).replace("%1", e.code)
            )
        self.office_keys.setVisible(bool(rows))
        selectable = bool(rows) and not self.offices[rows[0].row()].revoked
        self.revoke_button.setEnabled(self.can_enrol and selectable and not busy)

    # -- answer a request ----------------------------------------------------------------------------

    def choose_request(self) -> QFileDialog:
        return common.choose_one(
            self,
            self.tr("Open the certificate request"),
            self.open_request,
            purpose="enrolment",
            name_filters=[self.tr("Certificate requests (*.shscreq)"), self.tr("All files (*)")],
        )

    def open_request(self, path: Path) -> BackgroundOperation:
        return self._run(
            lambda _task: self.status_service.preview_request(path), self._confirm_request, self.busy
        )

    def _confirm_request(self, preview: RequestPreview) -> None:
        lang = current_language()
        name = (preview.name_km if lang == "km" else preview.name_en) or preview.name_en
        text = (
            self.tr("Certificate request from %1 %2 (code %3).")
            .replace("%1", OFFICE_LEVEL.label(preview.level, lang))
            .replace("%2", name)
            .replace("%3", preview.code)
            + "\n\n"
            + self.tr("Fingerprint of the request:")
            + "\n"
            + preview.fingerprint
            + "\n\n"
            + self.tr(
                "Ask the office to read its fingerprint to you by phone. Continue only if it is the same."
            )
        )
        confirm(
            self,
            text,
            self.tr("It is the same: create the package"),
            lambda: self.choose_package_target(preview),
        )

    def choose_package_target(self, preview: RequestPreview) -> QFileDialog:
        return common.choose_one(
            self,
            self.tr("Save the certificate package"),
            lambda path: self.start_sign(preview.path, path),
            purpose="enrolment",
            save=True,
            name_filters=[self.tr("Certificate packages (*.shscpkg)")],
            default_name=f"{preview.code}.shscpkg",
        )

    def package_text(self, result: Any) -> str:
        names = {
            "signing": self.tr("Signing"),
            "ca": self.tr("District CA"),
            "encryption": self.tr("Encryption (receiving)"),
        }
        lines = [f"{names.get(k, k)}: {v}" for k, v in result.fingerprints.items()]
        return (
            self.tr("Package for %1 saved as %2. Read these fingerprints to the office:")
            .replace("%1", result.code)
            .replace("%2", str(result.path))
            + "\n"
            + "\n".join(lines)
        )

    def start_sign(self, request: Path, target: Path) -> BackgroundOperation:
        def signed(result: Any) -> None:
            self.last_package = result
            show_status(self.result, lambda: self.package_text(result))

        return self._run(lambda _task: self.enrolment.sign(request, target), signed, self.busy)

    # -- revoke --------------------------------------------------------------------------------------

    def ask_revoke(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.offices[rows[0].row()]
        ask_reason(
            self,
            self.tr("Revoke %1").replace("%1", entry.code),
            self.tr(
                "Revoking is final: bundles signed by %1 will be refused from now on, and the office "
                "must enrol again with a new request. Why is it revoked (for example: computer stolen)?"
            ).replace("%1", entry.code),
            self.tr("Revoke"),
            lambda reason: self._confirm_revoke(entry.code, reason),
        )

    def _confirm_revoke(self, code: str, reason: str) -> None:
        confirm(
            self,
            self.tr("Revoke the certificates of %1? This cannot be undone.").replace("%1", code),
            self.tr("Revoke"),
            lambda: self.revoke(code, reason),
        )

    def revoke(self, code: str, reason: str) -> BackgroundOperation:
        return self._run(lambda _task: self.enrolment.revoke(code, reason), lambda _n: None, self.busy)
