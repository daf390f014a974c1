"""`okr apply-issue`: an issue written with an OKR form, applied to the OKR files.

The workflow `.github/workflows/okr-from-issue.yml` runs it on the `issues` event (see
docs/issue-forms.md): the form is found by label, the author must be the repository's owner, a
member or a collaborator, the body is read by `core/issueform.py`, and the check-ins or grades
go through the very code of `okr checkin` and `okr score`; a grade form's retrospective becomes
the set's retrospective section (`core/retrospective.py`). The result must pass `okr check`
as the files did, or nothing is written. The answer on the issue is Markdown in the site's
language, in which the issue's text can neither mention anyone nor carry HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .core import messages
from .core.checkin import CheckinRequest, EditResult, add_checkins
from .core.diagnostics import Diagnostic, Severity, make
from .core.frontmatter import front_matter_end
from .core.githubtext import inert as safe
from .core.grade import ScoreRequest, set_scores
from .core.issueform import (
    CheckinRequest as IssueCheckin,
)
from .core.issueform import (
    GradeRequest,
    ParsedIssue,
    Problem,
    form_for_labels,
    format_reading,
    parse_issue,
)
from .core.organisation import Organisation
from .core.retrospective import with_retrospective
from .core.settings import Settings

MEMBERS = ("OWNER", "MEMBER", "COLLABORATOR")  # author_association values served


class EventError(ValueError):
    """The event file is not an `issues` event (a usage error, not a refusal)."""


@dataclass(frozen=True)
class Issue:
    """What `okr apply-issue` reads of the `issues` event payload."""

    number: int
    labels: tuple[str, ...]
    body: str
    author_association: str
    opened: dt.date  # the day of created_at, in UTC

    @classmethod
    def from_event(cls, event: Any) -> Issue:
        issue = event.get("issue") if isinstance(event, dict) else None
        if not isinstance(issue, dict):
            raise EventError("the event has no `issue`: is it an `issues` event?")
        try:
            created = dt.datetime.fromisoformat(str(issue["created_at"]).replace("Z", "+00:00"))
            labels = tuple(str(label["name"]) for label in issue.get("labels") or [])
            return cls(
                int(issue["number"]),
                labels,
                str(issue.get("body") or ""),
                str(issue.get("author_association") or ""),
                created.astimezone(dt.timezone.utc).date(),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise EventError(
                f"the issue in the event lacks a field or is malformed: {error}"
            ) from error


@dataclass
class Outcome:
    """The files to write (path in the OKR folder, text) or why not, and what was recorded."""

    files: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Diagnostic | Problem] = field(default_factory=list)
    recorded: list[str] = field(default_factory=list)  # lines of the answer, as Markdown


def apply_issue(
    issue: Issue,
    organisation: Organisation,
    text_of: Callable[[str], str],
    settings: Settings,
    language: str,
) -> Outcome:
    """The edits the issue asks for, or its refusals (`text_of(path)`: an OKR file's text)."""
    form = form_for_labels(issue.labels)
    if form is None:
        return Outcome(problems=[_refusal("apply-no-form")])
    if issue.author_association not in MEMBERS:
        association = issue.author_association or "NONE"
        return Outcome(problems=[_refusal("apply-not-member", association=association)])
    parsed: ParsedIssue = parse_issue(form, issue.body, issue.opened)
    if parsed.request is None:
        return Outcome(problems=list(parsed.problems))
    request = parsed.request
    okr_set = organisation.get(request.set.cycle, request.set.owner)
    if okr_set is None:
        return Outcome(problems=[_refusal("apply-unknown-set", set=str(request.set))])
    path = okr_set.path
    if any(d.path == path and d.severity is Severity.ERROR for d in organisation.diagnostics):
        return Outcome(problems=[_refusal("apply-broken-set", set=str(request.set), path=path)])
    text = text_of(path)
    if isinstance(request, IssueCheckin):
        checkins = [
            CheckinRequest(
                update.objective,
                update.key_result,
                format_reading(update.reading, "en"),
                update.status.value if update.status else None,
                update.note,
            )
            for update in request.updates
        ]
        result = add_checkins(text, path, settings, checkins, request.date)
        recorded = [
            f"- {safe(update.ref)}: {safe(format_reading(update.reading, language))}"
            + (
                f" · {safe(_say(f'status.{update.status.value}', language))}"
                if update.status
                else ""
            )
            + (f" · {safe(update.note)}" if update.note else "")
            for update in request.updates
        ]
    else:
        result = _grade(text, path, settings, request, language)
        recorded = [f"- {safe(score.ref)}: {score.score:g}" for score in request.scores]
        if request.retrospective:
            recorded.append(_say("retrospective", language))
    if result.text is None:
        return Outcome(problems=list(result.problems))
    heading = _say("recorded", language, set=safe(str(request.set)), date=str(request.date))
    return Outcome([(path, result.text)], [], [heading, "", *recorded])


def _grade(
    text: str, path: str, settings: Settings, request: GradeRequest, language: str
) -> EditResult:
    scores = [
        ScoreRequest(score.objective, score.key_result, f"{score.score:.10g}")
        for score in request.scores
    ]
    result = set_scores(text, path, settings, scores)
    if result.text is None or not request.retrospective:
        return result
    return EditResult(_with_retrospective(result.text, request.retrospective, language), [])


def _with_retrospective(text: str, section: str, language: str) -> str:
    """The file's text with its body's retrospective section set to `section`."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    end = front_matter_end(lines)
    assert end is not None  # the file was just edited as an OKR file
    head = "\n".join(lines[: end + 1]) + "\n"
    body = "\n".join(lines[end + 1 :])
    section = section.replace("\r\n", "\n").replace("\r", "\n")
    return (head + with_retrospective(body, section, language)).replace("\n", newline)


def _refusal(code: str, **values: str) -> Diagnostic:
    return make(code, "", 0, 0, messages.text(code, **values))


def _say(key: str, language: str, /, **values: str | int) -> str:
    """The reply's text `key` (core/texts/command.py) in `language`."""
    return messages.text(f"okr.apply.{key}", **values).render(language)


def reply(outcome: Outcome, language: str, extra: Sequence[str] = ()) -> str:
    """The Markdown answer on the issue."""
    if not outcome.problems:
        return "\n".join([*outcome.recorded, *extra]) + "\n"
    lines = [_say("refused", language), ""]
    for problem in outcome.problems:
        if isinstance(problem, Problem):
            where = _say("at-line", language, line=problem.line) if problem.line else ""
            lines.append(f"- {where}{safe(problem.message_in(language))} (`{problem.code}`)")
        else:
            lines.append(f"- {safe(problem.message_in(language))} (`{problem.code}`)")
    return "\n".join([*lines, *extra]) + "\n"
