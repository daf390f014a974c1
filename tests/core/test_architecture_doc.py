"""docs/architecture.md names the one home of each rule: every `module.py::name` it cites must
exist, so a rename that leaves the page behind fails here."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"
# `core/figures.py::hundredths`, `options.py::read_options`, `core/model.py::Objective.progress`
CITED = re.compile(r"`((?:[a-z_]+/)*[a-z_]+)\.py::([A-Za-z_][A-Za-z0-9_.]*)`")


def _citations() -> list[tuple[str, str]]:
    return sorted(set(CITED.findall(DOC.read_text(encoding="utf-8"))))


def test_the_page_cites_homes() -> None:
    assert len(_citations()) >= 15


@pytest.mark.parametrize(("module", "name"), _citations())
def test_every_cited_home_exists(module: str, name: str) -> None:
    found: object = importlib.import_module("mkdocs_okr." + module.replace("/", "."))
    for part in name.split("."):
        assert hasattr(found, part), f"{module}.py has no {name}"
        found = getattr(found, part)
