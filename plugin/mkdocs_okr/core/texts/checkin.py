"""The texts of `okr score`, `okr checkin --from-csv` and `okr apply-issue` (see core/messages.py)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "score-not-a-number": {
        "en": "{ref}: '{text}' is not a score: write a number from 0 to 1 (0.7) or a "
        "percentage (70%).",
        "zh": "{ref}：“{text}”不是评分：请写 0 到 1 之间的数（0.7）或百分比（70%）。",
    },
    "score-out-of-range": {
        "en": "{ref}: the score {text} is outside 0 to 1 (0 % to 100 %).",
        "zh": "{ref}：评分 {text} 不在 0 到 1（0% 到 100%）之间。",
    },
    "apply-no-form": {
        "en": "The issue carries neither the label okr-checkin nor okr-grade (or both): it was "
        "not written with one of the OKR forms.",
        "zh": "这个议题没有 okr-checkin 或 okr-grade 标签（或两个都有）：它不是用 OKR 表单写的。",
    },
    "apply-not-member": {
        "en": "Only the repository's owner, members and collaborators can update OKRs from an "
        "issue (this author is {association}).",
        "zh": "只有仓库的所有者、成员和协作者可以通过议题更新 OKR（这位作者是 {association}）。",
    },
    "apply-unknown-set": {
        "en": "There is no OKR set {set}: check the cycle and the owner id, as the site shows "
        "them.",
        "zh": "没有 OKR 集 {set}：请按网站上显示的周期和负责人 id 核对。",
    },
    "apply-broken-set": {
        "en": "The OKR set {set} ({path}) has errors of its own: fix them first (`okr check`).",
        "zh": "OKR 集 {set}（{path}）本身有错误：请先修正（`okr check`）。",
    },
    "apply-not-written": {
        "en": "The OKR files could not be written ({error}); no file was changed.",
        "zh": "无法写入 OKR 文件（{error}）；没有文件被改动。",
    },
    "csv-unreadable": {
        "en": "The CSV file is not UTF-8 ({error}): save it as “CSV UTF-8”.",
        "zh": "这个 CSV 文件不是 UTF-8 编码（{error}）：请另存为“CSV UTF-8”。",
    },
    "csv-header": {
        "en": "The header row lacks the columns {columns}: name them kr, value, date, status, "
        "note (or 关键结果, 数值, 日期, 状态, 备注).",
        "zh": "表头缺少这些列：{columns}。列名请用 kr、value、date、status、note（或关键结果、数值、日期、状态、备注）。",
    },
    "csv-row": {
        "en": "“{text}” cannot be read: a key result is written in full (2026-Q4/social-media/"
        "O1/KR1), a date as 2026-11-27, a status as on track, at risk or off track.",
        "zh": "无法读取“{text}”：关键结果要写全（2026-Q4/social-media/O1/KR1），日期写成 2026-11-27，状态写正常、有风险或已延期。",
    },
    "csv-unknown-set": {
        "en": "There is no OKR set {set}.",
        "zh": "没有 OKR 集 {set}。",
    },
}
