"""The fields of an OKR file against the format (core/schema.py), and the pieces its messages
share: the field a message is about (`part.field`), where in the file (`part.where`), and how
a value reads (`part.value`)."""

from __future__ import annotations

_ID_RULES_EN = "at most {limit} characters; not a name Windows reserves (con, nul ...)"
_ID_RULES_ZH = "最多 {limit} 个字符；也不能是 Windows 保留的名字（con、nul 等）"

TEXTS: dict[str, dict[str, str]] = {
    # The field a message is about, and where it is.
    "part.front-matter": {"en": "The front matter", "zh": "头部信息"},
    "part.field": {"en": "`{name}`", "zh": "`{name}`"},
    "part.entry": {"en": "entry {number} of `{name}`", "zh": "`{name}` 的第 {number} 项"},
    "part.in.objective": {"en": "objective {name}", "zh": "目标 {name}"},
    "part.in.key-result": {"en": "key result {name}", "zh": "关键结果 {name}"},
    "part.in.check-in": {"en": "check-in {name}", "zh": "第 {name} 条进度更新"},
    "part.where.1": {"en": " (in {first})", "zh": "（位于{first}）"},
    "part.where.2": {"en": " (in {first}, {second})", "zh": "（位于{first}、{second}）"},
    "part.where.3": {
        "en": " (in {first}, {second}, {third})",
        "zh": "（位于{first}、{second}、{third}）",
    },
    # How a value reads to someone who does not program.
    "part.value.nothing": {"en": "nothing", "zh": "空值"},
    "part.value.boolean": {"en": "'{value}' (true/false)", "zh": "“{value}”（true/false）"},
    "part.value.number": {"en": "the number {value}", "zh": "数字 {value}"},
    "part.value.date": {"en": "the date {value}", "zh": "日期 {value}"},
    "part.value.list": {"en": "a list", "zh": "一个列表"},
    "part.value.fields": {"en": "a group of fields", "zh": "一组字段"},
    "part.value.text": {"en": "the text '{value}'", "zh": "文字“{value}”"},
    # What a field must hold.
    "part.kind.string_type": {"en": "text", "zh": "文字"},
    "part.kind.float_type": {"en": "a number", "zh": "数字"},
    "part.kind.int_type": {"en": "a whole number", "zh": "整数"},
    "part.kind.bool_type": {"en": "true or false", "zh": "true 或 false"},
    "part.kind.list_type": {
        "en": "a list (lines starting with '- ')",
        "zh": "列表（每行以“- ”开头）",
    },
    "part.kind.model_type": {
        "en": "fields written as `name: value`",
        "zh": "`名称: 值` 形式的字段",
    },
    "part.kind.dict_type": {
        "en": "fields written as `name: value`",
        "zh": "`名称: 值` 形式的字段",
    },
    "part.kind.date_type": {"en": "a date written YYYY-MM-DD", "zh": "YYYY-MM-DD 格式的日期"},
    "part.kind.date_from_datetime_inexact": {
        "en": "a date written YYYY-MM-DD, without a time",
        "zh": "YYYY-MM-DD 格式的日期，不带时间",
    },
    "part.kind.other": {"en": "another kind of value", "zh": "另一种值"},
    # The range a number must be in.
    "part.range.score": {
        "en": "between 0 and 1 (0.7 means 70 %)",
        "zh": "在 0 到 1 之间（0.7 表示 70%）",
    },
    "part.range.weight": {
        "en": "a number greater than 0 and at most 10,000",
        "zh": "是大于 0、不超过 10,000 的数字",
    },
    "part.range.greater_than": {"en": "greater than {bound:g}", "zh": "大于 {bound:g}"},
    "part.range.greater_than_equal": {"en": "at least {bound:g}", "zh": "至少为 {bound:g}"},
    "part.range.less_than": {"en": "less than {bound:g}", "zh": "小于 {bound:g}"},
    "part.range.less_than_equal": {"en": "at most {bound:g}", "zh": "不超过 {bound:g}"},
    "part.range.any": {"en": "in range", "zh": "在允许的范围内"},
    # The messages.
    "missing-field": {
        "en": "{label} is required{where} but missing.",
        "zh": "缺少必填字段 {label}{where}。",
    },
    "missing-field.no-entry": {
        "en": "{label} must hold at least one entry{where}.",
        "zh": "{label} 至少要有一项{where}。",
    },
    "missing-field.empty-text": {
        "en": "{label} is empty{where}: write some text, or remove it.",
        "zh": "{label} 是空的{where}：请写一些文字，或者删掉它。",
    },
    "unknown-key": {
        "en": "{label} is not a field of the OKR format{where}. Did you mean `{guess}`?",
        "zh": "{label} 不是 OKR 格式里的字段{where}。你是不是想写 `{guess}`？",
    },
    "unknown-key.known": {
        "en": "{label} is not a field of the OKR format{where}. Known fields here: {fields}.",
        "zh": "{label} 不是 OKR 格式里的字段{where}。这里可以写的字段有：{fields}。",
    },
    "invalid-value": {
        "en": "{label} must be one of {allowed}; {value} is not{where}.",
        "zh": "{label} 只能是 {allowed} 其中之一，不能是{value}{where}。",
    },
    "invalid-value.guess": {
        "en": "{label} must be one of {allowed}; {value} is not{where}. Did you mean '{guess}'?",
        "zh": "{label} 只能是 {allowed} 其中之一，不能是{value}{where}。你是不是想写“{guess}”？",
    },
    "out-of-range": {
        "en": "{label} must be {range}; here it is {value}{where}.",
        "zh": "{label} 必须{range}，这里却是{value}{where}。",
    },
    "out-of-range.too-long": {
        "en": "{label} is too long{where}: {length:,} characters, at most {limit:,} are allowed.",
        "zh": "{label} 太长了{where}：有 {length:,} 个字符，最多只能有 {limit:,} 个。",
    },
    "invalid-number": {
        "en": "{label} must be a finite number{where}.",
        "zh": "{label} 必须是一个有限的数字{where}。",
    },
    "invalid-date": {
        "en": "{label} must be a date written YYYY-MM-DD; {value} is not{where}.",
        "zh": "{label} 必须是 YYYY-MM-DD 格式的日期，{value}不是{where}。",
    },
    "wrong-type": {
        "en": "{label} must be {kind}, but here it is {value}{where}.",
        "zh": "{label} 必须是{kind}，这里却是{value}{where}。",
    },
    "wrong-type.number-text": {
        "en": "{label} must be {kind}, but here it is {value}{where}. Write the number alone, "
        "without quotes, units or %, e.g. 2 for 2 %.",
        "zh": "{label} 必须是{kind}，这里却是{value}{where}。只写数字本身，不要引号、"
        "单位或 %，例如 2% 就写 2。",
    },
    "wrong-type.quote-text": {
        "en": "{label} must be {kind}, but here it is {value}{where}. Put it in quotes if it is "
        "meant as text.",
        "zh": "{label} 必须是{kind}，这里却是{value}{where}。如果它是一段文字，请加上引号。",
    },
    "wrong-type.cycle": {
        "en": "{label} must be {kind}, but here it is {value}{where}. Write a cycle id such as "
        "2024, 2024-H1, 2024-Q1 or 2024-01.",
        "zh": "{label} 必须是{kind}，这里却是{value}{where}。请写周期编号，例如 2024、2024-H1、"
        "2024-Q1 或 2024-01。",
    },
    "wrong-type.value": {
        "en": "{label} must be a number (or true / false for a milestone), not {value}{where}.",
        "zh": "{label} 必须是数字（里程碑则写 true 或 false），不能是{value}{where}。",
    },
    "invalid-id.page-name": {
        "en": "'{value}' is not a usable owner id: the site has a page of that name in every "
        "cycle (tree, review). Choose another id, for example {value}-team{where}.",
        "zh": "“{value}”不能用作负责人 id：网站在每个周期里都有同名的页面（tree、review）。"
        "请换一个 id，例如 {value}-team{where}。",
    },
    "invalid-id.owner": {
        "en": "'{value}' is not a usable owner id: use lower-case letters a-z, digits and '-', "
        "starting with a letter (for example social-media), " + _ID_RULES_EN + "{where}.",
        "zh": "“{value}”不能用作负责人 id：只能用小写字母 a-z、数字和“-”，并以字母开头"
        "（例如 social-media），" + _ID_RULES_ZH + "{where}。",
    },
    "invalid-id.id": {
        "en": "'{value}' is not a usable id: use letters, digits, '-' and '_', starting with a "
        "letter (for example O1 or KR2), " + _ID_RULES_EN + "{where}.",
        "zh": "“{value}”不能用作 id：只能用字母、数字、“-”和“_”，并以字母开头"
        "（例如 O1 或 KR2），" + _ID_RULES_ZH + "{where}。",
    },
}
