"""`okr diff BASE [HEAD]` on real git repositories: what a pull request does to the goals."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .okr_cli_support import Run

COMPANY = """---
cycle: 2024
owner: company
name: 3C 电子公司
level: company
objectives:
  - id: O1
    title: 成为亚马逊 3C 前三
    key_results:
      - id: KR1
        title: GMV 达到 1000 万美元
        target: 1000
        current: 400
  - id: O2
    title: 提升品牌影响力
    key_results:
      - id: KR1
        title: 品牌搜索量增长 50%
        target: 50
---
"""

# O1 score 0.06 (KR1 at 12 % with weight 50), O2 0, the set 0.03.
BRAND = """---
cycle: 2024-Q1
owner: brand
name: 品牌团队
level: team
parent: company
objectives:
  - id: O1
    title: 提升品牌影响力
    type: committed
    aligns: company/O2
    key_results:
      - id: KR1
        title: Instagram 增长 10000 粉丝
        target: 10000
        unit: 粉丝
        weight: 50
        checkins:
          - {date: 2024-01-05, value: 1200}
      - id: KR2
        title: 退货率从 8% 降到 5%
        start: 8
        target: 5
        unit: "%"
        weight: 30
      - id: KR3
        title: 红人合作 20 次
        target: 20
        weight: 20
  - id: O2
    title: 沉淀团队方法
    aligns: company/O1
    key_results:
      - id: KR1
        title: 完成团队手册
        done: false
---
Brand team.
"""

SOCIAL = """---
cycle: 2024-Q1
owner: social-media
level: individual
parent: brand
objectives:
  - id: O1
    title: 写一套社媒 SOP
    aligns: brand/O2/KR1
    key_results:
      - id: KR1
        title: 输出 SOP
        done: false
---
"""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@dataclass
class GitRepo:
    """A throw-away git repository with an `okrs/` folder."""

    root: Path

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert old in text, old
        self.write(name, text.replace(old, new))

    def commit(self, message: str = "change") -> str:
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "--allow-empty", "-m", message)
        return git(self.root, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """A repository whose first commit holds the company's and the brand team's sets."""
    # The developer's own git configuration must not change what the tests see.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    repository = GitRepo(root)
    repository.write("okrs/2024/company.md", COMPANY)
    repository.write("okrs/2024-Q1/brand.md", BRAND)
    repository.commit("base")
    return repository


@pytest.fixture
def okr(run: Run, repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`okr ...` run at the top of the repository."""
    monkeypatch.chdir(repo.root)
    return run


def diff_json(okr: Run, *args: str) -> dict[str, Any]:
    result = okr("diff", *args, "--format", "json")
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def find(data: dict[str, Any], ref: str) -> dict[str, Any]:
    """The set, objective or key result with this ref in the JSON diff."""
    for okr_set in data["sets"]:
        if okr_set["ref"] == ref:
            return okr_set
        for objective in okr_set["objectives"]:
            if objective["ref"] == ref:
                return objective
            for kr in objective["key_results"]:
                if kr["ref"] == ref:
                    return kr
    raise AssertionError(f"{ref} is not in the diff")


def flags(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f["code"], f["ref"]) for s in data["sets"] for f in s["flags"]]


# Empty diffs and exit status ---------------------------------------------------------------


def test_nothing_changed_prints_one_line(okr: Run) -> None:
    result = okr("diff", "HEAD")
    assert (result.code, result.out, result.err) == (
        0,
        "No changes to OKRs (HEAD → working tree).\n",
        "",
    )
    data = diff_json(okr, "HEAD")
    assert data["empty"] is True
    assert data["sets"] == data["files"] == data["unreadable"] == []


def test_a_comment_alone_changes_no_goal(okr: Run, repo: GitRepo) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "        weight: 30\n", "        weight: 30  # agreed\n")
    assert okr("diff", "HEAD").lines == ["No changes to OKRs (HEAD → working tree)."]
    data = diff_json(okr, "HEAD")
    assert data["empty"] is True
    assert data["files"] == [
        {"status": "modified", "path": "okrs/2024-Q1/brand.md", "old_path": None}
    ]


def test_unknown_revision_exits_2(okr: Run) -> None:
    result = okr("diff", "origin/main")
    assert result.code == 2
    assert result.out == ""
    assert "unknown revision 'origin/main'" in result.err
    assert "fetch-depth: 0" in result.err


