"""What a Chinese keyboard types where YAML needs ASCII (core/keyboard.py finds it), and the
texts of the checks that let no error hide another."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "full-width-colon": {
        "en": "The key `{field}` is followed by a full-width colon `：` (a Chinese keyboard types "
        "it); YAML needs the ASCII colon and a space: write `{field}: value`.",
        "zh": "键 `{field}` 后面是全角冒号 `：`（中文输入法打出的），YAML 需要半角冒号加一个空格："
        "写成 `{field}: 值`。",
    },
    "full-width-comma": {
        "en": "A full-width comma `，` separates these items; YAML needs the ASCII comma: write "
        "`,` (for example `[growth, brand]`).",
        "zh": "这里用全角逗号 `，` 分隔条目，YAML 需要半角逗号：写成 `,`（例如 `[growth, brand]`）。",
    },
    "full-width-dash": {
        "en": "This list item starts with a full-width dash `－`; YAML needs the ASCII hyphen "
        "and a space: write `- `.",
        "zh": "这个列表项以全角横线 `－` 开头，YAML 需要半角连字符加一个空格：写成 `- `。",
    },
    "full-width-quote": {
        "en": "This value is wrapped in full-width quotes `{opening}` `{closing}`, which YAML "
        'keeps as part of the text; use ASCII quotes: `"..."`.',
        "zh": "这个值用全角引号 `{opening}` `{closing}` 括起来，YAML 会把它们当作文字的一部分；"
        '请用半角引号：`"..."`。',
    },
    "full-width-space": {
        "en": "The indentation holds a full-width space (U+3000, typed with a Chinese "
        "keyboard); YAML counts only ASCII spaces: indent with ordinary spaces.",
        "zh": "缩进里有全角空格（U+3000，中文输入法打出的），YAML 只认半角空格：请用普通空格缩进。",
    },
    "full-width-digit": {
        "en": "`{typed}` is written with full-width digits, which YAML reads as text: write "
        "`{number}`.",
        "zh": "`{typed}` 用的是全角数字，YAML 会把它当成文字：写成 `{number}`。",
    },
    "thousands-separator": {
        "en": "`{typed}` has a thousands separator; YAML reads a comma as the end of a value "
        "(or keeps the whole as text): write `{number}`, without commas.",
        "zh": "`{typed}` 带有千位分隔符，YAML 会把逗号当作值的结束（或把整个值当成文字）："
        "写成 `{number}`，不要逗号。",
    },
    "percent-value.score": {
        "en": "The score is written as a percentage (`{typed}`); a score is a number from 0 to "
        "1: write `score: {number}`.",
        "zh": "评分写成了百分比（`{typed}`），评分是 0 到 1 之间的数：写成 `score: {number}`。",
    },
    "percent-value.weight": {
        "en": "The weight is written as a percentage (`{typed}`); weights are plain numbers, "
        "those of an objective's key results summing to 100: write `weight: {number}`.",
        "zh": "权重写成了百分比（`{typed}`），权重只写数字，同一目标下各关键结果的权重合计为 100："
        "写成 `weight: {number}`。",
    },
    "percent-value.number": {
        "en": "`{field}` is written as a percentage (`{typed}`); write the number alone, "
        '`{field}: {number}`, and give the unit once on the key result with `unit: "%"`.',
        "zh": "`{field}` 写成了百分比（`{typed}`）：只写数字 `{field}: {number}`，并在这个关键结果上"
        '用 `unit: "%"` 写一次单位。',
    },
    "unaligned.example": {
        "en": "Objective {objective} of this OKR set aligns to nothing. Add `aligns:` "
        "with the objective or key result above it that it serves, for example "
        "`aligns: {example}`.",
        "zh": "目标 {objective} 没有对齐任何上级目标。请加上 `aligns:`，"
        "写明它所服务的上级目标或关键结果，例如 `aligns: {example}`。",
    },
}
