"""The facts a set page needs to check in and grade from the browser, prepared for the template
and for the page's script (`templates/okr/okr-checkin.js`).

The site stays static: the script builds a prefilled link to the repository's issue form
(`okr-checkin.yml` / `okr-grade.yml`) and opens it in a new tab; a workflow turns the issue
into a pull request. Without JavaScript the buttons are plain links to the same forms with the
set filled in. Where the repository is not on GitHub there is no issue form to open: the dialog
shows the YAML lines to add to the OKR file and the file's edit link instead.

Pure: no MkDocs, no I/O beyond reading the package's own script and stylesheet.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from markupsafe import Markup

from ..core import issuelinks
from ..core.figures import hundredths
from ..core.issueform import SetRef
from ..core.model import KeyResult, OkrSet

SCRIPT = "okr-checkin.js"
STYLESHEET = "okr-checkin.css"
GRADING_WINDOW = dt.timedelta(days=14)
"""Grading opens this long before a cycle's last day (and stays open once the cycle ended)."""

# Kept here rather than in render/i18n.py while the renderer is being restructured; the lead
# may move them into the one catalogue. Status words are those of the issue-form grammar.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "checkin": "Check in",
        "grade": "Grade and review",
        "copy": "Copy",
        "copy_reference": "Copy the reference {ref}",
        "copied": "Copied",
        "copy_failed": "Selected: press Ctrl+C to copy",
        "reference": "Reference",
        "checkin_title": "Check in: {name}",
        "grade_title": "Grade and review: {name}",
        "checkin_intro": "Drag the bar or type the new value of each key result that moved. "
        "Only the key results you change are sent.",
        "grade_intro": "Score each key result from 0 to 1 (0.7 is a good result for an "
        "aspirational goal) and write what you learned.",
        "github_note": "Submit opens GitHub's issue form in a new tab, filled in; "
        "a pull request with your changes follows.",
        "lines_note": "Add these lines to the OKR file, then save it as a pull request:",
        "date": "Date",
        "value": "Value",
        "progress": "Progress",
        "done": "Done",
        "status": "Status",
        "status_none": "(no status)",
        "on track": "on track",
        "at risk": "at risk",
        "off track": "off track",
        "note": "Note",
        "score": "Score (0-1)",
        "retrospective": "Retrospective",
        "retrospective_hint": "What worked, what did not and why, what support is needed, "
        "lessons for the next cycle.",
        "submit_github": "Open the issue form",
        "submit_lines": "Show the lines to add",
        "close": "Close",
        "copy_lines": "Copy the lines",
        "edit_file": "Edit the OKR file",
        "file": "File",
        "nothing": "Nothing changed yet: change a value, a status or a note first.",
        "too_long": "Too long for a link ({size} KB of at most 8 KB): shorten the notes.",
        "opened": "The issue form opened in a new tab.",
        "fallback": "If no new tab opened, open this link:",
        "milestone_done": "done",
        "milestone_not_done": "not done",
    },
    "zh": {
        "checkin": "更新进度",
        "grade": "打分与复盘",
        "copy": "复制",
        "copy_reference": "复制引用 {ref}",
        "copied": "已复制",
        "copy_failed": "已选中，请按 Ctrl+C 复制",
        "reference": "引用",
        "checkin_title": "更新进度：{name}",
        "grade_title": "打分与复盘：{name}",
        "checkin_intro": "拖动进度条或输入新数值，只会提交你改动过的关键结果。",
        "grade_intro": "为每个关键结果打 0 到 1 分（挑战型目标 0.7 已经很好），并写下复盘。",
        "github_note": "提交后会在新标签页打开已填好的 GitHub 议题表单，随后自动生成合并请求。",
        "lines_note": "把下面几行加到 OKR 文件中，然后以合并请求的方式保存：",
        "date": "日期",
        "value": "数值",
        "progress": "进度",
        "done": "已完成",
        "status": "状态",
        "status_none": "（不填）",
        "on track": "正常",
        "at risk": "有风险",
        "off track": "已延期",
        "note": "备注",
        "score": "得分（0-1）",
        "retrospective": "复盘",
        "retrospective_hint": "哪些做得好，哪些没做好、为什么，需要什么支持，下个周期的经验。",
        "submit_github": "打开议题表单",
        "submit_lines": "显示要添加的内容",
        "close": "关闭",
        "copy_lines": "复制这些行",
        "edit_file": "编辑 OKR 文件",
        "file": "文件",
        "nothing": "还没有改动：请先修改数值、状态或备注。",
        "too_long": "内容太长，无法放进链接（{size} KB，上限 8 KB）：请缩短备注。",
        "opened": "已在新标签页打开议题表单。",
        "fallback": "如果没有打开新标签页，请打开这个链接：",
        "milestone_done": "完成",
        "milestone_not_done": "未完成",
    },
}


