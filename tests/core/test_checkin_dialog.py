"""The facts a set page prepares to check in and grade from the browser (no browser here)."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_okr.core import Settings, analyse
from mkdocs_okr.core.issueform import SetRef
from mkdocs_okr.core.issuelinks import checkin_url, grade_url
from mkdocs_okr.core.model import OkrSet
from mkdocs_okr.publish import render_folder
from mkdocs_okr.render import RenderOptions, render_pages
from mkdocs_okr.render.checkin_dialog import (
    CheckinDialog,
    dialog_facts,
    script,
    script_json,
    tenths,
)

REPO = "https://github.com/example/okrs"
EDIT = "https://git.example.cn/okrs/-/edit/main/okrs/"
HOSTILE = '</script><script>alert(1)</script><!-- & "quoted" \u2028'

SET = """---
cycle: 2026-Q4
owner: social-media
name: 社媒运营 小王
level: individual
parent: brand
objectives:
  - id: O1
    title: 通过短视频提升品牌影响力
    key_results:
      - id: KR1
        title: 增长 10000 个粉丝
        target: 10000
        checkins:
          - {date: 2026-10-02, value: 7600}
      - id: KR2
        title: 把每单成本从 12 降到 8
        start: 12
        target: 8
        current: 10
        score: 0.65
      - id: KR3
        title: 开设 Threads 账号
        target: 3000
        status: dropped
        reason: 暂停
  - id: O2
    title: 个人成长
    key_results:
      - id: KR1
        title: 输出一套 SOP
        done: false
      - id: KR2
        title: 学会剪辑
