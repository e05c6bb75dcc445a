"""The release procedure's own files: one version everywhere, the installer script's Windows
requirements, and one set of pinned versions for CI and the Windows build."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from shsc_desktop import __version__
from shsc_desktop.views.crash import crash_report

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "installer" / "windows" / "shsc-desktop.iss"


def test_one_version_for_the_package_the_wheel_and_the_frozen_app() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__
    # the crash report names the package's own version (a frozen build has no distribution metadata)
    report = crash_report(RuntimeError, RuntimeError("x"), None)
    assert report.splitlines()[0] == f"shsc_desktop {__version__}" and "unknown" not in report


def test_the_installer_script_meets_the_windows_requirements() -> None:
    iss = ISS.read_text(encoding="utf-8")
    setting = dict(re.findall(r"^(\w+)=(.*)$", iss, re.MULTILINE))
    assert setting["MinVersion"] == "10.0.17763"  # Qt 6: Windows 10 1809 or later
    assert setting["PrivilegesRequiredOverridesAllowed"] == "dialog"  # per-user without admin
    assert setting["ArchitecturesAllowed"] == "x64compatible"  # Inno Setup 6.3+
    assert "Inno Setup 6.3" in iss and "Inno Setup ≥ 6.3" in (ROOT / "installer" / "BUILD.md").read_text()
    assert (ISS.parent / setting["SetupIconFile"]).is_file()
    assert "#ifdef SignCommand" in iss  # signed only when a certificate is given
    # the office folder: machine-wide, modify rights for Users, never removed by the uninstaller
    office_dir = r"\{commonappdata\}\\\{#DataFolder\}"
    assert re.search(office_dir + r".*Permissions: users-modify.*uninsneveruninstall", iss)
    # the installer's default version is the package's (installer/BUILD.md: AppVersion = __version__)
    default_version = re.search(r'^#ifndef AppVersion\n\s*#define AppVersion "([^"]+)"', iss, re.MULTILINE)
    assert default_version and default_version.group(1) == __version__
    # the office folder it names for a per-machine install is the machine's, not the elevated admin's
    assert re.search(r"if IsAdminInstallMode then\s+Result := ExpandConstant\('\{commonappdata\}", iss)
    # shortcuts shared by every account carry no working folder (it would be the installer's profile)
    icons = re.search(r"^\[Icons\]\n(.*?)^\[", iss, re.MULTILINE | re.DOTALL)
    assert icons and "{app}" in icons.group(1) and "WorkingDir" not in icons.group(1)
    # Khmer installer messages: every custom message has a Khmer text
    khmer = (ISS.parent / "Khmer.isl").read_text(encoding="utf-8-sig")
    for name in re.findall(r"^english\.(\w+)=", iss, re.MULTILINE):
        assert re.search(rf"^{name}=\S", khmer, re.MULTILINE), name
    assert "LanguageID=$0453" in khmer


def test_ci_and_the_windows_build_install_the_same_pinned_versions() -> None:
    pins = dict(
        line.split("==")
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    )
    assert pins["PySide6_Essentials"].startswith("6.") and int(pins["PySide6_Essentials"].split(".")[1]) < 12
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-c constraints.txt" in makefile
    assert "-c constraints.txt" in (ROOT / "installer" / "BUILD.md").read_text(encoding="utf-8")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_dependency_and_dev_tool_has_a_pinned_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pinned = {
        _canonical(line.split("==")[0])
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    names = {_canonical(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", spec).group(0)) for spec in wanted}
    assert "scipy" in names and "pyside6-essentials" in names
    assert sorted(names - pinned) == []
