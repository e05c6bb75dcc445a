"""The Home of a district or the ministry: a desk to work from.

This month's reporting (received, expected, late, nil reports, returned for correction, missing, not
enrolled), the next deadline, the last imports, and what needs doing (a certificate or the office's
revocation list nearing its end, approved months not yet sent to the ministry). The figures come
from :class:`~shsc_desktop.services.desk.DeskService`, read in the background each time Home is
opened.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QTableView, QVBoxLayout, QWidget

from ..services.desk import Desk, OfficeRef
from ..services.office import UnlockedOffice
from ..services.statistics import period_label
from ..values.changes import Changes
from ..values.period import PHNOM_PENH
from .exchange_common import OfficePanel, TextRowsModel, text_label
from .form_helpers import heading_label
from .grid_model import read_only_view
from .i18n import current_language
from .office_page import office_line_text
from .operations import BackgroundOperation, run_in_background


class DeskHomePage(OfficePanel):
    """Home at a district or the ministry."""

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(office, "homePage", parent)
        self.district = self.level == "district"
        self.service = self.session.services.desk
        self.desk: Desk | None = None
        self._title = ""

        self.heading = heading_label()
        self.office_line = text_label("officeLine")

        self.month_box = QGroupBox()
        self.month_box.setObjectName("deskMonth")
        grid = QGridLayout(self.month_box)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        self.caption: dict[str, QLabel] = {}
        self.value: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        for row, key in enumerate(("received", "late", "nil", "returned", "missing", "not_enrolled")):
            value = QLabel()
            value.setObjectName(f"{key}Count")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            font.setBold(True)
            value.setFont(font)
            caption = QLabel()
            caption.setWordWrap(True)
            names = QLabel()
            names.setObjectName(f"{key}Names")
            names.setWordWrap(True)
            grid.addWidget(value, row, 0)
            grid.addWidget(caption, row, 1)
            grid.addWidget(names, row, 2)
            self.value[key], self.caption[key], self.names[key] = value, caption, names
        grid.setColumnStretch(2, 1)
        self.deadline = QLabel()
        self.deadline.setObjectName("nextDeadline")
        self.deadline.setWordWrap(True)
        grid.addWidget(self.deadline, 6, 0, 1, 3)

        self.todo_box = QGroupBox()
        self.todo = QLabel()
        self.todo.setObjectName("deskTodo")
        self.todo.setWordWrap(True)
        QVBoxLayout(self.todo_box).addWidget(self.todo)

        self.imports_box = QGroupBox()
        self.imports_model = TextRowsModel(
            lambda: [
                self.tr("Office"),
                self.tr("Month"),
                self.tr("Revision"),
                self.tr("Sequence"),
                self.tr("Imported"),
            ],
            self,
        )
        self.imports = read_only_view(self.imports_model, "lastImports")
        self.imports.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.imports.setMinimumHeight(150)
        self.imports.horizontalHeader().setStretchLastSection(True)
        self.imports.setColumnWidth(0, 240)
        QVBoxLayout(self.imports_box).addWidget(self.imports)

        self.help = QLabel()
        self.help.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.office_line)
        layout.addWidget(self.month_box)
        layout.addWidget(self.todo_box)
        layout.addWidget(self.imports_box, 1)
        layout.addWidget(self.help)
        self.session.hub.changed.connect(self.on_changes)

    # -- texts ------------------------------------------------------------------------------------

    def retranslate(self, title: str | None = None) -> None:
        if title is not None:
            self._title = title
        lang = current_language()
        self.heading.setText(self._title or self.tr("Home"))
        self.office_line.setText(office_line_text(self.office, lang, self.tr("%1, %2 (code %3)")))
        self.imports_box.setTitle(self.tr("Last imports"))
        self.todo_box.setTitle(self.tr("To do"))
        self.imports_model.retranslate()
        self.help.setText(
            self.tr(
                "Import the bundles in Exchange → Import; who has reported, month by month, is in "
                "Exchange → Completeness. Lock the office with Ctrl+L when you leave the computer."
            )
        )
        if self.desk is not None:
            self._texts(self.desk)

    # -- data -------------------------------------------------------------------------------------

    def activate(self) -> BackgroundOperation | None:
        """Read the desk again each time Home is opened (imports may have happened meanwhile)."""
        return self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """The office's change notice: imports, returns, approvals and the deadline move the desk."""
        if changes.exchange or changes.months or changes.settings:
            self.refresh()

    def refresh(self) -> BackgroundOperation | None:
        if self.office.locked:
            return None
        service = self.service
        return run_in_background(self, lambda _t: service.desk(), self.show_desk)

    def show_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.retranslate()

    def _names(self, refs: tuple[OfficeRef, ...]) -> str:
        lang = current_language()
        return ", ".join(r.label(lang) for r in refs)

    def _texts(self, d: Desk) -> None:
        lang = current_language()
        f = d.facts
        month = period_label(d.period, lang)
        self.month_box.setTitle(self.tr("Reports for %1").replace("%1", month))
        below = self.tr("communes") if self.district else self.tr("districts")
        self.value["received"].setText(f"{len(f.received)} / {len(f.expected)}")
        self.caption["received"].setText(self.tr("received of those expected (%1)").replace("%1", below))
        self.names["received"].setText("")
        rows = {
            "late": (f.late, self.tr("late")),
            "nil": (f.nil_reports, self.tr("nil reports (no incidents)")),
            "returned": (f.returned, self.tr("returned for correction (no corrected report yet)")),
            "missing": (f.missing, self.tr("missing")),
            "not_enrolled": (f.not_enrolled, self.tr("not enrolled (cannot send yet)")),
        }
        for key, (refs, caption) in rows.items():
            self.value[key].setText(str(len(refs)))
            self.caption[key].setText(caption)
            self.names[key].setText(self._names(refs))
        self.deadline.setText(
            self.tr("Next deadline: %1 (reports for %2).")
            .replace("%1", d.next_deadline.isoformat())
            .replace("%2", period_label(d.next_deadline_period, lang))
        )

        todo = []
        if d.certificate_until is None:
            todo.append(self.tr("This office has no certificate yet (Exchange)."))
        else:
            until = d.certificate_until.astimezone(PHNOM_PENH).strftime("%Y-%m-%d")
            if d.certificate_expiring:
                todo.append(
                    self.tr("⚠ This office's certificate ends on %1: ask for a new one now.").replace(
                        "%1", until
                    )
                )
            else:
                todo.append(self.tr("This office's certificate is valid until %1.").replace("%1", until))
        if d.crl_until is not None:
            crl_until = d.crl_until.astimezone(PHNOM_PENH).strftime("%Y-%m-%d")
            if d.crl_expiring:
                todo.append(
                    self.tr(
                        "⚠ The revocation list this office signs runs out on %1: send a bundle or "
                        "enrol an office to renew it."
                    ).replace("%1", crl_until)
                )
            else:
                todo.append(
                    self.tr("The revocation list this office signs is valid until %1.").replace(
                        "%1", crl_until
                    )
                )
        if self.district:
            if d.to_send:
                todo.append(
                    self.tr("Approved, not yet sent to the ministry: %1").replace(
                        "%1", ", ".join(period_label(p, lang) for p in d.to_send)
                    )
                )
            else:
                todo.append(self.tr("Every approved month has been sent to the ministry."))
        self.todo.setText("\n".join(todo))

        imports = [
            (
                entry.office.label(lang),
                period_label(entry.period, lang),
                str(entry.revision),
                str(entry.sequence),
                entry.imported_at.astimezone(PHNOM_PENH).strftime("%Y-%m-%d %H:%M"),
            )
            for entry in d.last_imports
        ]
        self.imports_model.set_rows(imports or [(self.tr("Nothing imported yet."), "", "", "", "")])
        self.imports.resizeRowsToContents()
