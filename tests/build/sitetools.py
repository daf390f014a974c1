"""Helpers for tests that build real sites: run `mkdocs build`, read the HTML it wrote."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


# The smallest valid organisation: one company set.
COMPANY = """---
cycle: 2024
owner: company
name: ACME
level: company
objectives:
  - title: Grow
    key_results:
      - {title: Revenue, target: 100, current: 40}
---
"""


def copy_example(target: Path) -> Path:
    """The example site (mkdocs.yml, docs, okrs, theme_overrides) copied into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "okrs", "theme_overrides"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def generated_project(target: Path, sets: int, seed: int = 1) -> Path:
    """A project of bench/generate.py's organisation of `sets` OKR sets with the example's
    settings (theme, search with jieba, Markdown extensions), as `make bench` builds it."""
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate
    from page_html import ours_config

    (target / "docs").mkdir(parents=True, exist_ok=True)
    (target / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
    generate(target / "okrs", sets, seed)
    (target / "mkdocs.yml").write_text(ours_config(), encoding="utf-8")
    return target


def run_mkdocs(
    project: Path, *args: str, engine: str = "mkdocs", okr_lang: str | None = None
) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build` (or `properdocs build`) of the project folder (`okr_lang`: the
    OKR_LANG the build log is asked in; none by default, whatever the caller's is)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("OKR_LANG", None)
    if okr_lang is not None:
        env["OKR_LANG"] = okr_lang
    return subprocess.run(
        [sys.executable, "-m", engine, "build", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    bars: list[Element] = field(default_factory=list)
    title: str = ""
    text: str = ""
    # Attributes that run script: event handlers, and links to javascript: or data: URLs.
    scripting: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._in_title = False
        self._open_bars: list[Element] = []
        self._chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.page.scripting.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.page.scripting.append(f"<{tag} {name}={value[:30]}>")
        # Inline scripts that run; a JSON data block (the check-in dialog's facts) never runs.
        if tag == "script" and "src" not in values and values.get("type") != "application/json":
            self.page.scripts.append(tag)
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.page.links.append(values["href"])
        if values.get("role") == "progressbar":
            element = Element(tag, values)
            self.page.bars.append(element)
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data
        self._chunks.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._chunks)


def parse(path: Path) -> ParsedPage:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.page


def page_file(site: Path, url_path: str) -> Path:
    """The HTML file behind a site-relative URL path (directory URLs)."""
    target = site / url_path
    if url_path.endswith("/") or target.is_dir():
        return target / "index.html"
    return target


def write_project(
    root: Path, okr_files: dict[str, str], plugin_options: str = "", extra: str = ""
) -> Path:
    """A tiny MkDocs project with the okr plugin and the given OKR files."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, text in okr_files.items():
        path = root / "okrs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "okrs").mkdir(exist_ok=True)
    options = "\n".join("      " + line for line in plugin_options.strip().splitlines())
    (root / "mkdocs.yml").write_text(
        "site_name: Test\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - okr:\n      today: '2024-02-15'\n"
        + (options + "\n" if options else "")
        + extra,
        encoding="utf-8",
    )
    return root
