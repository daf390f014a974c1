"""The plugin's options as `options.read_options` reads them (for the plugin and `okr` alike)."""

from __future__ import annotations

from mkdocs_okr.core.settings import Settings
from mkdocs_okr.options import read_options


def test_a_limit_left_out_keeps_its_default() -> None:
    options, problems = read_options({"limits": {"team": {"objectives": 7}}})
    assert problems == []
    settings = options.settings
    assert settings.limits_for("team").objectives == 7
    assert settings.limits_for("team").key_results == 5
    # An individual still has at most 3 objectives, the company 5.
    assert settings.limits_for("individual") == Settings().limits_for("individual")
    assert settings.limits_for("individual").objectives == 3
    assert settings.limits_for("company").objectives == 5


def test_one_field_of_a_level_keeps_the_others() -> None:
    options, _problems = read_options({"limits": {"individual": {"key_results": 4}}})
    assert options.settings.limits_for("individual").objectives == 3
    assert options.settings.limits_for("individual").key_results == 4


def test_a_wrong_limit_is_still_named() -> None:
    _options, problems = read_options({"limits": {"tema": {"objectives": 2}}})
    assert len(problems) == 1
    assert problems[0].startswith("plugins.okr.limits.tema")
    _options, problems = read_options({"limits": {"team": {"objectives": 0}}})
    assert problems == [
        "plugins.okr.limits.team.objectives: Input should be greater than or equal to 1"
    ]
    _options, problems = read_options({"limits": {"team": 4}})
    assert problems and problems[0].startswith("plugins.okr.limits.team")
