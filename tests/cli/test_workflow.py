"""The GitHub workflow and the pre-commit hook: valid, pinned, least privilege, real commands."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_okr import cli

from .okr_cli_support import Run
from .test_diff import GitRepo, git

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "okr.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PINNED = re.compile(r"actions/[a-z0-9-]+@([0-9a-f]{40}|v[0-9]+\.[0-9]+\.[0-9]+)")


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers() -> dict[str, Any]:
    data = workflow()
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean true.
    on = data.get("on", data.get(True))
    assert isinstance(on, dict)
    return on


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def okr_commands() -> list[list[str]]:
    """Every `okr ...` line of the workflow's scripts, split as the shell would."""
    commands = []
    for step in steps():
        for line in str(step.get("run", "")).splitlines():
            words = shlex.split(line)
            if words and words[0] == "okr":
                commands.append(words[1:])
    return commands


def test_runs_on_pull_request_never_pull_request_target() -> None:
    assert set(triggers()) == {"pull_request", "push"}
    assert triggers()["push"] == {"branches": ["main"]}


def test_every_action_is_official_and_pinned() -> None:
    uses = [step["uses"] for step in steps() if "uses" in step]
    assert uses, "no action at all?"
    for action in uses:
        assert PINNED.fullmatch(action), action
    assert {action.split("@")[0] for action in uses} == {
        "actions/checkout",
        "actions/setup-python",
        "actions/github-script",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    # A commit pin says which release it is, so an update is a readable change.
    for line in WORKFLOW.read_text(encoding="utf-8").splitlines():
        if re.search(r"uses: actions/\S+@[0-9a-f]{40}", line):
            assert re.search(r"@[0-9a-f]{40} # v[0-9]+\.[0-9]+\.[0-9]+$", line), line


def test_least_privilege() -> None:
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    jobs = data["jobs"]
    assert all("permissions" in job for job in jobs.values())
    assert jobs["review"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert jobs["publish"]["permissions"] == {
        "contents": "read",
        "pages": "write",
        "id-token": "write",
    }
    assert jobs["publish"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    for step in steps():
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_review_fetches_history_and_updates_one_comment() -> None:
    review = workflow()["jobs"]["review"]["steps"]
    assert review[0]["with"]["fetch-depth"] == 0  # `okr diff origin/<base>` needs the base
    script = next(s for s in review if "github-script" in s.get("uses", ""))["with"]["script"]
    assert 'const marker = "<!-- okr-diff -->";' in script
    assert "updateComment" in script and "createComment" in script
    # The base branch's name reaches the shell through the environment only.
    for step in review:
        assert "${{" not in str(step.get("run", "")), step


def test_okr_commands_are_ones_the_parser_accepts() -> None:
    commands = okr_commands()
    assert commands == [
        ["check", "--format", "github"],
        ["diff", "origin/$BASE_REF", "HEAD", "--output", "okr-diff.md"],
    ]
    parser = cli.build_parser()
    for words in commands:
        args = parser.parse_args(words)
        assert args.handler in (cli.command_check, cli.command_diff)
    runs = [str(step.get("run", "")) for step in steps()]
    assert runs.count("mkdocs build --strict") == 2
    assert runs.count("pip install -c constraints.txt -e .") == 2


def test_the_workflow_commands_run_as_in_ci(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workflow's own `okr` lines, on a repository laid out like a pull request's checkout."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "checkout"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    repo = GitRepo(root)
    repo.write("mkdocs.yml", "site_name: x\nplugins:\n  - okr\n")
    repo.write(
        "okrs/2024/company.md",
        "---\ncycle: 2024\nowner: company\nlevel: company\n"
        "objectives:\n  - title: 增长\n    key_results:\n      - {title: GMV, target: 10}\n---\n",
    )
    base = repo.commit("base")
    git(root, "update-ref", "refs/remotes/origin/main", base)  # what fetch-depth: 0 brings
    repo.edit("okrs/2024/company.md", "target: 10", "target: 8")
    repo.commit("lower the target")
    monkeypatch.chdir(root)
    environment = {"BASE_REF": "main"}
    for words in okr_commands():
        expanded = [re.sub(r"\$(\w+)", lambda m: environment[m.group(1)], w) for w in words]
        result = run(*expanded)
        assert result.code == 0, (expanded, result.err)
    summary = (root / "okr-diff.md").read_text(encoding="utf-8")
    assert summary.startswith("### OKR changes · origin/main → HEAD\n")
    assert "target made easier to reach: 10 → 8" in summary


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert {k: hook[k] for k in ("id", "entry", "language", "pass_filenames", "files")} == {
        "id": "okr-check",
        "entry": "okr check",
        "language": "python",
        "pass_filenames": False,
        "files": r"^okrs/.*\.md$",
    }
    assert hook["name"]
    words = shlex.split(hook["entry"])
    assert words[0] == "okr"
    assert cli.build_parser().parse_args(words[1:]).handler is cli.command_check
    pattern = re.compile(hook["files"])
    assert pattern.search("okrs/2024-Q1/brand.md")
    assert not pattern.search("docs/okrs.md") and not pattern.search("okrs/notes.txt")
