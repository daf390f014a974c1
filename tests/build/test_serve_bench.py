"""bench/serve.py measures what `make serve` runs, and its saves are valid check-ins."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs_okr.core.diagnostics import Severity
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.okrfolder import folder_sources

from .sitetools import REPO

sys.path.insert(0, str(REPO / "bench"))

from generate import generate
from serve import _individuals, add_checkin, serve_arguments


def test_the_bench_runs_the_makefile_serve_recipe() -> None:
    assert serve_arguments() == ["serve", "--dirty", "--dev-addr", "127.0.0.1:8000"]


def test_a_saved_checkin_is_valid_and_new(tmp_path: Path) -> None:
    folder = tmp_path / "okrs"
    generate(folder, 30, 1)
    saved = _individuals(folder, 3)
    assert len(saved) == 3
    before = analyse(folder_sources(folder), Settings(), None)
    for number, path in enumerate(saved):
        add_checkin(path, f"bench-save-{number}")
        assert f"note: bench-save-{number}}}" in path.read_text(encoding="utf-8")
    after = analyse(folder_sources(folder), Settings(), None)
    errors = [d for d in after.diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    assert len(after.diagnostics) == len(before.diagnostics)
