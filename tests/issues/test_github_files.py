"""The issue forms and the workflows that act on issues: valid, safe, and in step with the parser.

Validated offline with check-jsonschema (its built-in GitHub schemas) and zizmor (no finding of
medium severity or more), over every workflow and issue form of `.github/` and of the package.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_okr import cli
from mkdocs_okr.core.issueform import FIELDS, LANGUAGES, TITLES, Form

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
PACKAGE_GITHUB = ROOT / "plugin" / "mkdocs_okr" / "templates" / "github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("okr-*.yml"))
PACKAGE_FORMS = sorted(PACKAGE_GITHUB.glob("*/ISSUE_TEMPLATE/*.yml"))
FROM_ISSUE = GITHUB / "workflows" / "okr-from-issue.yml"
REMIND = GITHUB / "workflows" / "okr-remind.yml"
BIN = Path(sys.executable).parent
# The commands the workflows call for issues, with the exact words.
ISSUE_COMMANDS = {
    "apply-issue": ["apply-issue", "$GITHUB_EVENT_PATH", "--reply", "reply.md"],
    "remind": ["remind", "--output", "$RUNNER_TEMP/remind.md"],
}


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(path: Path) -> list[dict[str, Any]]:
    return [step for job in load(path)["jobs"].values() for step in job["steps"]]


def okr_commands(path: Path) -> list[list[str]]:
    """Every `okr ...` line of the workflow's scripts, split as the shell would."""
    commands = []
    for step in steps(path):
        for line in str(step.get("run", "")).splitlines():
            if not line.lstrip().startswith("okr "):
                continue
            words = shlex.split(line, comments=True)
            # The command's own words: up to a redirection or `||`.
            ends = [i for i, word in enumerate(words) if word[:1] in "|>&" or word[:2] == "2>"]
            commands.append(words[1 : min(ends, default=len(words))])
    return commands


def zizmor_findings(*paths: Path) -> list[str]:
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--format", "json", "--min-severity", "medium", *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    findings = json.loads(result.stdout)
    assert (result.returncode == 0) == (findings == []), result.stderr
    return [f"{finding['ident']}: {finding['desc']}" for finding in findings]


