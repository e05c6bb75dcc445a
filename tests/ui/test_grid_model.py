"""The read-only grid model behind the completeness grid, the totals, the exchange tables and the
reports page: checked with the model tester, its cells' roles, and a selection kept across a reload."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from shsc_desktop.views.exchange_common import BAD, GOOD
from shsc_desktop.views.grid_model import (
    Cell,
    GridModel,
    GridRow,
    grid_row,
    read_only_view,
    reload_keeping_selection,
)
from shsc_desktop.views.register_tables import ID_ROLE

ROLE = Qt.ItemDataRole


def test_a_grid_passes_the_model_tester_through_refills_that_change_its_columns(qtmodeltester) -> None:
    model = GridModel()
    qtmodeltester.check(model)  # it keeps watching the refills below
    model.set_grid(
        [
            GridRow(
                (Cell("120101 Tonle Basak"), Cell("On time", GOOD, "Sent 2026-11-02")), "120101", "Tonle"
            ),
            grid_row(["Reporting rate", "1 of 5 (20%)"], bold=True),
        ],
        ["Office", "Nov"],
        tips=True,
    )
    qtmodeltester.check(model)
    model.set_grid([grid_row(["Total", "3", "4", "7"], right_from=1)], ["", "Child", "Adult", "Total"])
    qtmodeltester.check(model)
    model.set_grid([], ["Office"])
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.columnCount() == 1


def test_a_cell_says_its_text_colour_tooltip_alignment_and_weight() -> None:
    model = GridModel()
    on_time = Cell("On time", GOOD, "Sent 2026-11-02")
    model.set_grid(
        [
            GridRow((Cell("120101"), on_time), "120101", "Tonle Basak (120101)"),
            grid_row(["Total", "7"], bold=True, right_from=1),
        ],
        ["Office", "Nov"],
        tips=True,
    )
    cell = model.index(0, 1)
    assert cell.data() == "On time"  # the text says what the colour says
    assert cell.data(ROLE.BackgroundRole).color() == GOOD
    assert cell.data(ROLE.ForegroundRole).color() == QColor("#1f2933")
    assert cell.data(ROLE.ToolTipRole) == "Sent 2026-11-02"
    assert cell.data(ID_ROLE) == "120101"
    assert model.index(0, 0).data(ROLE.BackgroundRole) is None
    total = model.index(1, 1)
    assert (
        total.data(ROLE.FontRole).bold() and total.data(ROLE.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    )
    assert model.index(0, 0).data(ROLE.TextAlignmentRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) == "Tonle Basak (120101)"
    assert model.headerData(1, Qt.Orientation.Horizontal, ROLE.ToolTipRole) == "Nov"
    assert model.headerData(0, Qt.Orientation.Horizontal, ROLE.ToolTipRole) is None


def test_a_reload_keeps_the_selected_row_by_its_key(qtbot) -> None:
    model = GridModel(lambda: ["Code", "Status"])
    view = read_only_view(model, "enrolledTable")
    qtbot.addWidget(view)
    model.set_grid(
        [grid_row(["120101", "Active"], key="120101"), grid_row(["120109", "Active"], key="120109")]
    )
    view.selectRow(1)
    rows = [grid_row(["120105", "Active"], key="120105")]
    rows += [grid_row(["120101", "Active"], key="120101"), grid_row(["120109", "Revoked"], BAD, key="120109")]
    reload_keeping_selection(view, model, rows)
    [selected] = view.selectionModel().selectedRows()
    assert selected.row() == 2 and selected.data() == "120109"
    reload_keeping_selection(view, model, rows[:1])  # gone: nothing selected
    assert not view.selectionModel().hasSelection()