@dataclass(frozen=True)
class CheckinDialog:
    """What a set page shows to check in and grade: the references with their copy buttons,
    the two buttons, and the facts the script reads (already escaped for a script element)."""

    set_ref: str
    references: dict[str, str]
    """`O1` and `O1/KR1` -> the full reference `2026-Q4/social-media/O1/KR1`."""
    labels: dict[str, str]
    can_check_in: bool
    can_grade: bool
    checkin_href: str | None
    """The no-script target of the check-in button: the issue form, else the edit link."""
    grade_href: str | None
    facts_json: Markup


def grading_opens(okr_set: OkrSet) -> dt.date:
    return okr_set.cycle.end - GRADING_WINDOW


def can_grade(okr_set: OkrSet, today: dt.date) -> bool:
    """Grading is offered from GRADING_WINDOW before the cycle's last day on, and after it."""
    return today >= grading_opens(okr_set)


def can_check_in(okr_set: OkrSet, today: dt.date) -> bool:
    """A check-in is dated inside the cycle: offered once the cycle has started."""
    return today >= okr_set.cycle.start


def script_json(data: Any) -> Markup:
    """`data` as JSON safe inside `<script type="application/json">`: `<`, `>` and `&` are
    written as \\u escapes, so no contributed text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # U+2028/2029 are valid in JSON and in modern JavaScript, but some tools still choke on them.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def tenths(value: float) -> float:
    """The score box's default: a score as shown (hundredths, core.figures) rounded half up to
    one decimal, the step of a grade: 0.76 -> 0.8, 0.75 -> 0.8, 0.74 -> 0.7."""
    return (hundredths(value) + 5) // 10 / 10


def labels_of(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def _key_result_facts(okr_set: OkrSet, objective_id: str, kr: KeyResult) -> dict[str, Any]:
    current = kr.current
    facts: dict[str, Any] = {
        "id": f"{objective_id}/{kr.id}",
        "ref": f"{okr_set.ref}/{objective_id}/{kr.id}",
        "title": kr.title,
        "kind": kr.kind,
        "score": tenths(kr.score),
        "scored": kr.score_given,
        "checkins": len(kr.checkins),
    }
    if kr.kind == "numeric":
        facts.update(
            start=kr.start,
            target=kr.target,
            unit=kr.unit or "",
            current=current if isinstance(current, (int, float)) else kr.start,
        )
    elif kr.kind == "milestone":
        facts["done"] = kr.done
    return facts


def dialog_facts(
    okr_set: OkrSet,
    today: dt.date,
    language: str,
    repo_url: str | None,
    edit_url: str | None,
) -> CheckinDialog:
    """Everything the set page and its script need to check in and grade `okr_set`.

    `edit_url` is the link that edits the set's file (None without one)."""
    labels = labels_of(language)
    language = language if language in LABELS else "en"
    # The issue forms with only the set filled in (the script appends the other fields);
    # None when the repository is not on GitHub.
    set_ref = SetRef(okr_set.cycle.id, okr_set.owner)
    checkin_link = issuelinks.checkin_url(repo_url, set_ref, language=language)
    grade_link = issuelinks.grade_url(repo_url, set_ref, language=language)
    checking_in, grading = can_check_in(okr_set, today), can_grade(okr_set, today)
    references: dict[str, str] = {}
    objectives = []
    for objective in okr_set.objectives:
        references[objective.id] = f"{okr_set.ref}/{objective.id}"
        key_results = []
        for kr in objective.key_results:
            references[f"{objective.id}/{kr.id}"] = f"{okr_set.ref}/{objective.id}/{kr.id}"
            if not kr.dropped:  # a dropped key result is neither checked in nor scored
                key_results.append(_key_result_facts(okr_set, objective.id, kr))
        if key_results:
            objectives.append(
                {"id": objective.id, "title": objective.title, "key_results": key_results}
            )
    facts = {
        "set": okr_set.ref,
        "name": okr_set.name,
        "file": okr_set.path,
        "language": language,
        "cycle": {"start": okr_set.cycle.start.isoformat(), "end": okr_set.cycle.end.isoformat()},
        "github": checkin_link is not None,
        "max_url_bytes": issuelinks.MAX_URL_BYTES,
        "checkin_url": checkin_link if checking_in else None,
        "grade_url": grade_link if grading else None,
        "edit_url": edit_url,
        "checkin": checking_in,
        "grade": grading,
        "labels": labels,
        "objectives": objectives,
    }
    return CheckinDialog(
        set_ref=okr_set.ref,
        references=references,
        labels=labels,
        can_check_in=checking_in,
        can_grade=grading,
        checkin_href=(checkin_link or edit_url) if checking_in else None,
        grade_href=(grade_link or edit_url) if grading else None,
        facts_json=script_json(facts),
    )


def _asset(name: str) -> str:
    return (resources.files("mkdocs_okr") / "templates" / "okr" / name).read_text("utf-8")


def script() -> str:
    """The set page's script: copy buttons and the check-in and grading dialog."""
    return _asset(SCRIPT)


def stylesheet() -> str:
    """The styles of the references, their copy buttons and the dialog."""
    return _asset(STYLESHEET)
