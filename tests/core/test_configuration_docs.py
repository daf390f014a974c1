"""docs/configuration.md names every option of the plugin, with the core's defaults."""

from __future__ import annotations

from pathlib import Path

import yaml

from mkdocs_okr.config import OkrConfig
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.options import SiteOptions

DOC = (Path(__file__).resolve().parents[2] / "docs" / "configuration.md").read_text(
    encoding="utf-8"
)


def _documented_block() -> dict[str, object]:
    block = DOC.split("```yaml", 1)[1].split("```", 1)[0]
    plugins = yaml.safe_load(block)["plugins"]
    return next(entry["okr"] for entry in plugins if isinstance(entry, dict) and "okr" in entry)


def test_every_plugin_option_is_in_the_documented_block() -> None:
    documented = _documented_block()
    options = [name for name, _option in OkrConfig._schema]
    assert sorted(documented) == sorted(options)
    for name in options:
        assert f"`{name}`" in DOC, name


def test_the_documented_defaults_are_the_real_ones() -> None:
    documented = _documented_block()
    defaults = {
        **Settings().model_dump(mode="json"),
        **SiteOptions().model_dump(mode="json"),
    }
    assert sorted(documented) == sorted(defaults)
    for name, value in documented.items():
        assert value == defaults[name], name
