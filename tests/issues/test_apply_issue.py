"""`okr apply-issue`: an `issues` event, as GitHub sends it, applied to a copy of the example
organisation in a real git repository; refusals leave every byte as it was."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mkdocs_okr import writefiles
from mkdocs_okr.cli import main
from mkdocs_okr.core.load import load_text
from mkdocs_okr.core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SET_FILE = "okrs/2026-Q4/social-media.md"


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example organisation and its mkdocs.yml (Chinese) committed in a new repository."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "okrs", root / "okrs")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "example")
    monkeypatch.chdir(root)
    return root


def event(
    body: str,
    labels: tuple[str, ...] = ("okr-checkin",),
    association: str = "MEMBER",
) -> dict[str, Any]:
    """An `issues` event payload, the fields GitHub sends that the command reads."""
    return {
        "action": "opened",
        "issue": {
            "number": 42,
            "title": "OKR 进展 2026-Q4/social-media",
            "state": "open",
            "body": body,
            "labels": [{"id": 1, "name": name, "color": "1d76db"} for name in labels],
            "author_association": association,
            "created_at": "2026-11-27T08:15:00Z",
            "user": {"login": "xiaowang", "id": 7},
        },
        "repository": {"full_name": "example/okrs", "default_branch": "main"},
    }


def checkin_body(updates: str, okr_set: str = "2026-Q4/social-media", day: str = "") -> str:
    return (
        f"### OKR 集\n\n{okr_set}\n\n### 日期\n\n{day or '_No response_'}\n\n"
        f"### 本周进展\n\n{updates}\n"
    ).replace("\n", "\r\n")  # GitHub sends form bodies with CRLF


def grade_body(scores: str, retrospective: str = "_No response_") -> str:
    return (
        "### OKR 集\n\n2026-Q4/social-media\n\n### 日期\n\n_No response_\n\n"
        f"### 评分\n\n{scores}\n\n### 复盘\n\n{retrospective}\n"
    )


def apply(root: Path, payload: dict[str, Any]) -> tuple[int, str]:
    path = root.parent / "event.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    reply = root.parent / "reply.md"
    code = main(["apply-issue", str(path), "--reply", str(reply)])
    return code, reply.read_text(encoding="utf-8")


def changed_lines(root: Path) -> tuple[list[str], list[str]]:
    """(removed, added) lines of the working tree against the commit."""
    diff = git(root, "diff", "-U0").split("\n")
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def snapshot(root: Path) -> dict[str, bytes]:
    files = (root / "okrs").rglob("*")
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files if p.is_file()}


def test_a_checkin_adds_only_its_lines_and_passes_the_check(repo: Path) -> None:
    code, reply = apply(
        repo,
        event(
            checkin_body("O1/KR1 = ８，２００ [有风险] # 黑五预热\nO1/KR2 = 76%\nO2/KR2 = 2 正常")
        ),
    )
    assert code == 0, reply
    removed, added = changed_lines(repo)
    assert removed == []
    assert added == [
        "          - {date: 2026-11-27, value: 8200, status: at-risk, note: 黑五预热}",
        "          - {date: 2026-11-27, value: 1.81}",  # 1.2 + 76 % of (2 - 1.2)
        "          - {date: 2026-11-27, value: 2, status: on-track}",
    ]
    assert git(repo, "status", "--porcelain").split() == ["M", SET_FILE]
    assert main(["check"]) == 0
    assert reply.startswith("已记录 2026-Q4/social-media（2026-11-27），等待审核合并：\n")
    assert "- O1/KR1: 8200 · 有风险 · 黑五预热" in reply


def test_grades_and_the_retrospective(repo: Path) -> None:
    retrospective = "做得好：Reels 节奏稳定。\n\n### 不足\n\n- 预算审批慢"
    code, reply = apply(
        repo,
        event(grade_body("O1/KR1 = 0.8\nO1/KR2 = 70% # 接近", retrospective), ("okr-grade",)),
    )
    assert code == 0, reply
    removed, added = changed_lines(repo)
    assert removed == ["周期结束后填写。"]
    assert added == [
        "        score: 0.8",
        "        score: 0.7",
        "做得好：Reels 节奏稳定。",
        "",
        "### 不足",
        "",
        "- 预算审批慢",
    ]
    assert main(["check"]) == 0


REFUSALS = [
    (event(checkin_body("O1/KR1 = 8200", "2026-Q4/nobody")), "apply-unknown-set"),
    (event(checkin_body("O1/KR9 = 5")), "checkin-unknown-key-result"),
    (event(checkin_body("O1/KR1 = 很多")), "value-invalid"),
    (event(checkin_body("O2/KR1 = 3")), "checkin-milestone-value"),
    (event(checkin_body("O1/KR1 = 8200", day="2026-09-30")), "checkin-date-outside-cycle"),
    (event(checkin_body("O1/KR1 = 8200", day="2026-11-20")), "checkin-not-after-latest"),
    (event(checkin_body("O1/KR1 = 8200", "../../etc/passwd")), "set-invalid"),
    (event(grade_body("O1/KR1 = 1.2"), ("okr-grade",)), "score-out-of-range"),
    (event(checkin_body("O1/KR1 = 8200"), association="CONTRIBUTOR"), "apply-not-member"),
    (event(checkin_body("O1/KR1 = 8200"), association="NONE"), "apply-not-member"),
    (event(checkin_body("O1/KR1 = 8200"), labels=("bug",)), "apply-no-form"),
    (event(checkin_body("O1/KR1 = 8200"), ("okr-checkin", "okr-grade")), "apply-no-form"),
]


@pytest.mark.parametrize(("payload", "code"), REFUSALS)
def test_a_refusal_changes_no_byte_and_says_why(
    repo: Path, payload: dict[str, Any], code: str
) -> None:
    before = snapshot(repo)
    status, reply = apply(repo, payload)
    assert status == 1
    assert reply.startswith("没有改动任何文件。请修改这个议题（编辑后会自动重新处理）：\n")
    assert f"(`{code}`)" in reply
    assert snapshot(repo) == before
    assert git(repo, "status", "--porcelain") == ""


def test_a_problem_of_the_body_names_its_line_in_the_reply(repo: Path) -> None:
    # "很多" stands on line 12 of the body: the two lines of check-ins start at line 11.
    status, reply = apply(repo, event(checkin_body("O1/KR1 = 8200\nO1/KR2 = 很多")))
    assert status == 1
    problem = next(line for line in reply.splitlines() if "(`value-invalid`)" in line)
    assert problem.startswith("- 第 12 行："), problem


def test_a_failed_write_changes_no_byte(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(source: object, target: object) -> None:
        raise OSError(30, "Read-only file system")

    before = snapshot(repo)
    monkeypatch.setattr(writefiles.os, "replace", failing)
    status, reply = apply(repo, event(checkin_body("O1/KR1 = 8200")))
    assert status == 1
    assert "(`apply-not-written`)" in reply and "Read-only file system" in reply
    assert snapshot(repo) == before


HOSTILE = '<script>alert(1)</script> ::error::boom @everyone {a: [b]}, "quoted" `tick` $(id)'


def test_hostile_text_stays_text(repo: Path) -> None:
    code, reply = apply(repo, event(checkin_body(f"O1/KR1 = 8200 # {HOSTILE}")))
    assert code == 0, reply
    # In the answer: no HTML, no mention, no code span; the words still readable.
    assert "<script" not in reply and "@everyone" not in reply and "`tick`" not in reply
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in reply and "@\u200beveryone" in reply
    # In the file: one quoted YAML string that reads back as exactly the note.
    text = (repo / SET_FILE).read_text(encoding="utf-8")
    loaded = load_text(text.encode(), SET_FILE, Settings(), Settings().calendar())
    assert loaded.okr_set is not None
    assert loaded.okr_set.objectives[0].key_results[0].checkins[-1].note == HOSTILE
    _removed, added = changed_lines(repo)
    assert added == [
        "          - {date: 2026-11-27, value: 8200, note: " + json.dumps(HOSTILE) + "}"
    ]
    assert main(["check"]) == 0


def test_hostile_text_in_a_refusal_is_inert(repo: Path) -> None:
    status, reply = apply(
        repo, event(checkin_body("O1/KR1 = <img src=x onerror=alert(1)> @org/team"))
    )
    assert status == 1
    assert "<img" not in reply and "@org" not in reply
    assert "(`value-invalid`)" in reply


@pytest.mark.parametrize("content", ["not json", json.dumps({"action": "opened"}), "[]"])
def test_an_event_that_is_not_an_issue_is_a_usage_error(repo: Path, content: str) -> None:
    path = repo.parent / "event.json"
    path.write_text(content, encoding="utf-8")
    assert main(["apply-issue", str(path), "--reply", str(repo.parent / "reply.md")]) == 2
    assert not (repo.parent / "reply.md").exists()


def test_a_set_with_errors_of_its_own_is_not_edited(repo: Path) -> None:
    path = repo / SET_FILE
    broken = path.read_text(encoding="utf-8").replace("{date: 2026-10-02,", "{date: 2026-09-02,")
    path.write_text(broken, encoding="utf-8")
    status, reply = apply(repo, event(checkin_body("O1/KR1 = 8200")))
    assert status == 1
    assert "(`apply-broken-set`)" in reply
    assert path.read_text(encoding="utf-8") == broken
