"""Writing OKR files for tests: front matter from a dict, then a Markdown body."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def write_set(folder: Path, name: str, front: dict[str, Any], body: str = "") -> Path:
    """Write one OKR file: `front` as YAML front matter, then the Markdown body."""
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
