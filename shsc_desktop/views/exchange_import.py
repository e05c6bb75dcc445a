"""Import of the bundles of the offices below (Exchange section of a district or the ministry):
choose files → dry-run summary → confirm → applied (Stop between bundles) → summary.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ..errors import ShscError
from ..security.permissions import Perm
from ..services.desk import OfficeRef
from ..services.exchange_import import FileResult, ImportSummary
from ..services.office import UnlockedOffice
from ..services.statistics import period_label
from . import exchange_common as common  # common.choose_path looked up at call time: tests pre-answer it
from .builders import row_of
from .exchange_common import (
    BAD,
    GOOD,
    NEUTRAL,
    OfficePanel,
    push_button,
    text_label,
)
from .grid_model import Cell, GridModel, GridRow, read_only_view, reload_keeping_selection
from .i18n import current_language
from .messages import bundle_reason_text, show_error
from .operations import BackgroundOperation, Task, run_write
from .screen import scrolling


class ImportPanel(OfficePanel):
    """Choose bundle files → dry-run summary → confirm → applied (cancel between files) → summary."""

    COL_FILE, COL_RESULT, COL_OFFICE, COL_MONTH, COL_REVISION, COL_SEQUENCE, COL_DETAIL = range(7)

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None):
        super().__init__(office, "importPanel", parent)
        self.imports = self.session.services.imports
        self.desk = self.session.services.desk
        self.can_import = office.actor.can(Perm.IMPORT)
        self.names: dict[str, OfficeRef] = {}
        self.paths: list[Path] = []
        self.summary: ImportSummary | None = None
        self.not_imported = 0  # files a cancelled import left out, said after its counts
        self.operation: BackgroundOperation | None = None

        self.help = text_label()
        self.choose_button = push_button("chooseBundlesButton", self.choose_files)
        self.confirm_button = push_button("confirmImportButton", self.apply)
        self.discard_button = push_button("discardImportButton", self.discard)
        self.stop_button = push_button("stopImportButton", self.stop)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        self.stop_button.hide()
        self.title = QLabel()
        self.title.setObjectName("importTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.counts = text_label("importCounts")
        self.model = GridModel(self._titles, self)
        self.table = read_only_view(self.model, "importTable")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in (self.COL_RESULT, self.COL_MONTH, self.COL_REVISION, self.COL_SEQUENCE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # The reason gets the rest of the width (wrapped), and the whole of it in the pane below.
        header.setSectionResizeMode(self.COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.COL_FILE, 150)
        self.table.setColumnWidth(self.COL_OFFICE, 170)
        # Columns fill the width, no sideways scrolling: the reason wraps, and reads whole below.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.setMinimumSectionSize(60)
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._show_details())
        self.details = text_label("importDetails", selectable=True)
        self.details.setFrameShape(QLabel.Shape.StyledPanel)
        self.details.setMargin(6)
        self.details.hide()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.help)
        body_layout.addLayout(row_of(self.choose_button, self.progress, self.stop_button))
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.counts)
        body_layout.addWidget(self.table, 1)
        body_layout.addWidget(self.details)
        # Confirm/Cancel stay on screen below the dry run, however small the window: the rest scrolls.
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body, "importBody"), 1)
        layout.addLayout(row_of(self.confirm_button, self.discard_button))
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.help.setText(
            self.tr(
                "Choose the bundle files (.shsc) from the USB stick or e-mail. First you see what would "
                "happen to each file (a dry run: nothing is changed); then confirm to import."
            )
        )
        self.choose_button.setText(self.tr("Import bundles…"))
        self.confirm_button.setText(self.tr("Confirm import"))
        self.discard_button.setText(self.tr("Cancel"))
        self.stop_button.setText(self.tr("Stop after this file"))
        self.model.retranslate()  # the column titles in the new language
        if self.summary is not None:
            self.show_summary(self.summary)

    def _update_buttons(self) -> None:
        busy = self.operation is not None
        pending = self.summary is not None and self.summary.dry_run
        useful = pending and bool(self.summary and (self.summary.imported or self.summary.updated))
        self.choose_button.setEnabled(self.can_import and not busy)
        self.confirm_button.setEnabled(useful and not busy)
        self.confirm_button.setVisible(pending)
        self.discard_button.setVisible(pending)
        self.discard_button.setEnabled(not busy)

    def outcome_text(self, result: FileResult, dry_run: bool = False) -> str:
        """What happened to the file, or in a dry run what will happen when it is confirmed."""
        texts = {"already_imported": self.tr("Already imported"), "rejected": self.tr("Rejected")}
        if dry_run:
            texts.update(imported=self.tr("Will be imported"), updated=self.tr("Will update"))
        else:
            texts.update(imported=self.tr("Imported"), updated=self.tr("Updated"))
        return texts.get(result.outcome, result.outcome)

    def office_text(self, code: str) -> str:
        """ "Name (code)": never a bare code when the office has a name."""
        if not code:
            return ""
        return self.names.get(code, OfficeRef(code)).label(current_language())

    def detail_text(self, result: FileResult) -> str:
        if result.rejected:
            return bundle_reason_text(result.reason)
        parts = []
        if result.nil_report:
            parts.append(self.tr("Nil report"))
        if result.outcome == "updated":
            parts.append(self.tr("Replaces the earlier revision"))
        if result.gap:
            parts.append(self.tr("%n earlier bundle(s) from this office are missing", "", result.gap))
        return "; ".join(parts)

    def show_summary(self, summary: ImportSummary) -> None:
        self.summary = summary
        lang = current_language()
        if summary.dry_run:
            self.title.setText(self.tr("Dry run: what would happen (nothing has been changed yet)"))
        else:
            self.title.setText(self.tr("Import done"))
        files = len(summary.results)
        counts = (
            self.tr(
                "%n file(s): %1 will be imported, %2 will update, %3 already imported, %4 rejected", "", files
            )
            if summary.dry_run
            else self.tr("%n file(s): %1 imported, %2 updated, %3 already imported, %4 rejected", "", files)
        )
        text = (
            counts.replace("%1", str(summary.imported))
            .replace("%2", str(summary.updated))
            .replace("%3", str(summary.already_imported))
            .replace("%4", str(summary.rejected))
        )
        if summary.dry_run:
            self.not_imported = 0
        elif self.not_imported:  # kept across a language switch, which shows the summary again
            text += " " + self.tr("Stopped: %n file(s) were not imported.", "", self.not_imported)
        self.counts.setText(text)
        colours = {"imported": GOOD, "updated": GOOD, "already_imported": NEUTRAL, "rejected": BAD}
        rows = []
        for i, r in enumerate(summary.results):
            colour = colours.get(r.outcome)
            texts = [
                r.path.name,
                self.outcome_text(r, summary.dry_run),
                self.office_text(r.sender),
                period_label(r.period, lang) if r.period else "",
                str(r.revision or ""),
                str(r.sequence or ""),
            ]
            detail = Cell(self.detail_text(r), colour, r.message or self.detail_text(r))
            rows.append(GridRow((*(Cell(text, colour) for text in texts), detail), i))
        reload_keeping_selection(self.table, self.model, rows)
        self.table.resizeRowsToContents()
        # The first rejected file's whole reason is shown at once (the row can be changed).
        rejected = [i for i, r in enumerate(summary.results) if r.rejected]
        if rejected:
            self.table.selectRow(rejected[0])
        self._show_details()
        self._update_buttons()

    def _titles(self) -> list[str]:
        file, result, office = self.tr("File"), self.tr("Result"), self.tr("Office")
        month, revision, sequence = self.tr("Month"), self.tr("Revision"), self.tr("Sequence")
        return [file, result, office, month, revision, sequence, self.tr("Details")]

    def _show_details(self) -> None:
        """The selected file in full sentences: result, office, and the whole reason."""
        rows = self.table.selectionModel().selectedRows()
        if self.summary is None or not rows or rows[0].row() >= len(self.summary.results):
            self.details.hide()
            self.details.setText("")
            return
        r = self.summary.results[rows[0].row()]
        lines = [f"{r.path.name}: {self.outcome_text(r, self.summary.dry_run)}"]
        if r.sender:
            lines.append(self.tr("Office: %1").replace("%1", self.office_text(r.sender)))
        detail = self.detail_text(r)
        if detail:
            lines.append(detail)
        self.details.setText("\n".join(lines))
        self.details.show()

    def choose_files(self) -> QFileDialog:
        return common.choose_path(
            self,
            self.tr("Choose the bundle files"),
            self.dry_run,
            many=True,
            name_filters=[self.tr("SHSC bundles (*.shsc)"), self.tr("All files (*)")],
        )

    def _start(
        self,
        work: Callable[[Task], Any],
        on_success: Callable[[Any], None],
        cancellable: bool,
    ) -> BackgroundOperation:
        """``work`` with the progress bar; an import for real tells the office what it changed
        (completeness, totals, Home and the district's months refresh from that notice), a dry run
        nothing."""
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stop_button.setVisible(cancellable)
        self.stop_button.setEnabled(True)

        def progress(done: int, total: int) -> None:
            if total > 0:
                self.progress.setRange(0, total)
                self.progress.setValue(done)

        def done() -> None:
            self.operation = None
            self.progress.hide()
            self.stop_button.hide()
            self._update_buttons()

        def succeeded(result: Any) -> None:
            done()
            on_success(result)

        def failed(error: BaseException) -> None:
            done()
            assert isinstance(error, ShscError)
            show_error(self, error)

        self.operation = run_write(self, self.session.hub, work, succeeded, failed, progress)
        self._update_buttons()
        return self.operation

    def dry_run(self, paths: list[Path]) -> BackgroundOperation:
        """Verify every file and show what importing would do; nothing is changed."""
        self.paths = list(paths)
        self.summary = None
        imports, desk, paths = self.imports, self.desk, list(self.paths)

        def work(task: Task) -> tuple[ImportSummary, dict[str, OfficeRef]]:
            return imports.import_files(paths, dry_run=True, progress=task.report), desk.names()

        def checked(result: tuple[ImportSummary, dict[str, OfficeRef]]) -> None:
            self.names = result[1]
            self.show_summary(result[0])

        return self._start(work, checked, cancellable=False)

    def apply(self) -> BackgroundOperation | None:
        """Import for real (the service applies the bundles in sequence order per office, a few per
        transaction, each whole or not at all); Stop takes effect between bundles."""
        dry = self.summary
        if dry is None or not dry.dry_run:
            return None
        paths = [r.path for r in dry.results]
        imports = self.imports

        def work(task: Task) -> ImportSummary:
            return imports.import_files(paths, progress=task.report, cancelled=task.is_cancelled)

        def applied(summary: ImportSummary) -> None:
            self.not_imported = len(dry.results) - len(summary.results)
            self.show_summary(summary)

        return self._start(work, applied, cancellable=True)

    def stop(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.stop_button.setEnabled(False)

    def discard(self) -> None:
        self.summary = None
        self.paths = []
        self.model.set_grid([])
        self.details.hide()
        self.title.setText("")
        self.counts.setText("")
        self._update_buttons()


# ===================================================================================================
# The page
