"""`okr init DIR`: a new organisation's repository in one command.

It writes what a team needs to publish its OKRs and keep them up to date from the browser:
`mkdocs.yml` (Material in the chosen language, system fonts, Chinese search, the okr plugin),
`okrs/` with one starter company set (a draft that passes `okr check`, from `okr new`'s
function), `docs/index.md`, the three workflows of this repository (the package holds copies,
kept identical by a test; only the install step changes, to the released package), the issue
forms in the chosen language, `.pre-commit-config.yaml` and `.gitignore`. Every file is written
through writefiles, all or none, and only into an empty folder.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

from . import __version__
from .core.githubtext import inert
from .core.newset import new_set

# The repository installs itself from its checkout; a new organisation installs the release.
DEVELOPMENT_INSTALL = "pip install -c constraints.txt -e ."
WORKFLOWS = ("okr.yml", "okr-from-issue.yml", "okr-remind.yml")
FORMS = ("okr-checkin.yml", "okr-grade.yml")

_TEXTS = {
    "zh": {
        "site_name": "我们的 OKR",
        "company": "公司",
        "index": "# {name}\n\n全员公开的 OKR：公司、团队和个人每个周期的目标与关键结果，每周更新进展。\n\n"
        "- [查看 OKR](okr/index.md)\n"
        "- OKR 文件在仓库的 `okrs/` 文件夹里：每个负责人每个周期一个文件。\n",
    },
    "en": {
        "site_name": "Our OKRs",
        "company": "Company",
        "index": "# {name}\n\nOKRs open to everyone: the objectives and key results of the company, "
        "its teams and people for each cycle, with weekly check-ins.\n\n"
        "- [See the OKRs](okr/index.md)\n"
        "- The OKR files live in the repository's `okrs/` folder: one file per owner and "
        "cycle.\n",
    },
}

_PRE_COMMIT = """\
# `okr check` before each commit that touches an OKR file (pip install pre-commit; pre-commit install)
repos:
  - repo: local
    hooks:
      - id: okr-check
        name: okr check
        entry: okr check
        language: system
        pass_filenames: false
        files: ^okrs/.*\\.md$
"""

_GITIGNORE = "site/\n.cache/\n__pycache__/\n"


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: any name or URL stays one value.
    return json.dumps(text, ensure_ascii=False)


def mkdocs_yml(language: str, name: str, repo_url: str | None) -> str:
    lines = [f"site_name: {_quoted(name)}"]
    if repo_url:
        lines.append(f"repo_url: {_quoted(repo_url)}")
    lines += [
        "",
        "theme:",
        "  name: material",
        f"  language: {language}",
        "  # System fonts: Google Fonts is unreachable from mainland China, and pages would wait.",
        "  font: false",
        "",
        "plugins:",
    ]
    if language == "zh":
        lines += [
            "  - search:",
            "      # jieba marks Chinese word boundaries with zero-width spaces.",
            "      separator: '[\\s\\u200b\\-]'",
        ]
    else:
        lines.append("  - search")
    lines += ["  - okr:", "      okrs_dir: okrs", ""]
    return "\n".join(lines)


def _package_text(*parts: str) -> str:
    return resources.files("mkdocs_okr").joinpath("templates", *parts).read_text(encoding="utf-8")


def workflow(name: str) -> str:
    """The repository's workflow `name`, installing the released package."""
    text = _package_text("init", "workflows", name)
    return text.replace(DEVELOPMENT_INSTALL, f'pip install "mkdocs-okr=={__version__}"')


def init_files(
    language: str, name: str | None, repo_url: str | None, today: dt.date
) -> list[tuple[str, str]]:
    """(path in the new folder, text) of every file `okr init` writes."""
    texts = _TEXTS[language]
    site_name = name or texts["site_name"]
    company = new_set(
        str(today.year), "company", "company", name=texts["company"], language=language
    )
    files = [
        ("mkdocs.yml", mkdocs_yml(language, site_name, repo_url)),
        (f"okrs/{today.year}/company.md", company),
        ("docs/index.md", texts["index"].format(name=inert(site_name))),
        (".pre-commit-config.yaml", _PRE_COMMIT),
        (".gitignore", _GITIGNORE),
    ]
    files += [(f".github/workflows/{file}", workflow(file)) for file in WORKFLOWS]
    files += [
        (
            f".github/ISSUE_TEMPLATE/{form}",
            _package_text("github", language, "ISSUE_TEMPLATE", form),
        )
        for form in FORMS
    ]
    return files