def test_outside_a_repository_exits_2(run: Run) -> None:
    result = run("diff", "HEAD")  # `run` starts in an empty folder, not a repository
    assert result.code == 2
    assert "not inside a git repository" in result.err


def test_an_option_is_not_taken_for_a_revision(okr: Run) -> None:
    result = okr("diff", "--", "--output=x")
    assert result.code == 2
    assert "'--output=x' is not a revision" in result.err


# Progress ----------------------------------------------------------------------------------


def test_a_checkin_shows_old_and_new_value_progress_and_scores(okr: Run, repo: GitRepo) -> None:
    assert okr("checkin", "okrs/2024-Q1/brand.md", "O1/KR1=6500", "--date", "2024-01-12").code == 0
    data = diff_json(okr, "HEAD")
    kr = find(data, "2024-Q1/brand/O1/KR1")
    assert kr["status"] == "unchanged"  # progress is not a change of the goal
    assert kr["changes"] == []
    assert kr["value"] == {"old": 1200, "new": 6500}
    assert kr["progress"] == {"old": 0.12, "new": 0.65}
    assert kr["new_checkins"] == [{"date": "2024-01-12", "value": 6500, "note": None}]
    assert find(data, "2024-Q1/brand/O1")["score"] == {"old": 0.06, "new": 0.325}
    assert find(data, "2024-Q1/brand")["score"] == {"old": 0.03, "new": 0.1625}
    # Objectives and KRs nobody touched are left out.
    assert [o["ref"] for o in find(data, "2024-Q1/brand")["objectives"]] == ["2024-Q1/brand/O1"]
    assert [k["ref"] for k in find(data, "2024-Q1/brand/O1")["key_results"]] == [kr["ref"]]

    markdown = okr("diff", "HEAD").lines
    assert "okrs/2024-Q1/brand.md · score 0.03 → 0.16" in markdown
    assert "| O1 | 提升品牌影响力 |  | 0.06 → 0.33 |" in markdown
    assert (
        "| O1/KR1 | Instagram 增长 10000 粉丝 |  | 12% → 65% (1,200 → 6,500 粉丝; 1 new check-in) |"
        in markdown
    )


def test_a_milestone_done(okr: Run, repo: GitRepo) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "done: false", "done: true")
    data = diff_json(okr, "HEAD")
    kr = find(data, "2024-Q1/brand/O2/KR1")
    assert kr["value"] == {"old": False, "new": True}
    assert kr["progress"] == {"old": 0, "new": 1}
    assert "| O2/KR1 | 完成团队手册 |  | 0% → 100% (not done → done) |" in okr("diff", "HEAD").lines


# Definitions: added, removed, retitled, fields ------------------------------------------------


def test_objectives_and_key_results_added_removed_and_retitled(okr: Run, repo: GitRepo) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "title: 提升品牌影响力", "title: 提升品牌在美国的影响力")
    repo.edit(
        "okrs/2024-Q1/brand.md",
        "      - id: KR3\n        title: 红人合作 20 次\n        target: 20\n        weight: 20\n",
        "      - id: KR4\n        title: 红人视频播放 100 万\n        target: 1000000\n"
        "        weight: 20\n",
    )
    repo.edit(
        "okrs/2024-Q1/brand.md",
        "---\nBrand team.",
        "  - id: O3\n    title: 降低获客成本\n    aligns: company/O1\n    key_results:\n"
        "      - id: KR1\n        title: CAC 从 30 降到 20\n        start: 30\n        target: 20\n"
        "---\nBrand team.",
    )
    head = repo.commit()
    data = diff_json(okr, "HEAD~1", head)
    assert data["base"] == "HEAD~1" and data["head"] == head
    objective = find(data, "2024-Q1/brand/O1")
    assert objective["status"] == "changed"
    assert objective["changes"] == [
        {"field": "title", "old": "提升品牌影响力", "new": "提升品牌在美国的影响力"}
    ]
    assert [(k["ref"], k["status"]) for k in objective["key_results"]] == [
        ("2024-Q1/brand/O1/KR4", "added"),
        ("2024-Q1/brand/O1/KR3", "removed"),
    ]
    added = find(data, "2024-Q1/brand/O3")
    assert added["status"] == "added"
    assert added["key_results"][0]["status"] == "added"
    assert ("kr-removed", "2024-Q1/brand/O1/KR3") in flags(data)

    markdown = okr("diff", "HEAD~1", head).lines
    assert "| O1 | 提升品牌在美国的影响力 | retitled, was: 提升品牌影响力 | 0.06 |" in markdown
    assert any(
        line.startswith("| O1/KR3 | 红人合作 20 次 | **removed**; ⚠ deleted") for line in markdown
    )
    assert "| O3 | 降低获客成本 | **added** | 0.00 |" in markdown


