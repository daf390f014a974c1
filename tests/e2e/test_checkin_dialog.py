"""Check in and grade from a set page, in real headless Chromium.

`window.open` is replaced before the page's scripts run, so the test reads the URL the dialog
would open (GitHub's issue form, prefilled) without leaving the loopback server.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, expect

from mkdocs_okr.core.issueform import (
    FIELDS,
    NO_RESPONSE,
    CheckinRequest,
    Form,
    GradeRequest,
    SetRef,
    Status,
    parse_issue,
)
from mkdocs_okr.core.issuelinks import MAX_URL_BYTES, checkin_url, grade_url

from ..build.sitetools import run_mkdocs, write_project
from .browser import serve
from .test_accessibility import BLOCKING, SCHEMES, _describe

pytestmark = pytest.mark.e2e

SET_PAGE = "okr/2026-Q4/social-media/"
ENDED_SET_PAGE = "okr/2026-Q3/social-media/"
REPOSITORY = "https://github.com/example/mkdocs-okr"

RECORD_OPEN = """
window.__opened = [];
window.open = (url, target, features) => { window.__opened.push({url, target, features}); return null; };
"""

ISSUE_DAY = dt.date(2026, 11, 27)


def submitted(form: Form, fields: dict[str, str]) -> CheckinRequest | GradeRequest:
    """What the issue-form parser reads from the issue GitHub would write for `fields` (the
    prefilled values, as a reader submits them unchanged)."""
    labels = [(field, field.labels["zh"]) for field in FIELDS[form]]
    body = "\n\n".join(f"### {label}\n\n{fields.get(f.id) or NO_RESPONSE}" for f, label in labels)
    parsed = parse_issue(form, body, ISSUE_DAY)
    assert parsed.problems == (), parsed.problems
    assert parsed.request is not None
    return parsed.request


def updates_of(fields: dict[str, str]) -> list[tuple[str, float | bool, Status | None, str | None]]:
    """The check-ins an issue prefilled with `fields` asks for: (ref, value, status, note)."""
    request = submitted(Form.CHECKIN, fields)
    assert isinstance(request, CheckinRequest)
    assert str(request.set) == fields["set"]
    return [(u.ref, u.reading.amount, u.status, u.note) for u in request.updates]


def new_page(browser: Browser, scheme: str = "light", javascript: bool = True) -> Page:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=scheme, java_script_enabled=javascript
    )
    context.add_init_script(RECORD_OPEN)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = new_page(browser)
    yield page
    page.context.close()


def open_dialog(page: Page, url: str, button: str) -> Locator:
    """Load the set page at `url`, click `button` and return the dialog it opens."""
    page.goto(url)
    page.get_by_role("link", name=button).click()
    dialog = page.locator("dialog.okr-dialog[open]")
    expect(dialog).to_be_visible()
    return dialog


def opened(page: Page) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = page.evaluate("window.__opened")
    return result


def form_fields(url: str) -> tuple[str, dict[str, str]]:
    """The address without its query, and each query field (each must appear once)."""
    parts = urlsplit(url)
    fields = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert all(len(values) == 1 for values in fields.values()), fields
    return f"{parts.scheme}://{parts.netloc}{parts.path}", {k: v[0] for k, v in fields.items()}


def key_result(dialog: Locator, ref: str) -> Locator:
    return dialog.locator(f"fieldset[data-okr-kr='{ref}']")


def drag(slider: Locator, percent: int) -> None:
    """Move a slider to `percent` with the keyboard: Home, then one step per percent."""
    slider.focus()
    slider.press("Home")
    for _ in range(percent):
        slider.press("ArrowRight")


def test_check_in_by_keyboard_opens_the_prefilled_issue_form(page: Page, example_url: str) -> None:
    page.goto(example_url + SET_PAGE)
    button = page.get_by_role("link", name="更新进度")
    expect(page.get_by_role("link", name="打分与复盘")).to_have_count(0)  # not yet
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="更新进度：社媒运营 小王")
    expect(dialog).to_be_visible()
    kr1 = key_result(dialog, "O1/KR1")
    slider = kr1.get_by_role("slider")
    expect(slider).to_be_focused()  # the first field, ready for the arrow keys
    expect(kr1.get_by_role("spinbutton")).to_have_value("7600")
    drag(slider, 60)
    expect(kr1.get_by_role("spinbutton")).to_have_value("6000")
    expect(slider).to_have_attribute("aria-valuetext", "60 % · 6000 粉丝")
    page.keyboard.press("Tab")
    expect(kr1.get_by_role("spinbutton")).to_be_focused()
    page.keyboard.press("Tab")
    status = kr1.get_by_role("combobox")
    expect(status).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(status).to_have_value("at risk")
    page.keyboard.press("Tab")
    note = kr1.get_by_role("textbox")
    expect(note).to_be_focused()
    page.keyboard.type("受算法调整影响 #2 & 50% <b>")
    page.keyboard.press("Enter")  # submits the form
    expect(dialog.get_by_role("status")).to_have_text("已在新标签页打开议题表单。")
    (call,) = opened(page)
    assert (call["target"], call["features"]) == ("_blank", "noopener")
    address, fields = form_fields(call["url"])
    assert address == f"{REPOSITORY}/issues/new"
    assert fields.keys() == {"template", "title", "set", "updates"}  # no date: the issue's day
    assert (fields["template"], fields["set"]) == ("okr-checkin.yml", "2026-Q4/social-media")
    assert fields["title"] == "OKR 进展 2026-Q4/social-media"
    assert updates_of(fields) == [("O1/KR1", 6000.0, Status.AT_RISK, "受算法调整影响 #2 & 50% <b>")]
    # Escape closes the dialog, and focus is back on the button that opened it.
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()


def test_unchanged_key_results_are_not_sent_and_a_milestone_is_a_checkbox(
    page: Page, example_url: str
) -> None:
    dialog = open_dialog(page, example_url + SET_PAGE, "更新进度")
    dialog.get_by_role("button", name="打开议题表单").click()
    expect(dialog.get_by_role("status")).to_have_text("还没有改动：请先修改数值、状态或备注。")
    assert opened(page) == []
    milestone = key_result(dialog, "O2/KR1").get_by_role("checkbox", name="已完成")
    expect(milestone).to_be_checked()
    milestone.uncheck()
    key_result(dialog, "O1/KR3").get_by_role("spinbutton").fill("520")
    dialog.get_by_role("button", name="打开议题表单").click()
    (call,) = opened(page)
    _address, fields = form_fields(call["url"])
    assert updates_of(fields) == [
        ("O1/KR3", 520.0, None, None),
        ("O2/KR1", False, None, None),
    ]
    # The number box moved the slider: 520 of 300 -> 600 is 73 %.
    expect(key_result(dialog, "O1/KR3").get_by_role("slider")).to_have_value("73")


def test_grading_sends_the_changed_scores_and_the_retrospective(
    page: Page, example_url: str
) -> None:
    dialog = open_dialog(page, example_url + ENDED_SET_PAGE, "打分与复盘")
    expect(dialog).to_have_accessible_name("打分与复盘：社媒运营 小王")
    score = key_result(dialog, "O1/KR1").get_by_role("spinbutton")
    expect(score).to_have_value("0.9")  # the score given in the file
    expect(score).to_have_attribute("step", "0.1")
    score.fill("0.8")
    dialog.get_by_role("textbox", name="复盘").fill("Reels 效果好；互动率没做起来，需要设计支持。")
    dialog.get_by_role("button", name="打开议题表单").click()
    (call,) = opened(page)
    address, fields = form_fields(call["url"])
    assert address == f"{REPOSITORY}/issues/new"
    assert fields == {
        "template": "okr-grade.yml",
        "title": "OKR 评分 2026-Q3/social-media",
        "set": "2026-Q3/social-media",
        "scores": "O1/KR1 = 0.8",
        "retrospective": "Reels 效果好；互动率没做起来，需要设计支持。",
    }
    request = submitted(Form.GRADE, fields)
    assert isinstance(request, GradeRequest)
    assert [(s.ref, s.score) for s in request.scores] == [("O1/KR1", 0.8)]
    assert request.retrospective == fields["retrospective"]


def test_without_javascript_the_buttons_are_links_to_the_issue_form(
    browser: Browser, example_url: str
) -> None:
    page = new_page(browser, javascript=False)
    try:
        page.goto(example_url + ENDED_SET_PAGE)
        checkin = page.get_by_role("link", name="更新进度")
        ended = SetRef("2026-Q3", "social-media")
        expect(checkin).to_have_attribute("href", str(checkin_url(REPOSITORY, ended)))
        expect(page.get_by_role("link", name="打分与复盘")).to_have_attribute(
            "href", str(grade_url(REPOSITORY, ended))
        )
        _address, fields = form_fields(str(checkin.get_attribute("href")))
        assert (fields["template"], fields["set"]) == ("okr-checkin.yml", "2026-Q3/social-media")
        # The references are still there to read; only their copy buttons need a script.
        expect(page.locator(".okr-reference__text").first).to_have_text("2026-Q3/social-media/O1")
        expect(page.get_by_role("button", name=re.compile("复制引用"))).to_have_count(0)
    finally:
        page.context.close()


def test_a_reference_is_copied_by_its_button(browser: Browser, example_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(example_url + SET_PAGE)
        button = page.get_by_role("button", name="复制引用 2026-Q4/social-media/O1/KR1")
        expect(button).to_have_text("复制")
        button.focus()
        page.keyboard.press("Enter")
        expect(page.get_by_role("status").filter(has_text="已复制")).to_have_count(1)
        assert page.evaluate("navigator.clipboard.readText()") == "2026-Q4/social-media/O1/KR1"
    finally:
        context.close()


def axe_violations(page: Page, axe: Path, *selectors: str) -> list[dict[str, Any]]:
    """axe's violations inside the elements `selectors` pick (the rest of the page has its own
    test in test_accessibility.py)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    found: list[dict[str, Any]] = page.evaluate(
        """async (selectors) => (await axe.run(
            {include: selectors.map((s) => [s])}, {resultTypes: ['violations']})).violations""",
        list(selectors),
    )
    return found


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_buttons_references_and_open_dialog_pass_axe(
    browser: Browser, example_url: str, axe_script: Path, scheme: str
) -> None:
    page = new_page(browser, scheme)
    try:
        page.goto(example_url + ENDED_SET_PAGE, wait_until="networkidle")
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        violations = axe_violations(page, axe_script, ".okr-actions", ".okr-reference")
        for kind in ("更新进度", "打分与复盘"):
            page.get_by_role("link", name=kind).click()
            dialog = page.locator("dialog.okr-dialog[open]")
            expect(dialog).to_be_visible()
            dialog.get_by_role("button", name="打开议题表单").click()
            expect(dialog.get_by_role("status")).to_be_visible()  # "nothing changed" shown too
            violations += axe_violations(page, axe_script, "dialog.okr-dialog[open]")
            page.keyboard.press("Escape")
    finally:
        page.context.close()
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe on the dialog ({scheme}):\n{_describe(blocking)}"


