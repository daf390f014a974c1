"""Find the OKR folder and the plugin options of a site from its mkdocs.yml, without MkDocs.

The `okr` command must judge files exactly as the plugin does, so it reads the same options.
mkdocs.yml often holds tags for MkDocs' own loader (`!!python/name:...`, `!ENV`); we read it
with a loader that turns any unknown tag into None, since we only want our plugin's options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .core.settings import Settings, settings_from_mapping


class _TolerantLoader(yaml.SafeLoader):
    pass


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def plugin_options(config_file: Path) -> dict[str, Any] | None:
    """The `okr` plugin's options in a mkdocs.yml, {} when listed bare, None when absent."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except Exception:  # PyYAML raises more than YAMLError on odd input (RecursionError ...)
        return None
    if not isinstance(config, dict):
        return None
    for entry in config.get("plugins") or []:
        if entry == "okr":
            return {}
        if isinstance(entry, dict) and "okr" in entry:
            options = entry["okr"]
            return options if isinstance(options, dict) else {}
    plugins = config.get("plugins")
    if isinstance(plugins, dict) and "okr" in plugins:
        options = plugins["okr"]
        return options if isinstance(options, dict) else {}
    return None


# Options of the plugin that shape the site, not the judgement of OKR files (see config.py).
SITE_OPTIONS = ("pages_dir", "export", "today", "edit_uri", "source_uri")


def find_settings(config_file: Path | None) -> tuple[Settings, Path, list[str]]:
    """Settings and the OKR folder from a mkdocs.yml (or the defaults beside ./okrs)."""
    config_file = config_file or Path("mkdocs.yml")
    options = plugin_options(config_file) if config_file.is_file() else None
    core_options = {k: v for k, v in (options or {}).items() if k not in SITE_OPTIONS}
    settings, problems = settings_from_mapping(core_options)
    base = config_file.parent if options is not None else Path(".")
    return settings, base / settings.okrs_dir, problems