def test_changes_of_target_start_unit_weight_type_and_alignment(okr: Run, repo: GitRepo) -> None:
    path = "okrs/2024-Q1/brand.md"
    repo.edit(
        path, "        target: 20\n        weight: 20", "        target: 25\n        weight: 20"
    )
    repo.edit(path, "        start: 8\n", "        start: 9\n")
    repo.edit(
        path,
        "        unit: 粉丝\n        weight: 50",
        "        unit: followers\n        weight: 40",
    )
    repo.edit(path, "        weight: 30\n", "        weight: 40\n")
    repo.edit(
        path,
        "    title: 沉淀团队方法\n    aligns: company/O1",
        "    title: 沉淀团队方法\n    type: committed\n    aligns: company/O2",
    )
    data = diff_json(okr, "HEAD")
    assert find(data, "2024-Q1/brand/O1/KR3")["changes"] == [
        {"field": "target", "old": 20, "new": 25}
    ]
    assert find(data, "2024-Q1/brand/O1/KR2")["changes"] == [
        {"field": "start", "old": 8, "new": 9},
        {"field": "weight", "old": 30, "new": 40},
    ]
    assert find(data, "2024-Q1/brand/O1/KR1")["changes"] == [
        {"field": "unit", "old": "粉丝", "new": "followers"},
        {"field": "weight", "old": 50, "new": 40},
    ]
    assert find(data, "2024-Q1/brand/O2")["changes"] == [
        {"field": "type", "old": "aspirational", "new": "committed"},
        {"field": "aligns", "old": ["2024/company/O1"], "new": ["2024/company/O2"]},
    ]
    # A raised target of an increasing metric is harder: nothing to flag. Weights sum to 100.
    assert flags(data) == []
    markdown = okr("diff", "HEAD").out
    assert "| O1/KR3 | 红人合作 20 次 | target: 20 → 25 |" in markdown
    assert "aligns to: 2024/company/O1 → 2024/company/O2" in markdown
    assert "type: aspirational → committed" in markdown


def test_set_fields_and_notes(okr: Run, repo: GitRepo) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "name: 品牌团队", "name: 品牌推广团队")
    repo.edit("okrs/2024-Q1/brand.md", "Brand team.", "Brand team.\n\n## 复盘\n\n做得不错。")
    data = diff_json(okr, "HEAD")
    brand = find(data, "2024-Q1/brand")
    assert brand["changes"] == [{"field": "name", "old": "品牌团队", "new": "品牌推广团队"}]
    assert brand["body_changed"] is True
    assert brand["objectives"] == []
    assert "okrs/2024-Q1/brand.md · score 0.03 · name: 品牌团队 → 品牌推广团队 · notes changed" in (
        okr("diff", "HEAD").lines
    )


# Flags -------------------------------------------------------------------------------------


