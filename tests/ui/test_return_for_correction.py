"""Return for correction in the GUI, with real offices and certificates: district 1201 returns
commune 120101's month from the completeness page (a reason, a folder); the commune imports the
notice in Exchange and sees the month returned there and on Home.
"""

# Fixtures come from exchange_world, so parameters shadow imports:
# ruff: noqa: F811
from __future__ import annotations

from PySide6.QtCore import Qt

from shsc_desktop.views.form_helpers import reason_dialogs

from .conftest import message_boxes, wait_for_operations
from .exchange_world import (  # noqa: F401  (fixtures)
    PERIOD,
    chosen,
    exchange_template,
    export_from,
    import_into,
    open_office,
    shells,
    sign_in,
    world_dir,
)

LEFT = Qt.MouseButton.LeftButton
REASON = "Physical assault counted twice"


def close_messages() -> list[str]:
    texts = []
    for box in message_boxes():
        texts.append(box.text())
        box.accept()
    return texts


def _notice_imported(qtbot, window, chosen, notice):  # type: ignore[no-untyped-def]
    """The commune's Exchange page after it imported ``notice`` with its notice button."""
    window.show_section("exchange")
    upward = window.exchange_page.upward
    chosen.plan(notice)
    qtbot.mouseClick(upward.notice_button, LEFT)
    wait_for_operations(qtbot)
    return upward


def test_district_returns_a_month_and_the_commune_sees_it(qtbot, shells, world_dir, chosen, tmp_path):
    assert import_into(world_dir, "1201", [export_from(world_dir, "120101", tmp_path / "usb")]).imported == 1

    window = sign_in(qtbot, shells, world_dir, "1201")
    window.show_section("exchange")
    panel = window.exchange_page.completeness
    assert panel.return_button.isEnabled() and panel.return_choice.count() == 1
    assert panel.return_choice.currentData() == ("120101", PERIOD)
    qtbot.mouseClick(panel.return_button, LEFT)
    dialog = reason_dialogs()[0]
    assert "120101" in dialog.prompt.text()
    qtbot.keyClicks(dialog.reason, REASON)
    chosen.plan(tmp_path / "notices")
    (tmp_path / "notices").mkdir()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    wait_for_operations(qtbot)
    notice = tmp_path / "notices" / f"SHSC-RETURN-120101-{PERIOD}-r1.shscret"
    assert notice.exists()
    assert any(str(notice) in text for text in close_messages())
    column = 1 + list(panel.data.periods).index(PERIOD)
    model = panel.table.model()
    row = next(i for i in range(model.rowCount()) if model.index(i, 0).data().startswith("120101"))
    assert model.index(row, column).data().endswith("· returned")
    assert REASON in model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)

    window = sign_in(qtbot, shells, world_dir, "120101")
    assert not window.home_page.returned.isVisibleTo(window.home_page)
    window.show_section("exchange")
    upward = window.exchange_page.upward
    assert upward.notices_box.isVisibleTo(upward)
    assert upward.notices_text.text() == "The district has returned no month for correction."
    chosen.plan(notice)
    qtbot.mouseClick(upward.notice_button, LEFT)
    wait_for_operations(qtbot)
    texts = close_messages()
    assert any(f"returned by district 1201: {REASON}" in text for text in texts)
    assert f"returned by district 1201: {REASON}" in upward.notices_text.text()
    window.home_page.refresh()
    wait_for_operations(qtbot)
    assert window.home_page.returned.isVisibleTo(window.home_page)
    assert f"returned by district 1201: {REASON}" in window.home_page.returned.text()


def test_a_notice_for_another_commune_is_refused_with_its_reason(qtbot, shells, world_dir, chosen, tmp_path):
    from shsc_desktop.services.returns import ReturnService

    import_into(world_dir, "1201", [export_from(world_dir, "120109", tmp_path / "usb")])
    district = open_office(world_dir, "1201")
    try:
        notice = ReturnService(district).return_report("120109", PERIOD, "Nil report? Check.", tmp_path).path
    finally:
        district.lock("test")
    upward = _notice_imported(qtbot, sign_in(qtbot, shells, world_dir, "120101"), chosen, notice)
    assert close_messages() == [
        "The notice was written for another commune, not for this office. Nothing was recorded."
    ]
    assert upward.notices_text.text() == "The district has returned no month for correction."
