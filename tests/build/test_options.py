"""The plugin and `okr check` read every option of mkdocs.yml alike (one declaration).

For each option, a mkdocs.yml setting it to a value other than its default must give the
plugin (MkDocs loading the config, then `on_config`) and the `okr` command the same validated
options; one real build with all of them must log the diagnostics `okr check` prints.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import material
import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from mkdocs_okr.cli import main
from mkdocs_okr.config import OkrConfig
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.options import OPTION_NAMES, PluginOptions, SiteOptions, read_options
from mkdocs_okr.plugin import QUIET_SOURCE_PARTIAL, OkrPlugin
from mkdocs_okr.project import find_options

from .sitetools import run_mkdocs

# One value per option, each different from the default.
NOT_DEFAULT: dict[str, Any] = {
    "okrs_dir": "goals",
    "default_type": "committed",
    "limits": {"team": {"objectives": 1}},
    "cycles": {"FY24": {"start": "2024-04-01", "end": "2025-03-31"}},
    "grading": {"yellow": 0.3, "green": 0.8},
    "task_words": ["weekly"],
    "max_file_bytes": 2048,
    "stale_days": 3,
    "tolerance": {"behind": 0.05, "at_risk": 0.5},
    "verdicts": {"committed_acceptable": 0.9, "calibration_cycles": 3},
    "ignore": ["unaligned"],
    "pages_dir": "goals-site",
    "export": "",
    "today": "2024-06-01",
    "edit_uri": "edit/trunk/goals/",
    "source_uri": "src/trunk/goals/",
    "repository_facts": True,
}


def _project(root: Path, options: dict[str, Any]) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / options.get("okrs_dir", "okrs")).mkdir(exist_ok=True)
    config = {
        "site_name": "Options",
        "repo_url": "https://github.com/example/goals",
        "theme": {"name": "material", "font": False},
        "plugins": [{"okr": options}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root / "mkdocs.yml"


def _read_by_the_plugin(config_file: Path) -> OkrPlugin:
    config = load_config(str(config_file))
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    plugin.on_config(config)
    return plugin


def _read_by_okr(config_file: Path) -> PluginOptions:
    options, _folder, problems = find_options(config_file)
    assert problems == []
    return options


def test_every_option_has_a_case_and_a_mkdocs_declaration() -> None:
    assert set(NOT_DEFAULT) == set(Settings.model_fields) | set(SiteOptions.model_fields)
    assert [name for name, _option in OkrConfig._schema] == list(OPTION_NAMES)


@pytest.mark.parametrize("name", list(NOT_DEFAULT))
def test_the_plugin_and_okr_read_each_option_alike(
    tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = _project(tmp_path, {name: NOT_DEFAULT[name]})
    with caplog.at_level(logging.WARNING):
        plugin = _read_by_the_plugin(config_file)
    # MkDocs knows the name: no "Unrecognised configuration name", which --strict would count.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    by_okr = _read_by_okr(config_file)
    assert plugin.settings.model_dump() == by_okr.settings.model_dump()
    assert plugin.site.model_dump() == by_okr.site.model_dump()
    # The value took effect (it is not the default on either side).
    assert (plugin.settings.model_dump(), plugin.site.model_dump()) != (
        Settings().model_dump(),
        SiteOptions().model_dump(),
    )


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"stale_days": "soon"}, "plugins.okr.stale_days: Input should be a valid integer"),
        ({"stale_day": 3}, "plugins.okr.stale_day: Extra inputs are not permitted"),
        ({"pages_dir": 3}, "plugins.okr.pages_dir: Input should be a valid string"),
        ({"today": "26.11.2026"}, "plugins.okr.today: Value error, Invalid isoformat string"),
        ({"today": 1700000000}, "plugins.okr.today: Input should be a valid date"),
    ],
)
def test_the_plugin_and_okr_refuse_a_wrong_option_alike(
    tmp_path: Path,
    options: dict[str, Any],
    problem: str,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    config_file = _project(tmp_path, options)
    with pytest.raises(PluginError) as refused, caplog.at_level(logging.WARNING):
        _read_by_the_plugin(config_file)
    assert problem in str(refused.value)
    assert main(["check", "--config", str(config_file)]) == 2
    assert problem in capsys.readouterr().err


def test_an_empty_option_is_its_default_on_both_sides(tmp_path: Path) -> None:
    config_file = _project(tmp_path, {"stale_days": None, "today": None, "limits": None})
    plugin = _read_by_the_plugin(config_file)
    assert plugin.settings == Settings() == _read_by_okr(config_file).settings
    assert plugin.site == SiteOptions()


def test_today_is_a_day_written_either_way() -> None:
    quoted, problems = read_options({"today": "2024-06-01"})
    assert problems == []
    unquoted, problems = read_options(yaml.safe_load("today: 2024-06-01"))
    assert problems == []
    assert quoted.site.today == unquoted.site.today
    assert str(quoted.site.today) == "2024-06-01"


COMPANY = """---
cycle: FY24
owner: company
level: company
objectives:
  - title: Grow
    key_results:
      - {title: A weekly report, target: 10, current: 4}
