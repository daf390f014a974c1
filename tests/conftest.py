"""Fixtures shared by every test folder. Keep this small: helpers belong next to their tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_okr.core.settings import Settings

# Material 9.8 prints an end-of-life banner naming MkDocs 2 unless this is set (TRAPS.md).
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def settings() -> Settings:
    """The default settings, as a site without options under `plugins: - okr` has them."""
    return Settings()


# The slow tests' organisation: big enough that what breaks only at company scale shows.
LARGE_ORGANISATION_SETS = 1000


@pytest.fixture(scope="session")
def large_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated organisation of 1,000 sets with the example's settings, built once a session
    (the slow tests: `make test-slow`)."""
    from .build.sitetools import generated_project, run_mkdocs

    project = generated_project(tmp_path_factory.mktemp("large"), LARGE_ORGANISATION_SETS)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project