---
"""


def load_set(text: str = SET) -> OkrSet:
    organisation = analyse([("2026-Q4/social-media.md", text.encode())], Settings())
    (okr_set,) = organisation.sets
    return okr_set


def facts(
    today: dt.date = dt.date(2026, 11, 26),
    repo_url: str | None = REPO,
    edit_url: str | None = None,
    okr_set: OkrSet | None = None,
) -> CheckinDialog:
    return dialog_facts(okr_set or load_set(), today, "zh", repo_url, edit_url)


def script_data(dialog: CheckinDialog) -> dict[str, object]:
    data = json.loads(str(dialog.facts_json))
    assert isinstance(data, dict)
    return data


def test_every_objective_and_key_result_has_its_full_reference() -> None:
    assert facts().references == {
        "O1": "2026-Q4/social-media/O1",
        "O1/KR1": "2026-Q4/social-media/O1/KR1",
        "O1/KR2": "2026-Q4/social-media/O1/KR2",
        "O1/KR3": "2026-Q4/social-media/O1/KR3",  # dropped, but still shown and linkable
        "O2": "2026-Q4/social-media/O2",
        "O2/KR1": "2026-Q4/social-media/O2/KR1",
        "O2/KR2": "2026-Q4/social-media/O2/KR2",
    }


@pytest.mark.parametrize(
    ("today", "check_in", "grade"),
    [
        (dt.date(2026, 9, 30), False, False),  # before the cycle: nothing to date a check-in on
        (dt.date(2026, 10, 1), True, False),
        (dt.date(2026, 12, 16), True, False),  # 15 days before the last day
        (dt.date(2026, 12, 17), True, True),  # the last day (Dec 31) minus 14 days
        (dt.date(2026, 12, 31), True, True),
        (dt.date(2027, 2, 1), True, True),  # ended: still graded afterwards
    ],
)
def test_which_buttons_show_when(today: dt.date, check_in: bool, grade: bool) -> None:
    dialog = facts(today)
    assert (dialog.can_check_in, dialog.can_grade) == (check_in, grade)
    assert (dialog.checkin_href is not None, dialog.grade_href is not None) == (check_in, grade)
    data = script_data(dialog)
    assert (data["checkin"], data["grade"]) == (check_in, grade)


def test_on_github_the_buttons_link_to_the_issue_forms_with_the_set_filled_in() -> None:
    dialog = facts(dt.date(2026, 12, 20), edit_url=EDIT + "2026-Q4/social-media.md")
    # The shared link builder's links, with nothing but the set (and the title) filled in.
    checkin = checkin_url(REPO, SetRef("2026-Q4", "social-media"), language="zh")
    grade = grade_url(REPO, SetRef("2026-Q4", "social-media"), language="zh")
    assert checkin == (
        f"{REPO}/issues/new?template=okr-checkin.yml"
        "&title=OKR%20%E8%BF%9B%E5%B1%95%202026-Q4%2Fsocial-media&set=2026-Q4%2Fsocial-media"
    )
    assert (dialog.checkin_href, dialog.grade_href) == (checkin, grade)
    data = script_data(dialog)
    assert data["github"] is True
    assert (data["checkin_url"], data["grade_url"]) == (checkin, grade)


@pytest.mark.parametrize(
    ("repo_url", "repository"),
    [
        ("https://github.com/example/okrs", "https://github.com/example/okrs"),
        ("https://github.com/example/okrs/", "https://github.com/example/okrs"),
        ("https://github.com/example/okrs.git", "https://github.com/example/okrs"),
        ("http://www.github.com/Example-Org/my.okrs", "https://github.com/Example-Org/my.okrs"),
        ("https://gitlab.com/example/okrs", None),
        ("https://gitee.com/example/okrs", None),
        ("https://git.intranet.example.cn/marketing/okrs", None),
        ("https://github.com/example", None),  # an organisation, not a repository
        ("https://github.com/example/okrs/tree/main", None),
        ("https://github.com.evil.example/example/okrs", None),
        ("https://notgithub.com/example/okrs", None),
        ("https://github.com@evil.example/example/okrs", None),
        ("https://evil.example/github.com/example/okrs", None),
        ("javascript:alert(1)//github.com/a/b", None),
        ("https://github.com/example/okrs?x=<script>", None),
        ("", None),
        (None, None),
    ],
)
def test_only_a_repository_on_github_has_issue_forms(
    repo_url: str | None, repository: str | None
) -> None:
    data = script_data(facts(repo_url=repo_url))
    assert data["github"] is (repository is not None)
    link = data["checkin_url"]
    assert (link.split("/issues/new?")[0] if isinstance(link, str) else None) == repository


def test_elsewhere_the_buttons_fall_back_to_the_edit_link() -> None:
    edit = EDIT + "2026-Q4/social-media.md"
    dialog = facts(dt.date(2026, 12, 20), repo_url="https://gitee.com/example/okrs", edit_url=edit)
    assert (dialog.checkin_href, dialog.grade_href) == (edit, edit)
    data = script_data(dialog)
    assert data["github"] is False
    assert (data["checkin_url"], data["grade_url"]) == (None, None)
    assert (data["edit_url"], data["file"]) == (edit, "2026-Q4/social-media.md")


def test_without_a_repository_there_is_no_link_for_a_button_to_lead_to() -> None:
    dialog = facts(dt.date(2026, 12, 20), repo_url=None, edit_url=None)
    assert (dialog.checkin_href, dialog.grade_href) == (None, None)
    assert (dialog.can_check_in, dialog.can_grade) == (True, True)  # the script still offers them


def test_the_script_gets_each_active_key_result_with_what_its_fields_start_from() -> None:
    data = script_data(facts())
    objectives = data["objectives"]
    assert isinstance(objectives, list)
    key_results = {kr["id"]: kr for objective in objectives for kr in objective["key_results"]}
    assert set(key_results) == {"O1/KR1", "O1/KR2", "O2/KR1", "O2/KR2"}  # KR3 is dropped
    assert key_results["O1/KR1"] == {
        "id": "O1/KR1",
        "ref": "2026-Q4/social-media/O1/KR1",
        "title": "增长 10000 个粉丝",
        "kind": "numeric",
        "score": 0.8,  # progress 0.76 to one decimal
        "scored": None,
        "checkins": 1,
        "start": 0,
        "target": 10000,
        "unit": "",
        "current": 7600,
    }
    # A metric that should fall: start above target, and a score given by hand.
    falling = key_results["O1/KR2"]
    assert (falling["start"], falling["target"], falling["current"]) == (12, 8, 10)
    assert (falling["score"], falling["scored"]) == (0.7, 0.65)
    assert key_results["O2/KR1"]["kind"] == "milestone"
    assert key_results["O2/KR1"]["done"] is False
    assert key_results["O2/KR2"]["kind"] == "unmeasured"  # graded, never checked in
    assert "start" not in key_results["O2/KR2"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.76, 0.8), (0.75, 0.8), (0.74, 0.7), (0.745, 0.8), (0.05, 0.1), (0.0, 0.0), (1.0, 1.0)],
)
def test_the_default_score_is_the_progress_as_shown_to_one_decimal(
    value: float, expected: float
) -> None:
    assert tenths(value) == expected


def test_contributed_text_cannot_close_the_facts_script() -> None:
    text = str(script_json({"title": HOSTILE}))
    assert not re.search(r"[<>&\u2028]", text)
    assert json.loads(text) == {"title": HOSTILE}


class _Scripts(HTMLParser):
    """The script elements of a page, as a browser would split them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._open: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._open = dict(attrs)
            self.scripts.append((self._open, ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = None


def test_a_set_page_holds_the_facts_as_one_inert_json_script() -> None:
    hostile = SET.replace("社媒运营 小王", json.dumps(HOSTILE)).replace(
        "增长 10000 个粉丝", json.dumps(HOSTILE)
    )
    organisation = analyse([("2026-Q4/social-media.md", hostile.encode())], Settings())
    options = RenderOptions(today=dt.date(2026, 11, 26), language="zh", repo_url=REPO)
    page = next(
        p for p in render_pages(organisation, options) if p.path.endswith("social-media/index.md")
    )
    parser = _Scripts()
    parser.feed(page.markdown)
    assert [attrs for attrs, _text in parser.scripts] == [
        {"type": "application/json", "id": "okr-checkin-facts"}
    ]
    data = json.loads(parser.scripts[0][1])
    assert data["name"] == HOSTILE
    assert data["objectives"][0]["key_results"][0]["title"] == HOSTILE
    # The references and the no-script link are on the page too.
    assert '<code class="okr-reference__text">2026-Q4/social-media/O1/KR1</code>' in page.markdown
    link = checkin_url(REPO, SetRef("2026-Q4", "social-media"), language="zh") or ""
    assert f'href="{link.replace("&", "&amp;")}"' in page.markdown


def test_okr_render_writes_the_script_beside_the_stylesheet(tmp_path: Path) -> None:
    organisation = analyse([("2026-Q4/social-media.md", SET.encode())], Settings())
    options = RenderOptions(today=dt.date(2026, 11, 26), language="zh", repo_url=REPO)
    render_folder(organisation, options, tmp_path)
    assert (tmp_path / "okr-checkin.js").read_text(encoding="utf-8") == script()
    assert ".okr-dialog" in (tmp_path / "okr.css").read_text(encoding="utf-8")
