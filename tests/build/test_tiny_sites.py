"""Real builds of tiny sites: hostile text, broken files, template overrides, options."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config

from mkdocs_okr.plugin import OkrPlugin

from .sitetools import COMPANY, parse, run_mkdocs, write_project

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>" onmouseover="alert(3)'
SHORT = '"><script>alert(1)</script>'  # fits the 64-character limit of tags and units

TEAM_HOSTILE = f"""---
cycle: 2024-Q1
owner: brand
name: '{HOSTILE}'
level: team
parent: company
tags: ['{SHORT}']
objectives:
  - title: '{HOSTILE}'
    aligns: company/O1
    tags: ['{SHORT}']
    key_results:
      - title: '{HOSTILE}'
        target: 10
        unit: '{SHORT}'
        checkins:
          - {{date: 2024-01-05, value: 3, note: '{HOSTILE}'}}
      - title: dropped one
        target: 5
        status: dropped
        reason: '{HOSTILE}'
---
# Notes

{HOSTILE}

[click](javascript:alert(4)) and [data](data:text/html,<script>alert(5)</script>)

<a href="javascript:alert(6)">raw</a>

!!! note "An admonition"
    Kept, with **bold**.

- [x] a task
"""


def _all_html(site: Path) -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, {"2024/company.md": COMPANY, "2024-Q1/brand.md": TEAM_HOSTILE}
    )
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    pages = _all_html(project / "site")
    set_page = pages[project / "site" / "okr" / "2024-Q1" / "brand" / "index.html"]
    # The text is there, escaped, in every field.
    assert set_page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6
    inline_scripts_of_material = None
    for path, html in pages.items():
        assert "<script>alert" not in html, path
        page = parse(path)
        assert page.scripting == [], path
        # Material's own pages carry a fixed number of inline scripts; ours add none.
        if inline_scripts_of_material is None:
            inline_scripts_of_material = len(page.scripts)
        assert len(page.scripts) == inline_scripts_of_material, path
    # Material puts page.title raw into <title>: it must already be escaped text.
    assert parse(project / "site" / "okr" / "2024-Q1" / "brand" / "index.html").title.startswith(
        "<script>"
    )
    assert "<title><script>" not in set_page
    # The sanitiser keeps Material's markup.
    assert 'class="admonition note"' in set_page
    assert "task-list-item" in set_page


def test_a_broken_file_fails_strict_and_is_shown_with_a_notice_otherwise(tmp_path: Path) -> None:
    broken = COMPANY.replace("cycle: 2024\nowner: company", "cycle: 2024\nowner: other").replace(
        "target: 100", "target: '50%'"
    )
    project = write_project(tmp_path, {"2024/company.md": COMPANY, "2024/other.md": broken})
    strict = run_mkdocs(project, "--strict")
    assert strict.returncode == 1
    assert re.search(r"okrs/2024/other\.md:9:\d+: .*target", strict.stderr)
    assert "[wrong-type]" in strict.stderr

    relaxed = run_mkdocs(project)
    assert relaxed.returncode == 0, relaxed.stderr
    site = project / "site"
    assert (site / "okr" / "2024" / "company" / "index.html").is_file()
    problems = (site / "okr" / "problems" / "index.html").read_text(encoding="utf-8")
    assert "2024/other.md:9:" in problems
    assert "wrong-type" in problems
    # The set is shown with what could be read, and a notice that links its problems.
    other = parse(site / "okr" / "2024" / "other" / "index.html")
    assert "Errors found in this OKR set's file: 1." in other.text
    assert "Revenue" in other.text
    assert "../../problems/" in (site / "okr" / "2024" / "other" / "index.html").read_text(
        encoding="utf-8"
    )
    company = (site / "okr" / "2024" / "company" / "index.html").read_text(encoding="utf-8")
    assert "okr-problems-notice" not in company


def test_a_chinese_site_logs_and_lists_problems_in_chinese(tmp_path: Path) -> None:
    broken = COMPANY.replace("cycle: 2024\nowner: company", "cycle: 2024\nowner: other").replace(
        "target: 100", "target: '50%'"
    )
    project = write_project(tmp_path, {"2024/company.md": COMPANY, "2024/other.md": broken})
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  name: material\n", "  name: material\n  language: zh\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    chinese = "`target` 必须是数字，这里却是文字“50%”"
    built = run_mkdocs(project)
    assert built.returncode == 0, built.stderr
    assert re.search(r"okrs/2024/other\.md:9:\d+: error: " + re.escape(chinese), built.stderr)
    problems = (project / "site" / "okr" / "problems" / "index.html").read_text(encoding="utf-8")
    assert chinese in problems
    # OKR_LANG asks for the log in another language; the site's pages stay in the site's.
    english = run_mkdocs(project, okr_lang="en")
    assert "error: `target` must be a number, but here it is the text '50%'" in english.stderr
    problems = (project / "site" / "okr" / "problems" / "index.html").read_text(encoding="utf-8")
    assert "必须是数字" in problems


def test_templates_can_be_overridden_from_custom_dir(tmp_path: Path) -> None:
    # Two sets of one owner: an owner's history page is made only for several sets.
    earlier = COMPANY.replace("cycle: 2024\n", "cycle: 2023\n")
    project = write_project(
        tmp_path,
        {"2024/company.md": COMPANY, "2023/company.md": earlier},
        extra="",
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "overrides" / "okr").mkdir(parents=True)
    (project / "overrides" / "okr" / "owner.html").write_text(
        '<div class="okr"><h1 id="owner">{{ title }}</h1><p class="custom-owner">OVERRIDDEN</p></div>\n',
        encoding="utf-8",
    )
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    owner_page = (project / "site" / "okr" / "owners" / "company" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "OVERRIDDEN" in owner_page
    set_page = (project / "site" / "okr" / "2024" / "company" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "okr-objective" in set_page  # the other templates still come from the package


def test_english_labels_for_other_languages(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"2024/company.md": COMPANY})
    config = (
        (project / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("  name: material\n", "  name: material\n  language: fr\n")
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert run_mkdocs(project).returncode == 0
    home = (project / "site" / "okr" / "index.html").read_text(encoding="utf-8")
    assert "Average score" in home and "平均得分" not in home


def test_the_plugin_adds_its_stylesheet(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"2024/company.md": COMPANY})
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    config = plugin.on_config(config)
    assert "okr/okr.css" in [str(path) for path in config.extra_css]


def test_invalid_options_stop_the_build_with_a_clear_message(tmp_path: Path) -> None:
    project = write_project(
        tmp_path, {"2024/company.md": COMPANY}, plugin_options="limits: {team: {objectives: 0}}"
    )
    result = run_mkdocs(project)
    assert result.returncode == 1
    assert "plugins.okr.limits.team.objectives" in result.stderr


def test_a_file_name_cannot_start_a_workflow_command_in_the_build_log(tmp_path: Path) -> None:
    hostile_name = "x\n::error title=injected::owned.md"
    project = write_project(
        tmp_path, {"2024/company.md": COMPANY, hostile_name: "not front matter\n"}
    )
    result = run_mkdocs(project)
    assert "front-matter-missing" in result.stderr
    assert not [line for line in result.stderr.splitlines() if line.lstrip().startswith("::")]