def test_flags_a_reviewer_must_see(okr: Run, repo: GitRepo) -> None:
    path = "okrs/2024-Q1/brand.md"
    repo.edit(path, "target: 10000", "target: 8000")  # lowered after a check-in
    repo.edit(path, "        target: 5\n", "        target: 6\n")  # a decreasing metric, raised
    repo.edit(
        path,
        "        target: 20\n        weight: 20\n",
        "        target: 20\n        weight: 20\n"
        "        status: dropped\n        reason: 预算取消\n",
    )
    repo.edit(path, "    aligns: company/O1\n", "")
    data = diff_json(okr, "HEAD")
    assert flags(data) == [
        ("target-lowered", "2024-Q1/brand/O1/KR1"),
        ("target-changed-after-checkins", "2024-Q1/brand/O1/KR1"),
        ("target-lowered", "2024-Q1/brand/O1/KR2"),
        ("kr-dropped", "2024-Q1/brand/O1/KR3"),
        ("alignment-lost", "2024-Q1/brand/O2"),
    ]
    assert find(data, "2024-Q1/brand")["flags"][0] == {
        "code": "target-lowered",
        "ref": "2024-Q1/brand/O1/KR1",
        "old": 10000,
        "new": 8000,
    }
    markdown = okr("diff", "HEAD").lines
    assert "#### ⚠ Look twice" in markdown
    assert markdown[markdown.index("#### ⚠ Look twice") + 2 :][:5] == [
        "- **2024-Q1/brand** O1/KR1: target made easier to reach: 10,000 → 8,000",
        "- **2024-Q1/brand** O1/KR1: target changed after check-ins began: 10,000 → 8,000",
        "- **2024-Q1/brand** O1/KR2: target made easier to reach: 5 → 6",
        "- **2024-Q1/brand** O1/KR3: dropped: 预算取消",
        "- **2024-Q1/brand** O2: aligns to nothing any more (was 2024/company/O1)",
    ]
    assert "**1 OKR sets changed** · ⚠ 5 to look at twice" in markdown[2]
    # In the table, the target's flags go with its change: the numbers show once.
    assert (
        "| O1/KR1 | Instagram 增长 10000 粉丝 | ⚠ target: 10,000 → 8,000 (made easier, after "
        "check-ins began) | 12% → 15% |"
    ) in markdown


def test_weights_that_no_longer_sum_to_100_and_deleted_objectives(okr: Run, repo: GitRepo) -> None:
    path = "okrs/2024-Q1/brand.md"
    repo.edit(
        path,
        "      - id: KR3\n        title: 红人合作 20 次\n        target: 20\n        weight: 20\n",
        "",
    )
    text = repo.read(path)
    repo.write(path, text[: text.index("  - id: O2")] + "---\nBrand team.\n")
    data = diff_json(okr, "HEAD")
    assert flags(data) == [
        ("weights-not-100", "2024-Q1/brand/O1"),
        ("kr-removed", "2024-Q1/brand/O1/KR3"),
        ("objective-removed", "2024-Q1/brand/O2"),
    ]
    assert find(data, "2024-Q1/brand/O2")["status"] == "removed"
    # The same problem, as `okr check` reports it, is new too.
    assert [d["code"] for d in data["diagnostics"]["introduced"]] == ["weights-not-100"]
    assert "key-result weights now sum to 80, not 100" in okr("diff", "HEAD").out


# Diagnostics -------------------------------------------------------------------------------


def test_diagnostics_introduced_and_fixed_not_by_line(okr: Run, repo: GitRepo) -> None:
    # At BASE: an unaligned individual objective (a warning) and a task-like KR (a warning).
    repo.write(
        "okrs/2024-Q1/social-media.md",
        SOCIAL.replace("    aligns: brand/O2/KR1\n", "").replace(
            "title: 输出 SOP", "title: 每天发帖"
        ),
    )
    repo.commit()
    # At HEAD: the alignment is back (fixes `unaligned`, shifts the task-like KR down a line)
    # and the brand team's weights break.
    repo.write("okrs/2024-Q1/social-media.md", SOCIAL.replace("title: 输出 SOP", "title: 每天发帖"))
    repo.edit("okrs/2024-Q1/brand.md", "weight: 30", "weight: 31")
    data = diff_json(okr, "HEAD")
    introduced = data["diagnostics"]["introduced"]
    fixed = data["diagnostics"]["fixed"]
    assert [(d["code"], d["path"], d["line"]) for d in introduced] == [
        ("weights-not-100", "okrs/2024-Q1/brand.md", 8)
    ]
    assert [(d["code"], d["path"]) for d in fixed] == [
        ("unaligned", "okrs/2024-Q1/social-media.md")
    ]
    markdown = okr("diff", "HEAD").out
    assert "problems: 1 introduced, 1 fixed" in markdown
    assert (
        "| introduced warning | okrs/2024-Q1/brand.md:8 | The weights of objective O1" in markdown
    )
    assert "| fixed warning | okrs/2024-Q1/social-media.md:7 | Objective O1 of this" in markdown
    assert "task-like" not in markdown  # it moved a line down, but it is the same problem
    chinese = okr("--lang", "zh", "diff", "HEAD").out
    assert "| okrs/2024-Q1/brand.md:8 | 目标 O1 下各关键结果的权重加起来是 101" in chinese


