"""The one place that resolves bundled files (fonts, translations, migrations), frozen or not.

In a PyInstaller build everything lives below ``sys._MEIPASS``; in a checkout or an installed wheel
it is found next to the package or in the font packages. Nothing else in the app builds such paths.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent


def frozen_root() -> Path | None:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def package_path(*parts: str) -> Path:
    """A file or folder inside the ``shsc_desktop`` package."""
    root = frozen_root()
    if root is not None:
        return root.joinpath("shsc_desktop", *parts)
    return PACKAGE_ROOT.joinpath(*parts)


def font_files() -> dict[str, Path]:
    """The bundled fonts: ``{"khmer": …, "latin": …}`` (Noto Sans Khmer and Noto Sans)."""
    root = frozen_root()
    if root is not None:
        folder = root / "fonts"
        return {
            "khmer": next(folder.glob("NotoSansKhmer*.ttf")),
            "latin": next(p for p in folder.glob("NotoSans[[]*.ttf")),
        }
    import fontpkg_noto_sans
    import fontpkg_noto_sans_khmer

    khmer = Path(fontpkg_noto_sans_khmer.__file__).parent / "files"
    latin = Path(fontpkg_noto_sans.__file__).parent / "files"
    return {
        "khmer": next(khmer.glob("NotoSansKhmer*.ttf")),
        "latin": next(p for p in latin.glob("NotoSans[[]*.ttf")),
    }


def translations_folder() -> Path:
    """Compiled ``.qm`` files (built by ``make translations`` into the package)."""
    return package_path("i18n")
