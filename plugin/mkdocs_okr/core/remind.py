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

from . import figures, messages
from .githubtext import inert
from .issueform import SetRef
from .issuelinks import checkin_url
from .model import KeyResult, OkrSet
from .organisation import Organisation
from .rhythm import AT_RISK, BEHIND, expected_progress, is_running, is_stale, pace
from .settings import Settings


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
    found = due(organisation, settings, today)
    if not found:
        return ""
    lines = [_say("title", language, today=today.isoformat()), ""]
    stale = [item.okr_set for item in found if item.stale]
    if stale:
        lines += [_say("stale", language, days=settings.stale_days), ""]
        for okr_set in stale:
            last = okr_set.last_checkin
            when = (
                _say("last", language, date=last.isoformat()) if last else _say("never", language)
            )
            lines.append(f"- {_who(okr_set, repo_url, language)} · {when}")
        lines.append("")
    behind = [item for item in found if item.behind]
    if behind:
        lines += [_say("behind", language), ""]
        for item in behind:
            lines.append(f"- {_who(item.okr_set, repo_url, language)}")
            expected = expected_progress(item.okr_set.cycle, today)
            for kr in item.behind:
                objective = next(o for o in item.okr_set.objectives if kr in o.key_results)
                progress = _say(
                    "progress",
                    language,
                    progress=figures.hundredths(kr.progress),
                    expected=figures.hundredths(expected),
                )
                ref = f"{objective.id}/{kr.id}"
                shown = _say(
                    "key-result", language, ref=ref, title=inert(kr.title), progress=progress
                )
                lines.append(f"    - {shown}")
        lines.append("")
    return "\n".join(lines)


def _who(okr_set: OkrSet, repo_url: str | None, language: str) -> str:
    """`**name** (cycle/owner) @handle · [check in](link)`."""
    text = _say("who", language, name=inert(okr_set.name), ref=okr_set.ref)
    # Handles passed the schema's pattern: letters, digits and '-', so the mention is exact.
    text += "".join(f" @{handle}" for handle in okr_set.github)
    link = checkin_url(repo_url, SetRef(okr_set.cycle.id, okr_set.owner), language=language)
    return text + (f" · [{_say('link', language)}]({link})" if link else "")


def _say(key: str, language: str, /, **values: str | int) -> str:
    """The reminder's text `key` (core/texts/command.py) in `language`."""
    return messages.text(f"okr.remind.{key}", **values).render(language)
