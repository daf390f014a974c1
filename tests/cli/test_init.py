"""`okr init`: a new organisation that passes `okr check`, builds, and whose GitHub files are
valid and safe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mkdocs_okr.init import WORKFLOWS

from ..issues.test_github_files import check_jsonschema, zizmor_findings
from .okr_cli_support import Run

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_WORKFLOWS = ROOT / "plugin" / "mkdocs_okr" / "templates" / "init" / "workflows"


def test_the_packaged_workflows_are_the_repositorys() -> None:
    for name in WORKFLOWS:
        packaged = (PACKAGE_WORKFLOWS / name).read_bytes()
        assert packaged == (ROOT / ".github" / "workflows" / name).read_bytes(), name


def test_a_chinese_organisation_checks_builds_and_validates(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "okrs-repo"
    result = run(
        "init",
        folder,
        "--name",
        "星跃 <OKR>",
        "--repo-url",
        "https://github.com/acme/okrs",
        "--today",
        "2026-11-27",
    )
    assert result.code == 0, result.err
    assert (folder / "okrs/2026/company.md").is_file()
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "星跃 <OKR>"
    assert config["repo_url"] == "https://github.com/acme/okrs"
    assert config["theme"] == {"name": "material", "language": "zh", "font": False}
    assert config["plugins"][0] == {"search": {"separator": "[\\s\\u200b\\-]"}}
    assert "&lt;OKR&gt;" in (folder / "docs/index.md").read_text(encoding="utf-8")
    forms = sorted((folder / ".github/ISSUE_TEMPLATE").iterdir())
    assert "本周进展" in forms[0].read_text(encoding="utf-8")

    assert run("check", folder / "okrs", "--config", folder / "mkdocs.yml").code == 0
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site/okr/index.html").is_file()

    workflows = sorted((folder / ".github/workflows").iterdir())
    assert [path.name for path in workflows] == sorted(WORKFLOWS)
    for path in workflows:
        text = path.read_text(encoding="utf-8")
        assert "-e ." not in text and 'pip install "mkdocs-okr==' in text
    schema = check_jsonschema("vendor.github-workflows", workflows)
    assert schema.returncode == 0, schema.stdout
    schema = check_jsonschema("vendor.github-issue-forms", forms)
    assert schema.returncode == 0, schema.stdout
    assert zizmor_findings(*workflows) == []


def test_an_english_organisation(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()  # an empty folder is fine
    assert run("init", folder, "--lang", "en", "--today", "2027-01-04").code == 0
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Our OKRs" and config["theme"]["language"] == "en"
    assert "repo_url" not in config and config["plugins"][0] == "search"
    assert "Progress" in (folder / ".github/ISSUE_TEMPLATE/okr-checkin.yml").read_text("utf-8")
    assert run("check", folder / "okrs", "--config", folder / "mkdocs.yml").code == 0


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_folder_that_is_not_empty_is_refused(run: Run, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "taken"
    if kind == "file":
        folder.write_text("x", encoding="utf-8")
    else:
        folder.mkdir()
        (folder / "README.md").write_text("mine", encoding="utf-8")
    result = run("init", folder)
    assert result.code == 1
    assert "不是空文件夹" in result.err  # in the language of the site it makes (zh by default)
    english = run("init", folder, "--lang", "en")
    assert english.code == 1 and "is not an empty folder" in english.err
    if kind == "folder":
        assert [p.name for p in folder.iterdir()] == ["README.md"]
    else:
        assert folder.read_text(encoding="utf-8") == "x"
