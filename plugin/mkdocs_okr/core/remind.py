"""`okr remind`: the weekly reminder, as the Markdown of one GitHub issue.

Who is due, in the running cycles: each OKR set (not a draft) with no check-in for more than `stale_days`
(core/rhythm.py's rule, the one the site's "stale" uses), and each key result behind or at risk
against the share of the cycle elapsed; each with a prefilled check-in link
(core/issuelinks.py) and the owners' GitHub handles (`github:` in the set) to @mention. Empty
when nobody is due: the workflow then closes the reminder issue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import figures
from .githubtext import inert
from .issueform import SetRef
from .issuelinks import checkin_url
from .model import KeyResult, OkrSet
from .organisation import Organisation
from .rhythm import AT_RISK, BEHIND, expected_progress, is_running, is_stale, pace
from .settings import Settings

TEXTS = {
    "zh": {
        "title": "## OKR 进展提醒（{today}）",
        "stale": "超过 {days} 天没有更新进展的 OKR 集：",
        "behind": "落后于进度的关键结果：",
        "last": "最近一次更新 {date}",
        "never": "还没有更新过",
        "progress": "进度 {progress}%，按时间应到 {expected}%",
        "link": "填写本周进展",
        "who": "**{name}**（{ref}）",
        "key_result": "{ref} {title}：{progress}",
    },
    "en": {
        "title": "## OKR check-in reminder ({today})",
        "stale": "OKR sets with no check-in for more than {days} days:",
        "behind": "Key results behind the cycle's pace:",
        "last": "last check-in {date}",
        "never": "no check-in yet",
        "progress": "progress {progress}%, {expected}% expected by now",
        "link": "check in",
        "who": "**{name}** ({ref})",
        "key_result": "{ref} {title}: {progress}",
    },
}


@dataclass(frozen=True)
class Due:
    okr_set: OkrSet
    stale: bool
    behind: list[KeyResult]


def due(organisation: Organisation, settings: Settings, today: dt.date) -> list[Due]:
    """The sets of running cycles that are stale or have key results behind, in path order."""
    found = []
    for okr_set in sorted(organisation.sets, key=lambda s: s.path):
        if okr_set.draft or not is_running(okr_set.cycle, today):
            continue  # a draft awaits its review, not its check-ins
        expected = expected_progress(okr_set.cycle, today)
        behind = [
            kr
            for objective in okr_set.objectives
            for kr in objective.key_results
            if not kr.dropped
            and kr.kind != "unmeasured"
            and pace(kr.progress, expected, settings) in (BEHIND, AT_RISK)
        ]
        stale = is_stale(okr_set, today, settings)
        if stale or behind:
            found.append(Due(okr_set, stale, behind))
    return found


def reminder(
    organisation: Organisation,
    settings: Settings,
    today: dt.date,
    language: str,
    repo_url: str | None,
) -> str:
    """The reminder's Markdown, or "" when nobody is due."""
    language = language if language in TEXTS else "en"
    texts = TEXTS[language]
    found = due(organisation, settings, today)
    if not found:
        return ""
    lines = [texts["title"].format(today=today.isoformat()), ""]
    stale = [item.okr_set for item in found if item.stale]
    if stale:
        lines += [texts["stale"].format(days=settings.stale_days), ""]
        for okr_set in stale:
            last = okr_set.last_checkin
            when = texts["last"].format(date=last.isoformat()) if last else texts["never"]
            lines.append(f"- {_who(okr_set, repo_url, language)} · {when}")
        lines.append("")
    behind = [item for item in found if item.behind]
    if behind:
        lines += [texts["behind"], ""]
        for item in behind:
            lines.append(f"- {_who(item.okr_set, repo_url, language)}")
            expected = expected_progress(item.okr_set.cycle, today)
            for kr in item.behind:
                objective = next(o for o in item.okr_set.objectives if kr in o.key_results)
                progress = texts["progress"].format(
                    progress=figures.hundredths(kr.progress),
                    expected=figures.hundredths(expected),
                )
                ref = f"{objective.id}/{kr.id}"
                shown = texts["key_result"].format(
                    ref=ref, title=inert(kr.title), progress=progress
                )
                lines.append(f"    - {shown}")
        lines.append("")
    return "\n".join(lines)


def _who(okr_set: OkrSet, repo_url: str | None, language: str) -> str:
    """`**name** (cycle/owner) @handle · [check in](link)`."""
    text = TEXTS[language]["who"].format(name=inert(okr_set.name), ref=okr_set.ref)
    # Handles passed the schema's pattern: letters, digits and '-', so the mention is exact.
    text += "".join(f" @{handle}" for handle in okr_set.github)
    link = checkin_url(repo_url, SetRef(okr_set.cycle.id, okr_set.owner), language=language)
    return text + (f" · [{TEXTS[language]['link']}]({link})" if link else "")