# Files: added, removed, renamed, broken ------------------------------------------------------


def test_files_added_removed_and_renamed(okr: Run, repo: GitRepo) -> None:
    repo.write("okrs/2024-Q1/social-media.md", SOCIAL)
    repo.commit()
    (repo.root / "okrs/2024-Q1/social-media.md").unlink()
    repo.write("okrs/2024-Q1/ads.md", SOCIAL.replace("owner: social-media", "owner: ads"))
    (repo.root / "okrs/brand").mkdir()
    git(repo.root, "mv", "okrs/2024-Q1/brand.md", "okrs/brand/2024-Q1.md")
    repo.edit("okrs/brand/2024-Q1.md", "target: 20", "target: 30")
    data = diff_json(okr, "HEAD")
    assert data["files"] == [
        {"status": "added", "path": "okrs/2024-Q1/ads.md", "old_path": None},
        {"status": "removed", "path": "okrs/2024-Q1/social-media.md", "old_path": None},
        {"status": "renamed", "path": "okrs/brand/2024-Q1.md", "old_path": "okrs/2024-Q1/brand.md"},
    ]
    assert [(s["ref"], s["status"], s["path"], s["old_path"]) for s in data["sets"]] == [
        ("2024-Q1/ads", "added", "okrs/2024-Q1/ads.md", None),
        ("2024-Q1/brand", "changed", "okrs/brand/2024-Q1.md", "okrs/2024-Q1/brand.md"),
        ("2024-Q1/social-media", "removed", "okrs/2024-Q1/social-media.md", None),
    ]
    assert find(data, "2024-Q1/brand/O1/KR3")["changes"] == [
        {"field": "target", "old": 20, "new": 30}
    ]
    assert data["diagnostics"] == {"introduced": [], "fixed": []}  # a move is not a problem
    markdown = okr("diff", "HEAD").lines
    assert "- renamed: okrs/2024-Q1/brand.md → okrs/brand/2024-Q1.md" in markdown
    assert "- added: okrs/2024-Q1/ads.md" in markdown
    assert "- removed: okrs/2024-Q1/social-media.md" in markdown
    assert "#### 2024-Q1/social-media · social-media (removed)" in markdown
    assert "okrs/brand/2024-Q1.md · moved from okrs/2024-Q1/brand.md · score 0.03" in markdown


def test_a_file_broken_at_head_is_reported_not_fatal(okr: Run, repo: GitRepo) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "level: team", "level: teem")
    data = diff_json(okr, "HEAD")
    assert data["unreadable"] == [
        {
            "path": "okrs/2024-Q1/brand.md",
            "side": "head",
            "code": "invalid-value",
            "line": 5,
            "message": "`level` must be one of company, team, individual; the text 'teem' is "
            "not. Did you mean 'team'?",
        }
    ]
    # Not "removed": the file is there, it just does not parse.
    assert [(s["ref"], s["status"], s["objectives"]) for s in data["sets"]] == [
        ("2024-Q1/brand", "broken", [])
    ]
    assert [d["code"] for d in data["diagnostics"]["introduced"]] == ["invalid-value"]
    markdown = okr("diff", "HEAD").lines
    assert "#### 2024-Q1/brand · 品牌团队 (does not parse any more)" in markdown
    assert (
        "- ⚠ does not parse at working tree: okrs/2024-Q1/brand.md:5 \\`level\\` must be one "
        "of company, team, individual; the text 'teem' is not. Did you mean 'team'? "
        "\\[invalid-value\\]"
    ) in markdown
    chinese = okr("--lang", "zh", "diff", "HEAD").out
    assert (
        "okrs/2024-Q1/brand.md:5 \\`level\\` 只能是 company, team, individual 其中之一" in chinese
    )


def test_a_file_broken_at_base_and_repaired(okr: Run, repo: GitRepo) -> None:
    repo.write("okrs/2024-Q1/social-media.md", SOCIAL.replace("---\n", "", 1))
    base = repo.commit()
    repo.write("okrs/2024-Q1/social-media.md", SOCIAL)
    head = repo.commit()
    data = diff_json(okr, base, head)
    assert [(u["path"], u["side"], u["code"]) for u in data["unreadable"]] == [
        ("okrs/2024-Q1/social-media.md", "base", "front-matter-missing")
    ]
    assert [(s["ref"], s["status"]) for s in data["sets"]] == [("2024-Q1/social-media", "repaired")]
    assert [d["code"] for d in data["diagnostics"]["fixed"]] == ["front-matter-missing"]
    markdown = okr("diff", base, head).out
    assert f"did not parse at {base}, parses now: okrs/2024-Q1/social-media.md:1" in markdown


