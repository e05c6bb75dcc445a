"""One office per PC: where the office lives on Windows (faked here with real folders), the one-time
move out of the per-user folder, and what the user is told about other accounts' offices."""

from __future__ import annotations

from pathlib import Path

import pytest

from shsc_desktop.errors import StorageFailed
from shsc_desktop.services.data_location import (
    SCOPE_FILE,
    Platform,
    default_data_dir,
    move_office,
    resolve,
)
from shsc_desktop.services.office import OfficeFolder

from ..conftest import CHIEF

PASSWORD = CHIEF[1]


def windows(root: Path, account: str = "chief", program_dir: Path | None = None) -> Platform:
    """A Windows PC laid out under ``root``: C:\\Users\\<account>, C:\\ProgramData."""
    profile = root / "Users" / account
    (profile / "AppData" / "Local").mkdir(parents=True, exist_ok=True)
    (root / "ProgramData").mkdir(exist_ok=True)
    env = {
        "USERPROFILE": str(profile),
        "LOCALAPPDATA": str(profile / "AppData" / "Local"),
        "PROGRAMDATA": str(root / "ProgramData"),
    }
    return Platform("windows", env, program_dir)


def make_office(folder: Path, code: str = "120101") -> None:
    office, _ = OfficeFolder(folder).create("commune", code, "chief", PASSWORD)
    office.lock("made")


def test_windows_keeps_the_office_in_programdata_for_every_account(tmp_path):
    assert default_data_dir(windows(tmp_path)) == tmp_path / "ProgramData" / "SHSC Desktop"
    assert default_data_dir(windows(tmp_path, "clerk")) == tmp_path / "ProgramData" / "SHSC Desktop"


def test_a_per_user_install_keeps_the_office_in_the_users_folder(tmp_path):
    program = tmp_path / "Users" / "chief" / "AppData" / "Local" / "Programs" / "SHSC Desktop"
    program.mkdir(parents=True)
    (program / SCOPE_FILE).write_text("user\n", encoding="utf-8")
    p = windows(tmp_path, program_dir=program)
    assert default_data_dir(p) == tmp_path / "Users" / "chief" / "AppData" / "Local" / "SHSC Desktop"
    assert resolve(p).scope == "user"
    (program / SCOPE_FILE).write_text("machine\n", encoding="utf-8")
    assert default_data_dir(p) == tmp_path / "ProgramData" / "SHSC Desktop"


def test_linux_keeps_xdg_and_the_environment_override_wins(tmp_path):
    linux = Platform("linux", {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert default_data_dir(linux) == tmp_path / "xdg" / "shsc-desktop"
    assert resolve(linux).notices == ()
    bare = Platform("linux", {"HOME": str(tmp_path)})
    assert default_data_dir(bare) == tmp_path / ".local" / "share" / "shsc-desktop"
    forced = Platform("windows", {"SHSC_DATA_DIR": str(tmp_path / "here")})
    assert default_data_dir(forced) == tmp_path / "here"
    assert resolve(forced, given=tmp_path / "cli").path == tmp_path / "cli"
    # what decided the folder: the platform's own rule for a user, or the environment on Windows
    assert resolve(linux).scope == "user" and resolve(forced).scope == "given"
    assert resolve(forced, given=tmp_path / "cli").scope == "given"
    xdg_forced = Platform("linux", {"HOME": str(tmp_path), "SHSC_DATA_DIR": str(tmp_path / "here")})
    assert resolve(xdg_forced).path == tmp_path / "here" and resolve(xdg_forced).scope == "user"


def test_the_office_in_the_users_folder_moves_once_and_still_opens(tmp_path):
    p = windows(tmp_path)
    own = Path(p.env["LOCALAPPDATA"]) / "SHSC Desktop"
    make_office(own)
    (tmp_path / "ProgramData" / "SHSC Desktop").mkdir()  # created by the installer, empty
    location = resolve(p)
    target = tmp_path / "ProgramData" / "SHSC Desktop"
    assert location.path == target and location.scope == "machine"
    assert [n.kind for n in location.notices] == ["moved"] and location.notices[0].other == own
    assert not own.exists() and (own.parent / "SHSC Desktop.moved" / "office.db").exists()
    assert (location.notices[0].kept / "office.db").exists()  # the notice names the real kept folder
    assert not any(e.name.startswith(".moving") for e in target.iterdir())
    office = OfficeFolder(target).unlock("chief", PASSWORD)
    assert office.info.code == "120101"
    office.lock("checked")
    # the next start finds nothing to move and says nothing
    assert resolve(p).notices == ()
    # another Windows account of the same PC opens the same office
    clerk = resolve(windows(tmp_path, "clerk"))
    assert clerk.path == target and clerk.notices == ()


def test_an_office_already_on_the_pc_is_never_replaced_by_the_users_own(tmp_path):
    target = tmp_path / "ProgramData" / "SHSC Desktop"
    make_office(target, "120101")
    p = windows(tmp_path, "clerk")
    own = Path(p.env["LOCALAPPDATA"]) / "SHSC Desktop"
    make_office(own, "120109")
    location = resolve(p)
    assert [(n.kind, n.other) for n in location.notices] == [("own_office_kept", own)]
    assert OfficeFolder(target).info().code == "120101" and OfficeFolder(own).info().code == "120109"


def test_an_empty_pc_folder_warns_about_another_accounts_office(tmp_path):
    chief = windows(tmp_path, "chief")
    make_office(Path(chief.env["LOCALAPPDATA"]) / "SHSC Desktop")
    (tmp_path / "Users" / "Public").mkdir()
    location = resolve(windows(tmp_path, "clerk"))
    assert not (location.path / "keyslots.json").exists()  # nothing of the chief's was taken
    [notice] = location.notices
    assert notice.kind == "other_account" and notice.account == "chief"
    assert notice.other == Path(chief.env["LOCALAPPDATA"]) / "SHSC Desktop"
    # once the chief has started the program, the office is the PC's and the warning is gone
    resolve(chief)
    assert resolve(windows(tmp_path, "clerk")).notices == ()


def test_a_move_that_cannot_rename_the_old_folder_changes_nothing(tmp_path):
    own = tmp_path / "own" / "SHSC Desktop"
    make_office(own)
    target = tmp_path / "ProgramData" / "SHSC Desktop"
    # the old folder cannot be renamed: a file of the same name is in the way
    (tmp_path / "own" / "SHSC Desktop.moved").write_text("in the way")
    with pytest.raises(StorageFailed, match="could not be moved"):
        move_office(own, target)
    assert OfficeFolder(own).exists() and not (target / "keyslots.json").exists()
    assert list(target.iterdir()) == []
