"""Texts of drafts and carried sets: what `okr carry` tells about the drafts it writes, and the
warning for a placeholder left in a set that is no longer a draft."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "carry-done-left-out.key-result": {
        "en": "{ref}: '{title}' is done (or graded 1.0) and is left out of the draft.",
        "zh": "{ref}：“{title}”已完成（或已评 1.0 分），不结转到草稿。",
    },
    "carry-done-left-out.set": {
        "en": "{ref}: every key result is done or dropped; no draft is written for it.",
        "zh": "{ref}：所有 KR 都已完成或已放弃，不为它写草稿。",
    },
    "carry-date-outside-cycle": {
        "en": "{ref}: the title '{title}' names {date}, outside cycle {cycle}; rewrite the date.",
        "zh": "{ref}：标题“{title}”写着 {date}，不在周期 {cycle} 内，请改写日期。",
    },
    "placeholder-text": {
        "en": "'{title}' is the placeholder text of a new set: rewrite it, or mark the set "
        "`status: draft` while it is not ready.",
        "zh": "“{title}”是新建 OKR 集的占位文字：请改写；还没写好的话，请把这个集标为 "
        "`status: draft`。",
    },
}