# Where and how ------------------------------------------------------------------------------


def test_head_is_a_revision_and_the_work_tree_is_ignored(okr: Run, repo: GitRepo) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "target: 20", "target: 30")
    middle = repo.commit()
    repo.edit("okrs/2024-Q1/brand.md", "target: 30", "target: 40")  # not committed
    committed = diff_json(okr, "HEAD~1", "HEAD")
    assert find(committed, "2024-Q1/brand/O1/KR3")["changes"][0]["new"] == 30
    assert diff_json(okr, "HEAD~1", middle) == {**committed, "head": middle}
    assert find(diff_json(okr, "HEAD~1"), "2024-Q1/brand/O1/KR3")["changes"][0]["new"] == 40
    # The work tree was read, never written.
    assert "target: 40" in repo.read("okrs/2024-Q1/brand.md")


def test_from_a_subfolder_with_the_site_configuration(
    okr: Run, repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write(
        "mkdocs.yml",
        "site_name: x\ntheme:\n  name: material\n  language: zh\n"
        "plugins:\n  - okr:\n      okrs_dir: goals\n",
    )
    git(repo.root, "mv", "okrs", "goals")
    repo.commit()
    repo.edit("goals/2024-Q1/brand.md", "target: 20", "target: 30")
    monkeypatch.chdir(repo.root / "goals" / "2024-Q1")
    result = okr("diff", "HEAD")
    assert result.code == 0, result.err
    assert result.lines[0] == "### OKR 变更 · HEAD → 工作区"
    assert "goals/2024-Q1/brand.md · 得分 0.03" in result.lines
    assert "| O1/KR3 | 红人合作 20 次 | 目标值：20 → 30 | 0% |" in result.lines
    assert okr("diff", "HEAD", "--lang", "en").lines[0] == "### OKR changes · HEAD → working tree"


def test_dir_picks_another_folder(okr: Run, repo: GitRepo) -> None:
    repo.write("other/2024/company.md", COMPANY)
    repo.commit()
    repo.edit("other/2024/company.md", "target: 50", "target: 40")
    assert okr("diff", "HEAD").lines == ["No changes to OKRs (HEAD → working tree)."]
    data = diff_json(okr, "HEAD", "--dir", "other")
    assert flags(data) == [("target-lowered", "2024/company/O2/KR1")]
    assert find(data, "2024/company")["path"] == "other/2024/company.md"


def test_output_is_deterministic_and_written_to_a_file(okr: Run, repo: GitRepo) -> None:
    repo.write("okrs/2024-Q1/social-media.md", SOCIAL)
    repo.write("okrs/2024-Q1/ads.md", SOCIAL.replace("owner: social-media", "owner: ads"))
    repo.edit("okrs/2024/company.md", "target: 50", "target: 60")
    first = okr("diff", "HEAD").out
    assert okr("diff", "HEAD").out == first
    assert okr("diff", "HEAD", "-o", "summary.md").out == ""
    assert (repo.root / "summary.md").read_text(encoding="utf-8") == first
    headings = [line for line in first.splitlines() if line.startswith("#### 202")]
    assert headings == [
        "#### 2024/company · 3C 电子公司 (changed)",
        "#### 2024-Q1/ads · ads (added)",
        "#### 2024-Q1/social-media · social-media (added)",
    ]


def test_json_form(okr: Run, repo: GitRepo) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "target: 20", "target: 30")
    data = diff_json(okr, "HEAD")
    assert list(data) == [
        "version",
        "base",
        "head",
        "empty",
        "files",
        "unreadable",
        "sets",
        "diagnostics",
        "summary",
    ]
    assert data["version"] == 1
    assert data["summary"] == {
        "sets": 1,
        "flags": 0,
        "introduced": 0,
        "fixed": 0,
        "introduced_errors": 0,
    }
    brand = data["sets"][0]
    assert list(brand) == [
        "ref",
        "cycle",
        "owner",
        "name",
        "status",
        "path",
        "old_path",
        "changes",
        "body_changed",
        "score",
        "progress",
        "flags",
        "objectives",
    ]
    kr = find(data, "2024-Q1/brand/O1/KR3")
    assert list(kr) == [
        "id",
        "ref",
        "title",
        "status",
        "kind",
        "unit",
        "changes",
        "flags",
        "value",
        "progress",
        "score",
        "new_checkins",
        "edited_checkins",
        "removed_checkins",
    ]


