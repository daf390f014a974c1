"""Reading an OKR file: its bytes, its front matter and its YAML (core/frontmatter.py, load.py)."""

from __future__ import annotations

_DEPTH_EN = "an OKR file needs at most 7 levels."
_DEPTH_ZH = "OKR 文件最多只需要 7 层。"
_READ_HERE_EN = "The YAML cannot be read here: "
_READ_HERE_ZH = "这里的 YAML 无法读取："

TEXTS: dict[str, dict[str, str]] = {
    "file-unreadable": {
        "en": "This file cannot be read: check its permissions. A symbolic link is not read "
        "either; put the OKR file itself in the folder.",
        "zh": "无法读取这个文件：请检查文件权限。快捷方式（符号链接）也不会被读取，"
        "请把 OKR 文件本身放进文件夹。",
    },
    "file-too-large": {
        "en": "This file is {size:,} bytes; an OKR file may be at most {limit:,} bytes. "
        "Move long notes to another page and link to it.",
        "zh": "这个文件有 {size:,} 字节，而 OKR 文件最多 {limit:,} 字节。"
        "请把较长的说明移到另一个页面，再在这里放一个链接。",
    },
    "file-binary": {
        "en": "This file holds a NUL byte at offset {offset} (line {line}, column {column}), so "
        "it is not a text file. OKR files must be plain UTF-8 text (not UTF-16).",
        "zh": "这个文件在第 {line} 行第 {column} 列（偏移 {offset}）有一个空字节（NUL），"
        "所以它不是文本文件。OKR 文件必须是 UTF-8 纯文本（不能是 UTF-16）。",
    },
    "file-encoding": {
        "en": "The byte at offset {offset} (0x{byte}, line {line}, column {column}) is not "
        "valid UTF-8. Save the file as UTF-8 (it may have been saved as Latin-1 or GBK).",
        "zh": "第 {line} 行第 {column} 列（偏移 {offset}，0x{byte}）不是有效的 UTF-8 字符。"
        "请把文件另存为 UTF-8 编码（它可能被存成了 GBK 或 Latin-1）。",
    },
    "front-matter-missing": {
        "en": "An OKR file must start with a line of three dashes (---), then the YAML "
        "fields (cycle, owner, level, objectives ...), then another --- line.",
        "zh": "OKR 文件的第一行必须是三个短横线（---），接着写 YAML 字段"
        "（cycle、owner、level、objectives 等），最后再写一行 ---。",
    },
    "front-matter-unclosed": {
        "en": "The front matter that starts on line 1 is never closed: add a line of three "
        "dashes (---) after the last YAML field.",
        "zh": "从第 1 行开始的头部信息（front matter）没有结束：请在最后一个 YAML 字段之后"
        "加一行三个短横线（---）。",
    },
    "front-matter-empty": {
        "en": "The front matter is empty: write the fields cycle, owner, level and "
        "objectives between the two --- lines.",
        "zh": "头部信息是空的：请在两行 --- 之间写上 cycle、owner、level 和 objectives 字段。",
    },
    "front-matter-empty.no-fields": {
        "en": "The front matter holds no fields.",
        "zh": "头部信息里没有任何字段。",
    },
    "front-matter-not-mapping": {
        "en": "The front matter is {kind}; it must be fields written as `name: value`, "
        "starting with cycle, owner and level.",
        "zh": "头部信息是{kind}；它必须是 `名称: 值` 形式的字段，从 cycle、owner 和 level 开始。",
    },
    "front-matter-not-mapping.list": {"en": "a list", "zh": "一个列表"},
    "front-matter-not-mapping.single": {"en": "a single value", "zh": "一个单独的值"},
    "yaml-too-deep": {
        "en": "The front matter is nested more than {depth} levels deep (lists inside lists, "
        "or fields inside fields); " + _DEPTH_EN,
        "zh": "头部信息嵌套超过了 {depth} 层（列表套列表，或字段套字段）；" + _DEPTH_ZH,
    },
    "yaml-too-deep.far": {
        "en": "The front matter is nested far too deeply (lists inside lists, or fields "
        "inside fields); " + _DEPTH_EN,
        "zh": "头部信息嵌套得太深了（列表套列表，或字段套字段）；" + _DEPTH_ZH,
    },
    "yaml-alias": {
        "en": "The alias *{alias} repeats another part of the file. Aliases are not allowed "
        "in OKR files: write the value out.",
        "zh": "别名 *{alias} 引用了文件的另一部分。OKR 文件不允许使用别名：请把值完整写出来。",
    },
    "yaml-alias.anchor": {
        "en": "The anchor &{anchor} is not allowed in OKR files: write values out in full.",
        "zh": "OKR 文件不允许使用锚点 &{anchor}：请把值完整写出来。",
    },
    "yaml-tag": {
        "en": "The YAML tag {tag} is not allowed in OKR files (tags starting with ! can make "
        "YAML build program objects). Remove it; put the value in quotes if it is text.",
        "zh": "OKR 文件不允许使用 YAML 标签 {tag}（以 `!` 开头的标签会让 YAML 生成程序对象）。"
        "请删掉它；如果这是一段文字，请用引号把它括起来。",
    },
    "wrong-type.key": {
        "en": "A key must be a plain word, not a list or a mapping.",
        "zh": "字段名必须是一个普通的词，不能是列表或一组字段。",
    },
    "invisible-character": {
        "en": "The key '{key}' holds an invisible character (shown here as <U+...>), so it "
        "only looks like a known field. Delete the key and type it again.",
        "zh": "字段名“{key}”里有一个看不见的字符（这里显示为 <U+...>），所以它只是看起来像"
        "一个已知字段。请删掉这个字段名，重新输入。",
    },
    "duplicate-key": {
        "en": "The key '{key}' is written twice in the same place (first on line {first}). "
        "YAML would silently keep only the last one; remove one of them.",
        "zh": "字段“{key}”在同一处写了两次（第一次在第 {first} 行）。YAML 会悄悄只保留最后"
        "一个，请删掉其中一个。",
    },
    "ambiguous-value": {
        "en": "'{value}' is ambiguous: YAML reads it as true or false. Write true or false, "
        'or put it in quotes ("{value}") if you mean the text.',
        "zh": "“{value}”有歧义：YAML 会把它读成 true 或 false。请写 true 或 false；"
        '如果你指的是这段文字，请加上引号（"{value}"）。',
    },
    "ambiguous-value.number": {
        "en": "'{value}' is ambiguous: YAML would read it as a different number (leading "
        "zeros are octal, 1:30 is 90). Write a plain decimal number, or put it in quotes if "
        "you mean the text.",
        "zh": "“{value}”有歧义：YAML 会把它读成另一个数字（以 0 开头是八进制，1:30 会变成 90）。"
        "请写普通的十进制数字；如果你指的是这段文字，请加上引号。",
    },
    "invalid-number.digits": {
        "en": "The number {start}... has {digits} digits, more than any OKR value can need.",
        "zh": "数字 {start}... 有 {digits} 位，比任何 OKR 数值需要的都多。",
    },
    "invalid-number.not-finite": {
        "en": "'{value}' is not a finite number. Use an ordinary number.",
        "zh": "“{value}”不是一个有限的数字。请写一个普通的数字。",
    },
    "invalid-number.too-large": {
        "en": "'{value}' is too large a number: OKR values must stay below 10^18. Use an "
        "ordinary number.",
        "zh": "“{value}”这个数字太大了：OKR 数值必须小于 10^18。请写一个普通的数字。",
    },
    "invalid-date.not-a-day": {
        "en": "'{value}' is not a date that exists. Write dates as YYYY-MM-DD, for example "
        "2024-01-31.",
        "zh": "“{value}”不是一个存在的日期。日期请写成 YYYY-MM-DD，例如 2024-01-31。",
    },
    "comment-in-value": {
        "en": "This text stops at '{value}' because YAML reads the unquoted ' {comment}' as a "
        "comment. If the # belongs to the text, put the whole value in quotes.",
        "zh": "这段文字在“{value}”处被截断了，因为 YAML 把没加引号的“ {comment}”当成了注释。"
        "如果 # 是文字的一部分，请用引号把整个值括起来。",
    },
    "yaml-multiple-documents": {
        "en": "The front matter holds more than one YAML document. Keep one block of fields "
        "between the two --- lines.",
        "zh": "头部信息里有不止一个 YAML 文档。两行 --- 之间只保留一组字段。",
    },
    "yaml-syntax.line-break": {
        "en": "The character U+{code} is a line break for YAML but not for your editor. "
        "Delete it (replace it with a normal line break or a space).",
        "zh": "字符 U+{code} 对 YAML 来说是换行，但编辑器里看不出来。请删掉它"
        "（换成普通的换行或空格）。",
    },
    "yaml-syntax.error": {
        "en": "The YAML cannot be read ({error}). Check the front matter.",
        "zh": "YAML 无法读取（{error}）。请检查头部信息。",
    },
    "yaml-syntax.tab": {
        "en": _READ_HERE_EN + "a tab character is used for indentation, which YAML does "
        "not allow. Indent with spaces.",
        "zh": _READ_HERE_ZH + "缩进用了制表符（Tab），YAML 不允许这样。请用空格缩进。",
    },
    "yaml-syntax.problem": {
        "en": "The YAML cannot be read here ({problem}). Check the indentation and the quotes "
        "on this line and the one before.",
        "zh": "这里的 YAML 无法读取（{problem}）。请检查这一行和上一行的缩进和引号。",
    },
    "yaml-syntax.malformed": {
        "en": "The YAML cannot be read here (it is not well formed). Check the indentation "
        "and the quotes on this line and the one before.",
        "zh": "这里的 YAML 格式不对，无法读取。请检查这一行和上一行的缩进和引号。",
    },
    "yaml-syntax.opened-on": {"en": " on line {line}", "zh": "（第 {line} 行）"},
    "yaml-syntax.list-unclosed": {
        "en": _READ_HERE_EN + "a list that opens with [{opened} is not closed with ].",
        "zh": _READ_HERE_ZH + "以 [ 开始的列表{opened}没有用 ] 结束。",
    },
    "yaml-syntax.group-unclosed": {
        "en": _READ_HERE_EN + "a group that opens with {{{opened} is not closed with }}.",
        "zh": _READ_HERE_ZH + "以 {{ 开始的一组字段{opened}没有用 }} 结束。",
    },
    "yaml-syntax.quote-unclosed": {
        "en": _READ_HERE_EN + "a quote that opens{opened} is never closed.",
        "zh": _READ_HERE_ZH + "有一个引号{opened}没有配对的结束引号。",
    },
    "yaml-syntax.colon-in-value": {
        "en": _READ_HERE_EN + "a colon followed by a space (': ') stands inside a value; if "
        "it belongs to the text, put the whole value in quotes.",
        "zh": _READ_HERE_ZH + "值里面有“冒号加空格”（': '）；如果它是文字的一部分，"
        "请用引号把整个值括起来。注意中文冒号“：”不会有这个问题。",
    },
    "yaml-syntax.reserved-start": {
        "en": _READ_HERE_EN + "the value starts with a character YAML reserves (such as @ "
        "or `); put the whole value in quotes.",
        "zh": _READ_HERE_ZH + "值以 YAML 保留的字符开头（比如 @ 或 `）；请用引号把整个值括起来。",
    },
    "yaml-syntax.key-indent": {
        "en": _READ_HERE_EN + "this line is not indented like the fields around it.",
        "zh": _READ_HERE_ZH + "这一行的缩进和周围的字段不一致。",
    },
    "yaml-syntax.item-indent": {
        "en": _READ_HERE_EN + "this line is not indented like the list items around it.",
        "zh": _READ_HERE_ZH + "这一行的缩进和周围的列表项不一致。",
    },
    "yaml-syntax.no-field-name": {
        "en": _READ_HERE_EN + "a line holds text without a field name: write `name: value`.",
        "zh": _READ_HERE_ZH + "这一行有文字但没有字段名：请写成 `名称: 值`。",
    },
    "yaml-syntax.escape": {
        "en": _READ_HERE_EN + "a backslash (\\) in double quotes starts an unknown escape; "
        "use single quotes, or write \\\\ for one backslash.",
        "zh": _READ_HERE_ZH + "双引号里的反斜杠（\\）开始了一个未知的转义；请改用单引号，"
        "或者用 \\\\ 表示一个反斜杠。",
    },
    "yaml-syntax.anchor": {
        "en": _READ_HERE_EN + "& and * start YAML anchors and aliases, which OKR files do "
        "not allow; put the value in quotes.",
        "zh": _READ_HERE_ZH + "& 和 * 会开始 YAML 的锚点和别名，OKR 文件不允许使用；"
        "请用引号把值括起来。",
    },
    "yaml-syntax.text-after": {
        "en": _READ_HERE_EN + "there is text after the end of the YAML; check the brackets "
        "and quotes before it.",
        "zh": _READ_HERE_ZH + "YAML 结束之后还有文字；请检查它前面的括号和引号。",
    },
    "yaml-syntax.directive": {
        "en": _READ_HERE_EN + "a line starting with % is not allowed here; put the value in "
        "quotes.",
        "zh": _READ_HERE_ZH + "这里不允许以 % 开头的行；请用引号把值括起来。",
    },
    "yaml-syntax.tag": {
        "en": _READ_HERE_EN + "a value starting with ! is a YAML tag; put the value in quotes.",
        "zh": _READ_HERE_ZH + "以 `!` 开头的值是 YAML 标签；请用引号把值括起来。",
    },
    "yaml-syntax.missing-value": {
        "en": _READ_HERE_EN + "a value is missing, or starts with a character YAML reserves "
        "(such as ], }} or |); put the value in quotes.",
        "zh": _READ_HERE_ZH + "缺少一个值，或者值以 YAML 保留的字符开头（比如 ]、}} 或 |）；"
        "请用引号把值括起来。",
    },
}
