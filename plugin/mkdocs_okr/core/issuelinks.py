"""Links that open a prefilled GitHub issue form: a check-in or a grade without YAML or git.

`issues/new?template=okr-checkin.yml&set=...&updates=...` fills the form's input and textarea
fields by their ids (a link cannot fill a dropdown). GitHub refuses URLs over about 8 KB (414)
and a Chinese character costs 9 bytes once percent-encoded, so the lines are written compactly
and a link that would be too long drops the notes first, then the lines (the user types them).

The site's JavaScript builds the same URL; values are encoded exactly as JavaScript's
`encodeURIComponent` does, so both give the same link.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import quote

from .issueform import (
    SCORES,
    SET,
    TITLES,
    UPDATES,
    Form,
    KeyResultScore,
    KeyResultUpdate,
    SetRef,
    format_score,
    format_update,
)

MAX_URL_BYTES = 8000  # GitHub answers 414 a little above 8 KB
_REPOSITORY = re.compile(
    r"https?://(?:www\.)?github\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/"
    r"([A-Za-z0-9_.-]{1,100}?)(?:\.git)?/?",
    re.IGNORECASE,
)


def repository(repo_url: str | None) -> str | None:
    """`https://github.com/OWNER/REPO` for a GitHub repository's URL, None for any other."""
    match = _REPOSITORY.fullmatch((repo_url or "").strip())
    if not match or match[2] in (".", ".."):
        return None
    return f"https://github.com/{match[1]}/{match[2]}"


def _encode(value: str) -> str:
    # What encodeURIComponent leaves alone: letters, digits and - _ . ! ~ * ' ( )
    return quote(value, safe="!~*'()")


def _url(base: str, form: Form, language: str, okr_set: SetRef, lines: list[str]) -> str:
    fields = [
        ("template", form.template),
        ("title", f"{TITLES[form][language]} {okr_set}"),
        (SET.id, str(okr_set)),
    ]
    if lines:
        fields.append((UPDATES.id if form is Form.CHECKIN else SCORES.id, "\n".join(lines)))
    return f"{base}/issues/new?" + "&".join(f"{key}={_encode(value)}" for key, value in fields)


def _link(
    repo_url: str | None,
    form: Form,
    okr_set: SetRef,
    language: str,
    lines: Callable[[bool], list[str]],
) -> str | None:
    """The form's link with `lines(with_notes)` prefilled: the notes go, then the lines, if the
    link would be too long; None when the repository is not GitHub's."""
    base = repository(repo_url)
    if base is None:
        return None
    for prefilled in (lines(True), lines(False)):
        url = _url(base, form, language, okr_set, prefilled)
        if len(url.encode("ascii")) <= MAX_URL_BYTES:
            return url
    return _url(base, form, language, okr_set, [])


def checkin_url(
    repo_url: str | None,
    okr_set: SetRef,
    updates: Sequence[KeyResultUpdate] = (),
    language: str = "zh",
) -> str | None:
    """The check-in form of the repository, prefilled; None when the repository is not GitHub's.

    The `date` field is left empty: the workflow takes the day the issue is opened.
    """
    return _link(
        repo_url,
        Form.CHECKIN,
        okr_set,
        language,
        lambda notes: [format_update(update, language, note=notes) for update in updates],
    )


def grade_url(
    repo_url: str | None,
    okr_set: SetRef,
    scores: Sequence[KeyResultScore] = (),
    language: str = "zh",
) -> str | None:
    """The grade form of the repository, prefilled; None when the repository is not GitHub's."""
    return _link(
        repo_url,
        Form.GRADE,
        okr_set,
        language,
        lambda notes: [format_score(score, note=notes) for score in scores],
    )