---
"""

TEAM = """---
cycle: 2024-Q2
owner: brand
level: team
parent: company
objectives:
  - title: One
    key_results:
      - {title: Reach, target: 10}
  - title: Two
    key_results:
      - {title: Fans, target: 10}
---
"""


def test_a_build_logs_what_okr_check_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = _project(tmp_path, NOT_DEFAULT)
    goals = tmp_path / "goals"
    (goals / "FY24").mkdir()
    (goals / "FY24" / "company.md").write_text(COMPANY, encoding="utf-8")
    (goals / "2024-Q2").mkdir()
    (goals / "2024-Q2" / "brand.md").write_text(TEAM, encoding="utf-8")
    (goals / "2024-Q2" / "big.md").write_text(TEAM + "x" * 3000 + "\n", encoding="utf-8")

    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "--config", config_file.name]) == 1
    checked = [
        line for line in capsys.readouterr().out.splitlines() if re.search(r"\[[a-z-]+\]$", line)
    ]
    # What the options change shows: task_words, limits, cycles, max_file_bytes, ignore.
    assert [line.rsplit("[", 1)[1] for line in sorted(checked)] == [
        "file-too-large]",
        "too-many-objectives]",
        "task-like]",
    ]
    built = run_mkdocs(tmp_path)
    assert built.returncode == 0, built.stderr
    logged = [
        line.split("okr: ", 1)[1]
        for line in built.stderr.splitlines()
        if "okr: " in line and re.search(r"\[[a-z-]+\]$", line)
    ]
    assert sorted(logged) == sorted(checked)


def _built_pages(root: Path, options: dict[str, Any]) -> dict[Path, str]:
    config_file = _project(root, options)
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["edit_uri"] = "edit/main/docs/"
    config["theme"]["features"] = ["content.action.edit"]
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    built = run_mkdocs(root, "--strict")
    assert built.returncode == 0, built.stderr
    return {path: path.read_text(encoding="utf-8") for path in (root / "site").rglob("*.html")}


def test_the_site_asks_no_host_for_repository_facts_unless_told(tmp_path: Path) -> None:
    quiet = _built_pages(tmp_path / "quiet", {})
    home = quiet[tmp_path / "quiet" / "site" / "index.html"]
    assert 'class="md-source"' in home and 'href="https://github.com/example/goals"' in home
    assert "md-content__button" in home  # "edit this page" stays
    assert not [path for path, html in quiet.items() if 'data-md-component="source"' in html]

    told = _built_pages(tmp_path / "told", {"repository_facts": True})
    assert 'data-md-component="source"' in told[tmp_path / "told" / "site" / "index.html"]


def test_a_custom_dir_source_partial_still_wins(tmp_path: Path) -> None:
    config_file = _project(tmp_path, {})
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    (tmp_path / "overrides").mkdir()
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    theme_dirs = load_config(str(config_file)).theme.dirs
    loaded = load_config(str(config_file))
    plugin = loaded.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    plugin.on_config(loaded)
    plugin.on_config(loaded)  # `mkdocs serve` may call it again: added once
    assert loaded.theme.dirs == [theme_dirs[0], QUIET_SOURCE_PARTIAL, *theme_dirs[1:]]


def test_the_quiet_partial_is_materials_without_the_component() -> None:
    # When Material changes its partial, copy it again (and drop the attribute).
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "source.html").read_text(
        encoding="utf-8"
    )
    ours = (Path(QUIET_SOURCE_PARTIAL) / "partials" / "source.html").read_text(encoding="utf-8")

    def markup(template: str) -> str:
        return template.split("-#}", 1)[1].strip()

    assert markup(ours) == markup(theirs).replace(' data-md-component="source"', "")
    assert 'data-md-component="source"' in theirs