# A set of 5 objectives x 5 key results, with a falling metric and a milestone in it.
def big_set(cycle: str = "2024-Q1") -> str:
    lines = ["---", f"cycle: {cycle}", "owner: growth", "level: company", "objectives:"]
    for o in range(1, 6):
        lines += [f"  - id: O{o}", f"    title: 目标 {o}", "    key_results:"]
        for k in range(1, 6):
            lines += [f"      - id: KR{k}", f"        title: 关键结果 {o}.{k}"]
            if (o, k) == (5, 5):
                lines.append("        done: false")
            elif (o, k) == (5, 4):
                lines += ["        start: 12", "        target: 8"]  # a cost that should fall
            else:
                lines.append("        target: 10000")
    return "\n".join([*lines, "---", ""])


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = write_project(
        tmp_path_factory.mktemp("big-set"),
        {"2024-Q1/growth.md": big_set()},
        extra=f"repo_url: {REPOSITORY}\n",
    )
    config = project / "mkdocs.yml"  # a Chinese site, like the example
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  name: material\n", "  name: material\n  language: zh\n"), "utf-8"
    )
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


NOTE = "本周黑五活动带来大量新粉丝，评论区互动明显提升"  # 23 Chinese characters


def test_twenty_five_check_ins_with_chinese_notes_fit_in_a_link(page: Page, big_site: str) -> None:
    dialog = open_dialog(page, big_site + "okr/2024-Q1/growth/", "更新进度")
    boxes = dialog.locator("fieldset[data-okr-kr]")
    expect(boxes).to_have_count(25)
    for index in range(25):
        box = boxes.nth(index)
        if index == 23:
            drag(box.get_by_role("slider"), 60)
        elif index == 24:
            box.get_by_role("checkbox").check()
        else:
            box.get_by_role("spinbutton").fill(str(1000 + index))
        box.get_by_role("combobox").select_option("at risk")
        box.get_by_role("textbox").fill(NOTE)
    dialog.get_by_role("button", name="打开议题表单").click()
    (call,) = opened(page)
    assert len(call["url"].encode()) < MAX_URL_BYTES
    _address, fields = form_fields(call["url"])
    updates = updates_of(fields)
    assert len(updates) == 25
    assert updates[23] == ("O5/KR4", 9.6, Status.AT_RISK, NOTE)  # 60 % of the way from 12 to 8
    assert updates[24] == ("O5/KR5", True, Status.AT_RISK, NOTE)
    assert all(status is Status.AT_RISK and note == NOTE for _ref, _v, status, note in updates)


