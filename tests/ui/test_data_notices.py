"""The warning about another Windows account's office is shown above the setup wizard, in Khmer
too, before a second office could be created."""

from __future__ import annotations

from pathlib import Path

from shsc_desktop.services.data_location import Notice
from shsc_desktop.views import i18n
from shsc_desktop.views.data_notices import show_notices

from .conftest import message_boxes


def test_the_other_accounts_office_is_named_above_the_wizard(qtbot, shell, folder):
    shell.start()
    assert shell.wizard is not None
    other = Path("C:/Users/sokha/AppData/Local/SHSC Desktop")
    notice = Notice("other_account", folder.data_dir, other, "sokha")
    [box] = show_notices(shell.wizard, [notice])
    assert box.isVisible() and box in message_boxes()
    assert "sokha" in box.text() and str(other) in box.text() and "second office" in box.text()
    assert "sokha" in notice.describe() and str(other) in notice.describe()
    box.close()
    i18n.set_language("km")
    [box] = show_notices(shell.wizard, [Notice("moved", folder.data_dir, other)])
    assert "ការិយាល័យត្រូវបានផ្លាស់ទៅ" in box.text() and str(other) + ".moved" in box.text()
