"""Fixtures shared by every test folder. Keep this small: helpers belong next to their tests."""

from __future__ import annotations

import os

import pytest

from mkdocs_okr.core.settings import Settings

# Material 9.8 prints an end-of-life banner naming MkDocs 2 unless this is set (TRAPS.md).
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def settings() -> Settings:
    """The default settings, as a site without options under `plugins: - okr` has them."""
    return Settings()