def test_a_link_too_long_for_github_is_refused_with_a_reason(page: Page, big_site: str) -> None:
    dialog = open_dialog(page, big_site + "okr/2024-Q1/growth/", "更新进度")
    notes = dialog.locator("fieldset[data-okr-kr]").get_by_role("textbox")
    for index in range(25):
        notes.nth(index).fill(NOTE * 3)
    dialog.get_by_role("button", name="打开议题表单").click()
    expect(dialog.get_by_role("status")).to_contain_text("内容太长")
    assert opened(page) == []


FALLING = """---
cycle: 2024-Q1
owner: support
level: team
parent: company
objectives:
  - id: O1
    title: 让客户更快得到答复
    key_results:
      - id: KR1
        title: 平均首次响应时间从 12 小时降到 8 小时
        start: 12
        target: 8
        unit: 小时
        checkins:
          - {date: 2024-01-10, value: 11}
      - id: KR2
        title: 上线自助问答
        done: false
---
"""


@pytest.fixture(scope="module")
def intranet_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = write_project(
        tmp_path_factory.mktemp("intranet"),
        {"2024-Q1/support.md": FALLING},
        extra="repo_url: https://git.intranet.example.cn/marketing/okrs\nedit_uri: -/edit/main/docs/\n",
    )
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


