"""Translation workflow (Vorta's make targets, as a script).

    python tools/i18n.py update    # pyside6-lupdate: refresh i18n/shsc_km.ts and i18n/shsc_en.ts
    python tools/i18n.py release   # pyside6-lrelease: compile them into shsc_desktop/i18n/*.qm
    python tools/i18n.py check     # fail if the .ts files are out of date or a translation is incomplete

Locations are left out of the .ts files (``-locations none``) so that moving code around does not
churn them; only a new, changed or removed string does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "shsc_desktop" / "views"
TS_FOLDER = ROOT / "i18n"
LANGUAGES = ("km", "en")


def _tool(name: str) -> str:
    suffix = ".exe" if sys.platform == "win32" else ""
    candidate = Path(sys.executable).parent / f"{name}{suffix}"
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (install PySide6)")
    return found


def source_files() -> list[str]:
    return [str(p) for p in sorted(SOURCES.glob("*.py")) if p.name != "__init__.py"]


def ts_file(lang: str, folder: Path = TS_FOLDER) -> Path:
    return folder / f"shsc_{lang}.ts"


def update(folder: Path = TS_FOLDER) -> None:
    """Run lupdate for every language into ``folder`` (the repository's i18n/ by default)."""
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *source_files(),
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-silent",
                "-ts",
                str(ts_file(lang, folder)),
            ],
            check=True,
        )


def release() -> None:
    sys.path.insert(0, str(ROOT))
    from shsc_desktop.views.i18n import compile_translations

    for qm in compile_translations(force=True):
        print(qm.relative_to(ROOT))


def is_up_to_date() -> bool:
    """Would ``update`` change the .ts files? (Runs lupdate on copies in a temporary folder.)"""
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            shutil.copy(ts_file(lang), ts_file(lang, Path(tmp)))
        update(Path(tmp))
        return all(ts_file(lang).read_bytes() == ts_file(lang, Path(tmp)).read_bytes() for lang in LANGUAGES)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        if not is_up_to_date():
            print("i18n/*.ts are out of date: run python tools/i18n.py update")
            return 1
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
