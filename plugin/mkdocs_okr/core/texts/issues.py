"""The problems of an issue form's body (core/issueform.py), keyed `issue.<problem code>`.

The problem codes are the issue forms' own (docs/issue-forms.md lists them), not diagnostics.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "issue.field-missing": {
        "en": "the issue has no “{label}” field: open a new issue from the form",
        "zh": "议题里没有“{label}”这一栏：请用表单新建一个议题",
    },
    "issue.set-missing": {
        "en": "the “{label}” field is empty: write the OKR set as CYCLE/OWNER, for example 2026-Q4/social-media",
        "zh": "“{label}”一栏是空的：请按“周期/负责人”填写 OKR 集，例如 2026-Q4/social-media",
    },
    "issue.set-invalid": {
        "en": "“{text}” is not an OKR set: write CYCLE/OWNER, for example 2026-Q4/social-media (an owner id has lower-case letters a-z, digits and '-')",
        "zh": "“{text}”不是 OKR 集：请写成“周期/负责人”，例如 2026-Q4/social-media（负责人 id 只用小写字母 a-z、数字和 -）",
    },
    "issue.date-invalid": {
        "en": "“{text}” is not a date: write it as YYYY-MM-DD, for example 2026-11-27, or leave the field empty for the day of the issue",
        "zh": "“{text}”不是日期：请写成 YYYY-MM-DD，例如 2026-11-27；留空则为提交议题的当天",
    },
    "issue.date-in-future": {
        "en": "the date {date} is after the day the issue was opened ({today})",
        "zh": "日期 {date} 晚于提交议题的日期（{today}）",
    },
    "issue.nothing-given": {
        "en": "the “{label}” field holds no key result: write one line per key result, for example {example}",
        "zh": "“{label}”一栏里没有关键结果：每个关键结果写一行，例如 {example}",
    },
    "issue.line-unreadable": {
        "en": "“{text}” is not a line of the form KEY-RESULT = VALUE, for example {example}",
        "zh": "“{text}”不是“关键结果 = 数值”的格式，例如 {example}",
    },
    "issue.reference-invalid": {
        "en": "“{text}” does not name a key result: write OBJECTIVE/KEY-RESULT with their ids, for example O1/KR1",
        "zh": "“{text}”没有指明关键结果：请写“目标/关键结果”的 id，例如 O1/KR1",
    },
    "issue.value-invalid": {
        "en": "“{text}” is not a value: write a number (7600), a percentage of the way to the target (76%), or done / not done",
        "zh": "“{text}”不是有效的值：请写数字（7600）、从起点到目标完成的百分比（76%），或者“完成”“未完成”",
    },
    "issue.number-too-large": {
        "en": "“{text}” is too large a number",
        "zh": "“{text}”这个数字太大了",
    },
    "issue.status-unknown": {
        "en": "“{text}” is not a status: write one of 正常, 有风险, 已延期 (on track, at risk, off track)",
        "zh": "“{text}”不是状态：请写“正常”“有风险”或“已延期”",
    },
    "issue.score-invalid": {
        "en": "“{text}” is not a score: write a number from 0 to 1 (0.7) or a percentage (70%)",
        "zh": "“{text}”不是评分：请写 0 到 1 之间的数（0.7）或百分比（70%）",
    },
    "issue.score-out-of-range": {
        "en": "the score {text} is outside 0 to 1 (0% to 100%)",
        "zh": "评分 {text} 不在 0 到 1（0% 到 100%）之间",
    },
    "issue.duplicate-key-result": {
        "en": "{ref} is given twice (first on line {first})",
        "zh": "{ref} 写了两次（第一次在第 {first} 行）",
    },
    "issue.control-character": {
        "en": "line {line} holds an invisible control character: type the text again",
        "zh": "第 {line} 行有看不见的控制字符：请重新输入这一行",
    },
    "issue.internal-error": {
        "en": "the issue could not be read ({error}): tell the site's maintainers",
        "zh": "无法读取这个议题（{error}）：请告诉网站的维护者",
    },
}