def check_jsonschema(schema: str, paths: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", schema, *paths],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- The schemas and zizmor ------------------------------------------------------------------------


def test_the_files_exist() -> None:
    assert {path.name for path in WORKFLOWS} >= {"okr.yml", "okr-from-issue.yml", "okr-remind.yml"}
    assert [path.name for path in FORMS] == ["okr-checkin.yml", "okr-grade.yml"]
    assert sorted(str(path.relative_to(PACKAGE_GITHUB)) for path in PACKAGE_FORMS) == [
        f"{language}/ISSUE_TEMPLATE/{form.template}" for language in ("en", "zh") for form in Form
    ]


def test_workflows_match_githubs_schema() -> None:
    result = check_jsonschema("vendor.github-workflows", WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_match_githubs_schema() -> None:
    result = check_jsonschema("vendor.github-issue-forms", FORMS + PACKAGE_FORMS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "okr-checkin.yml"
    form = load(FORMS[0])
    form["body"][1]["type"] = "dropdown"  # a dropdown needs options
    broken.write_text(yaml.safe_dump(form, allow_unicode=True), encoding="utf-8")
    assert check_jsonschema("vendor.github-issue-forms", [broken]).returncode != 0


def test_zizmor_finds_nothing_of_medium_severity_or_more() -> None:
    assert zizmor_findings(*WORKFLOWS) == []


def test_zizmor_catches_an_issue_title_pasted_into_a_script(tmp_path: Path) -> None:
    text = FROM_ISSUE.read_text(encoding="utf-8")
    line = 'okr apply-issue "$GITHUB_EVENT_PATH" --reply reply.md || status=$?'
    assert line in text
    unsafe = tmp_path / "okr-from-issue.yml"
    unsafe.write_text(
        text.replace(line, 'echo "${{ github.event.issue.title }}"'), encoding="utf-8"
    )
    assert any(f.startswith("template-injection") for f in zizmor_findings(unsafe))


# --- The forms ---------------------------------------------------------------------------------------


def test_the_site_forms_are_the_packages_chinese_ones() -> None:
    for form in FORMS:
        assert (
            form.read_bytes() == (PACKAGE_GITHUB / "zh" / "ISSUE_TEMPLATE" / form.name).read_bytes()
        )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", list(Form))
def test_fields_are_the_parsers(form: Form, language: str) -> None:
    data = load(PACKAGE_GITHUB / language / "ISSUE_TEMPLATE" / form.template)
    fields = [item for item in data["body"] if item["type"] != "markdown"]
    assert [(f["id"], f["type"], f["attributes"]["label"]) for f in fields] == [
        (spec.id, spec.kind, spec.labels[language]) for spec in FIELDS[form]
    ]
    for item, spec in zip(fields, FIELDS[form], strict=True):
        assert item["validations"]["required"] is spec.required
    # The workflow recognises the form by its label; the title is the one a link extends.
    assert data["labels"] == [form.value]
    assert data["title"] == TITLES[form][language]


# --- okr-from-issue.yml ------------------------------------------------------------------------------


def test_runs_on_issues_opened_or_edited_only() -> None:
    data = load(FROM_ISSUE)
    assert data.get("on", data.get(True)) == {"issues": {"types": ["opened", "edited"]}}


def test_only_for_the_forms_and_for_people_of_the_repository() -> None:
    condition = " ".join(load(FROM_ISSUE)["jobs"]["apply"]["if"].split())
    assert "github.event.issue.state == 'open'" in condition
    for form in Form:
        assert f"contains(github.event.issue.labels.*.name, '{form.value}')" in condition
    assert (
        """contains(fromJSON('["OWNER", "MEMBER", "COLLABORATOR"]'), """
        "github.event.issue.author_association)"
    ) in condition
    assert condition.count("&&") == 2 and condition.count("||") == 1


def test_least_privilege_and_pinned_actions() -> None:
    pins = {step["uses"] for step in steps(GITHUB / "workflows" / "okr.yml") if "uses" in step}
    for path, permissions in [
        (FROM_ISSUE, {"contents": "write", "pull-requests": "write", "issues": "write"}),
        (REMIND, {"contents": "read", "issues": "write"}),
    ]:
        data = load(path)
        assert data["permissions"] == {}
        assert [job["permissions"] for job in data["jobs"].values()] == [permissions]
        for step in steps(path):
            if "uses" in step:
                assert step["uses"] in pins, step  # the SHAs okr.yml is pinned to
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_untrusted_text_reaches_scripts_through_the_environment_only() -> None:
    for path in (FROM_ISSUE, REMIND):
        for step in steps(path):
            assert "${{" not in str(step.get("run", "")), step
    # The issue's title and author are read in `env:`, and the token only where it is used.
    apply = load(FROM_ISSUE)["jobs"]["apply"]
    assert "${{" not in json.dumps(apply["steps"][:4])
    tokens = [step["name"] for step in apply["steps"] if "GH_TOKEN" in step.get("env", {})]
    assert tokens == [
        "Open or update the pull request",
        "Answer on the issue",
        "Say on the issue that the run failed",
    ]


def test_the_commands_it_runs() -> None:
    commands = okr_commands(FROM_ISSUE)
    assert commands == [
        ISSUE_COMMANDS["apply-issue"],
        ["check"],
        ["diff", "$GITHUB_SHA", "HEAD", "--output", "$RUNNER_TEMP/okr-diff.md"],
    ]
    assert okr_commands(REMIND) == [ISSUE_COMMANDS["remind"]]
    parser = cli.build_parser()
    for words in [*commands, *okr_commands(REMIND)]:
        parser.parse_args(words)  # exits (fails the test) on an unknown command or option


def test_a_pull_request_from_the_branch_of_the_issue() -> None:
    apply = load(FROM_ISSUE)["jobs"]["apply"]
    assert apply["env"]["BRANCH"] == "okr/issue-${{ github.event.issue.number }}"
    script = "\n".join(str(step.get("run", "")) for step in apply["steps"])
    assert 'echo "Closes #$ISSUE_NUMBER"' in script
    assert 'head -c 40000 "$RUNNER_TEMP/okr-diff.md"' in script
    assert 'push --force origin "HEAD:refs/heads/$BRANCH"' in script
    assert "gh pr create" in script and "gh pr edit" in script
    assert 'gh issue comment "$ISSUE_NUMBER" --body-file' in script
    text = FROM_ISSUE.read_text(encoding="utf-8")
    for said in (
        "starts no other workflow",
        "Allow GitHub Actions to create",
        "GitHub App",
    ):
        assert said in text


# --- okr-remind.yml ----------------------------------------------------------------------------------


def test_the_reminder_runs_on_friday_afternoon_in_shanghai() -> None:
    data = load(REMIND)
    on = data.get("on", data.get(True))
    assert set(on) == {"schedule", "workflow_dispatch"}
    [schedule] = on["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "5")
    assert minute != "0"  # GitHub delays runs at the top of the hour most
    assert 13 <= (int(hour) + 8) % 24 <= 18  # the afternoon at UTC+8
    text = REMIND.read_text(encoding="utf-8")
    assert re.search(r"Friday 16:17 in Asia/Shanghai", text)
    assert "60 days" in text