# Hostile text ------------------------------------------------------------------------------


def test_markdown_escapes_titles_and_never_emits_html(okr: Run, repo: GitRepo) -> None:
    hostile = (
        '"<img src=x onerror=alert(1)> | ![p](http://e/p.png) [l](http://e) `c` *b* '
        '@acme/leads\\nX"'
    )
    repo.edit("okrs/2024-Q1/brand.md", "title: 红人合作 20 次", f"title: {hostile}")
    repo.edit("okrs/2024-Q1/brand.md", "name: 品牌团队", "name: </td><script>x</script>")
    markdown = okr("diff", "HEAD").out
    # Every < is escaped, so no HTML tag can start.
    assert not re.search(r"(?<!\\)<", markdown)
    assert "\\<img src=x onerror=alert(1)\\>" in markdown
    assert "!\\[p\\](http://e/p.png)" in markdown and "\\[l\\](http://e)" in markdown
    assert "\\`c\\` \\*b\\*" in markdown
    assert "@\u200bacme/leads" in markdown and "@acme" not in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| O1/KR3 |"))
    # Four cells: five pipes that are not escaped; the title's pipe and line break are text.
    assert row.replace("\\|", "").count("|") == 5
    assert "\\| " in row and " X |" in row
    assert "#### 2024-Q1/brand · \\</td\\>\\<script\\>x\\</script\\> (changed)" in markdown


# What a reviewer of goals must see -----------------------------------------------------------


def test_checkins_are_counted_as_new_edited_or_removed(okr: Run, repo: GitRepo) -> None:
    path = "okrs/2024-Q1/brand.md"
    repo.edit(
        path,
        "          - {date: 2024-01-05, value: 1200}\n",
        "          - {date: 2024-01-05, value: 1500}\n          - {date: 2024-01-12, value: 2000}\n",
    )
    data = diff_json(okr, "HEAD")
    kr = find(data, "2024-Q1/brand/O1/KR1")
    assert kr["new_checkins"] == [{"date": "2024-01-12", "value": 2000, "note": None}]
    assert kr["edited_checkins"] == [{"date": "2024-01-05", "value": 1500, "note": None}]
    assert kr["removed_checkins"] == []
    assert flags(data) == [("checkins-rewritten", "2024-Q1/brand/O1/KR1")]
    assert "(1,200 → 2,000 粉丝; 1 new check-in; 1 check-in edited) |" in okr("diff", "HEAD").out

    repo.edit(path, "          - {date: 2024-01-05, value: 1500}\n", "")
    kr = find(diff_json(okr, "HEAD"), "2024-Q1/brand/O1/KR1")
    assert kr["removed_checkins"] == [{"date": "2024-01-05", "value": 1200, "note": None}]
    assert kr["edited_checkins"] == []
    markdown = okr("diff", "HEAD", "--lang", "zh").out
    assert "1 次新打卡；" not in markdown  # labels are joined with "; " in every language
    assert "1 次新打卡; 1 次打卡被删除" in markdown


def test_a_committed_objective_made_aspirational_once_the_cycle_began(
    okr: Run, repo: GitRepo
) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "    type: committed\n", "    type: aspirational\n")
    running = diff_json(okr, "HEAD", "--today", "2024-02-01")
    assert flags(running) == [("made-aspirational", "2024-Q1/brand/O1")]
    assert (
        "- **2024-Q1/brand** O1: made aspirational after the cycle began (was committed: its "
        "verdict would be judged against 1.0)"
    ) in okr("diff", "HEAD", "--today", "2024-02-01").lines
    # Before the cycle starts, choosing the type is planning, not escaping a verdict.
    assert flags(diff_json(okr, "HEAD", "--today", "2023-12-20")) == []
    # The other way round (aspirational -> committed) asks more of the team: not flagged.
    repo.commit()
    repo.edit("okrs/2024-Q1/brand.md", "    type: aspirational\n", "    type: committed\n")
    assert flags(diff_json(okr, "HEAD", "--today", "2024-02-01")) == []


