"""Size of the frozen folder, on any platform (``du`` is not on Windows).

    python tools/bundle_size.py dist/shsc-desktop          # total and the ten largest parts
    python tools/bundle_size.py dist/shsc-desktop --max 200  # exit 1 above 200 MB (DESIGN §8)

Prints the platform with the total so that Linux and Windows builds are compared like for like
(docs/benchmarks.md records the Linux folder; installer/BUILD.md asks for the Windows one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

MB = 1024 * 1024


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def largest_parts(root: Path, count: int = 10) -> list[tuple[int, str]]:
    """Sizes of the top-level entries of ``root`` and of its ``_internal`` folder, largest first."""
    parts: list[tuple[int, str]] = []
    for base in (root, root / "_internal"):
        if not base.is_dir():
            continue
        for entry in base.iterdir():
            if entry.name == "_internal":
                continue
            size = folder_size(entry) if entry.is_dir() else entry.stat().st_size
            parts.append((size, str(entry.relative_to(root))))
    return sorted(parts, reverse=True)[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--max", type=float, help="fail above this many MB")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"bundle_size: no folder {args.folder}", file=sys.stderr)
        return 2
    total = folder_size(args.folder)
    print(f"{args.folder}: {total / MB:.0f} MB on {sys.platform}")
    for size, name in largest_parts(args.folder):
        print(f"  {size / MB:7.1f} MB  {name}")
    if args.max is not None and total > args.max * MB:
        print(f"bundle_size: over {args.max:.0f} MB: trim installer/shsc-desktop.spec", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