def test_without_github_the_dialog_shows_the_lines_to_add_and_the_edit_link(
    page: Page, intranet_site: str
) -> None:
    page.goto(intranet_site + "okr/2024-Q1/support/")
    edit = "https://git.intranet.example.cn/marketing/okrs/-/edit/main/okrs/2024-Q1/support.md"
    button = page.get_by_role("link", name="Check in")
    expect(button).to_have_attribute("href", edit)
    button.click()
    dialog = page.get_by_role("dialog", name="Check in: support")
    date = dialog.locator("input[type=date]")
    date.fill("2024-02-09")
    kr1 = key_result(dialog, "O1/KR1")
    drag(kr1.get_by_role("slider"), 53)  # 12 - 0.53 * 4 is 9.879999999999999 in floats
    expect(kr1.get_by_role("spinbutton")).to_have_value("9.88")
    kr1.get_by_role("combobox").select_option("off track")
    kr1.get_by_role("textbox").fill('客服 "排班" 调整: {a}, [b] #1')
    key_result(dialog, "O1/KR2").get_by_role("checkbox").check()
    dialog.get_by_role("button", name="Show the lines to add").click()
    lines = dialog.locator(".okr-dialog__lines").inner_text()
    expect(dialog.get_by_role("link", name="Edit the OKR file")).to_have_attribute("href", edit)
    assert opened(page) == []
    assert lines.splitlines() == [
        "# O1/KR1 checkins:",
        '- {date: 2024-02-09, value: 9.88, note: "[off track] 客服 \\"排班\\" 调整: {a}, [b] #1"}',
        "# O1/KR2",
        "checkins:",
        "  - {date: 2024-02-09, value: true}",
    ]
    # The lines are YAML that means what the reader entered.
    assert yaml.safe_load(lines.splitlines()[1]) == [
        {
            "date": dt.date(2024, 2, 9),
            "value": 9.88,
            "note": '[off track] 客服 "排班" 调整: {a}, [b] #1',
        }
    ]