def test_a_dropped_key_result_deleted_from_the_file_is_flagged(okr: Run, repo: GitRepo) -> None:
    path = "okrs/2024-Q1/brand.md"
    kr3 = "      - id: KR3\n        title: 红人合作 20 次\n        target: 20\n        weight: 20\n"
    repo.edit(path, kr3, kr3 + "        status: dropped\n        reason: 预算取消\n")
    repo.commit()
    repo.edit(path, kr3 + "        status: dropped\n        reason: 预算取消\n", "")
    assert ("kr-removed", "2024-Q1/brand/O1/KR3") in flags(diff_json(okr, "HEAD"))


def test_manual_scores_are_numbers_and_a_milestone_graded_1_while_not_done_is_flagged(
    okr: Run, repo: GitRepo
) -> None:
    path = "okrs/2024-Q1/brand.md"
    repo.edit(path, "        done: false\n", "        done: false\n        score: 1\n")
    data = diff_json(okr, "HEAD")
    assert flags(data) == [("graded-not-done", "2024-Q1/brand/O2/KR1")]
    markdown = okr("diff", "HEAD").lines
    assert "- **2024-Q1/brand** O2/KR1: graded 1.00 while not done" in markdown
    assert any(
        row.startswith("| O2/KR1 | 完成团队手册 | manual score: nothing → 1.00; ⚠ graded 1.00")
        for row in markdown
    )
    # Half a grade is a number too (not "done"), and nothing to flag.
    repo.edit(path, "        score: 1\n", "        score: 0.5\n")
    assert flags(diff_json(okr, "HEAD")) == []
    assert "| O2/KR1 | 完成团队手册 | 手动评分：无 → 0.50 |" in "\n".join(
        okr("diff", "HEAD", "--lang", "zh").lines
    )
    # Done and graded 1 agree: nothing to flag.
    repo.edit(
        path, "        done: false\n        score: 0.5\n", "        done: true\n        score: 1\n"
    )
    assert flags(diff_json(okr, "HEAD")) == []


def test_percentages_and_scores_round_as_the_site_does() -> None:
    from mkdocs_okr.render.i18n import Labels
    from mkdocs_okr.render.pr_summary import percent, score

    site = Labels("en")
    for value in (0.625, 0.615, 0.725, 0.005, 0.7 - 0.6):
        assert percent(value) == site.percent(value).replace(" ", "")
        assert score(value) == site.score(value)


def test_a_draft_made_final_is_a_change_of_the_set(okr: Run, repo: GitRepo) -> None:
    repo.edit("okrs/2024-Q1/brand.md", "parent: company\n", "parent: company\nstatus: draft\n")
    repo.commit()
    repo.edit("okrs/2024-Q1/brand.md", "status: draft\n", "")
    brand = find(diff_json(okr, "HEAD"), "2024-Q1/brand")
    assert brand["changes"] == [{"field": "status", "old": "draft", "new": "active"}]
    assert (
        "okrs/2024-Q1/brand.md · score 0.03 · status: draft → active" in okr("diff", "HEAD").lines
    )


def test_a_key_result_shows_the_percentage_the_site_shows(okr: Run, repo: GitRepo) -> None:
    from mkdocs_okr.core.organisation import analyse
    from mkdocs_okr.core.settings import Settings
    from mkdocs_okr.render.i18n import Labels

    path = "okrs/2024-Q1/brand.md"
    # Progress 62 %, graded 0.625 by hand: the site's bar shows the grade, 63 %.
    repo.edit(
        path,
        "        target: 20\n",
        "        target: 20\n        current: 12.4\n        score: 0.625\n",
    )
    head = analyse([(path, repo.read(path).encode())], Settings())
    kr = head.sets[0].objectives[0].key_results[2]
    assert Labels("en").percent(kr.score) == "63 %"
    row = next(line for line in okr("diff", "HEAD").lines if line.startswith("| O1/KR3 |"))
    assert row.endswith("| 0% → 63% (0 → 12.4) |"), row
    assert "manual score: nothing → 0.63" in row
    kr_data = find(diff_json(okr, "HEAD"), "2024-Q1/brand/O1/KR3")
    assert kr_data["progress"] == {"old": 0, "new": 0.62}
    assert kr_data["score"] == {"old": 0, "new": 0.625}
