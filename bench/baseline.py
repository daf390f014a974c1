"""The baselines `okr check` is measured against: bare scripts that do only the unavoidable work.

    python bench/baseline.py yaml DIR   # read, decode, parse front matter with PyYAML's C loader
    python bench/baseline.py read DIR   # read and decode only

Each finds the files by the same rule as `okr check` (every `*.md` below DIR except README.md
and names starting with '_' or '.'), prints one line of counts so the work cannot be skipped
unnoticed, and exits 0. It imports nothing of mkdocs-okr: it is the floor, not a competitor.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any


def find(folder: Path) -> list[Path]:
    """Every OKR file below `folder`, in the order `okr check` reads them."""
    found: list[Path] = []
    for directory, subdirectories, files in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(("_", ".")))
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith(("_", ".")) and name != "README.md":
                found.append(Path(directory) / name)
    return found


def front_matter(text: str) -> str | None:
    """The YAML between the first two `---` lines, or None when there is none."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    return text[4 : end + 1] if end >= 0 else None


def read_only(files: list[Path]) -> tuple[int, int]:
    characters = 0
    for file in files:
        characters += len(file.read_bytes().decode("utf-8-sig"))
    return len(files), characters


def parse_yaml(files: list[Path]) -> tuple[int, int]:
    import yaml  # imported here so the reading-only baseline does not pay for it

    loader: Any = yaml.CSafeLoader  # AttributeError without libyaml: the baseline needs it
    mappings = 0
    for file in files:
        yaml_text = front_matter(file.read_bytes().decode("utf-8-sig"))
        if yaml_text is not None and isinstance(yaml.load(yaml_text, Loader=loader), dict):
            mappings += 1
    return len(files), mappings


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("yaml", "read"):
        print("usage: baseline.py yaml|read DIR", file=sys.stderr)
        return 2
    files = find(Path(argv[1]))
    if argv[0] == "read":
        count, characters = read_only(files)
        print(f"{count} files, {characters} characters")
    else:
        count, mappings = parse_yaml(files)
        print(f"{count} files, {mappings} front matters parsed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
