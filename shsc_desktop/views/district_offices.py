"""The by-office breakdown of the Totals tab: one row per office below (its report, its incidents by
type of violence) and a total row, the figure columns sharing the width the report column leaves.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableView

from ..models.codes import GBV_TYPE
from ..services.district import DistrictMonth
from .district_tables import OnResize, WrappingHeader, figure_column_need
from .exchange_common import BAD
from .grid_model import GridModel, GridRow, grid_of, grid_row, read_only_view


def spread_figure_columns(table: QTableView, first: int = 1) -> None:
    """The columns from ``first`` on share the width the ones before leave (their headers wrap), so
    a 1366 px screen needs no sideways scroll. None is narrower than its figures or its header's
    longest word (at most 110 px; Khmer at most ``KHMER_WORD_CAP``); below that the table scrolls."""
    need = {j: figure_column_need(table, j, 110) for j in range(first, table.model().columnCount())}
    if not need:
        return
    room = table.viewport().width() - sum(table.columnWidth(j) for j in range(first))
    extra = max(room - sum(need.values()), 0) // len(need)
    for j, width in need.items():
        table.setColumnWidth(j, width + extra)


def breakdown_table() -> QTableView:
    """The empty breakdown table: office names as row headers, wrapping column headers."""
    model = GridModel()
    table = read_only_view(model, "breakdownTable")
    model.setParent(table)  # the table keeps its model
    # The office names are the row headers: frozen while the figures scroll sideways.
    table.verticalHeader().setVisible(True)
    table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.setHorizontalHeader(WrappingHeader(table))
    table.horizontalHeader().setStretchLastSection(False)
    # The figure columns share the width the report column leaves, again at every resize.
    table.viewport().installEventFilter(OnResize(table, lambda: spread_figure_columns(table)))
    table.setMinimumHeight(160)
    return table


def fill_breakdown(table: QTableView, data: DistrictMonth, lang: str) -> None:
    """One row per office, named in the row header (it stays in view when the columns scroll),
    and a total row; headers wrapped whole at the column width, never cut mid-word (each also in
    its tooltip). Its texts are translated with the Totals tab's (context ``TotalsPanel``)."""
    types = list(data.types)
    heads = [
        QCoreApplication.translate("TotalsPanel", "Report"),
        QCoreApplication.translate("TotalsPanel", "Incidents"),
    ] + [GBV_TYPE.label(t, lang) for t in types]
    status_text = {
        "reported": QCoreApplication.translate("TotalsPanel", "Received"),
        "nil_report": QCoreApplication.translate("TotalsPanel", "Nil report"),
        "missing": QCoreApplication.translate("TotalsPanel", "Missing"),
        "not_enrolled": QCoreApplication.translate("TotalsPanel", "Not enrolled"),
    }
    rows: list[GridRow] = []
    total = 0
    by_type = dict.fromkeys(types, 0)
    for row in data.breakdown:
        name = row.name(lang)
        title = f"{name} ({row.code})" if name != row.code else row.code
        values = [status_text[row.status]]
        absent = row.status in ("missing", "not_enrolled")
        if absent:
            values += ["–"] * (1 + len(types))
        else:
            values += [str(row.total)] + [str(row.by_type.get(t, 0)) for t in types]
            total += row.total if isinstance(row.total, int) else 0
            for t in types:
                value = row.by_type.get(t, 0)
                by_type[t] += value if isinstance(value, int) else 0
        rows.append(grid_row(values, BAD if absent else None, key=row.code, title=title))
    sums = [""] + [str(total)] + [str(by_type[t]) for t in types]
    rows.append(grid_row(sums, title=QCoreApplication.translate("TotalsPanel", "Total"), bold=True))
    grid_of(table).set_grid(rows, heads, tips=True)
    table.resizeColumnToContents(0)
    spread_figure_columns(table)
    table.resizeRowsToContents()
    table.horizontalHeader().updateGeometry()
    table.updateGeometries()
