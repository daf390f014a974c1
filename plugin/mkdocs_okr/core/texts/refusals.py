"""Why `okr new`, `okr carry` or `okr checkin` writes nothing (core/refusals.py)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # okr new
    "new-unknown-cycle": {
        "en": "'{cycle}' is not a cycle: write 2024, 2024-H1, 2024-Q1, 2024-B1, 2024-01 or a "
        "custom cycle of the configuration.",
        "zh": "“{cycle}”不是一个周期：请写 2024、2024-H1、2024-Q1、2024-B1、2024-01，"
        "或者配置里的自定义周期。",
    },
    "new-invalid-id": {
        "en": "'{given}' is not a usable {what} id: lower-case letters a-z, digits and '-', "
        "starting with a letter.",
        "zh": "“{given}”不能用作{what} id：只能用小写字母 a-z、数字和“-”，并以字母开头。",
    },
    "new-invalid-id.owner": {"en": "owner", "zh": "负责人"},
    "new-invalid-id.parent": {"en": "parent", "zh": "上级"},
    "new-parent-on-company": {
        "en": "A company OKR set is the top of the tree: leave out the parent.",
        "zh": "公司的 OKR 是整棵树的顶端：不要写上级（parent）。",
    },
    "new-parent-missing": {
        "en": "A {level} OKR set needs a parent: the owner id of the team or company above it.",
        "zh": "{level}的 OKR 需要一个上级（parent）：也就是上一层团队或公司的负责人 id。",
    },
    "new-invalid-reference": {
        "en": "'{reference}' is not a reference: write OWNER/OBJECTIVE or OWNER/OBJECTIVE/KR "
        "(for example brand/O1/KR2).",
        "zh": "“{reference}”不是有效的对齐写法：请写 负责人/目标 或 负责人/目标/关键结果"
        "（例如 brand/O1/KR2）。",
    },
    # okr carry
    "carry-no-set": {
        "en": "'{owner}' has no OKR set in cycle {cycle}.",
        "zh": "“{owner}”在周期 {cycle} 没有 OKR。",
    },
    "carry-empty-cycle": {
        "en": "No OKR set in cycle {cycle}.",
        "zh": "周期 {cycle} 里没有任何 OKR。",
    },
    "carry-all-dropped": {
        "en": "{ref}: every key result is dropped; there is nothing to carry.",
        "zh": "{ref}：所有关键结果都已放弃，没有可以延续到下个周期的内容。",
    },
    # okr checkin
    "checkin-unreadable": {
        "en": "{path} cannot be read as an OKR file{first_error}. Run `okr check`.",
        "zh": "{path} 无法作为 OKR 文件读取{first_error}。请运行 `okr check` 查看。",
    },
    "checkin-unreadable.first-error": {
        "en": " (line {line}: {message})",
        "zh": "（第 {line} 行：{message}）",
    },
    "checkin-cr-line-breaks": {
        "en": "{path} uses old Mac line breaks (CR); save it with LF.",
        "zh": "{path} 用的是旧式 Mac 换行符（CR）；请用 LF 换行保存。",
    },
    "checkin-date-outside-cycle": {
        "en": "The date {day} is outside the cycle {cycle} ({start} to {end}).",
        "zh": "日期 {day} 不在周期 {cycle}（{start} 至 {end}）之内。",
    },
    "checkin-given-twice": {
        "en": "{ref} is given twice.",
        "zh": "{ref} 写了两次。",
    },
    "checkin-unknown-key-result": {
        "en": "{path} has no key result {ref} (it has {known}).",
        "zh": "{path} 里没有关键结果 {ref}（它有 {known}）。",
    },
    "checkin-dropped": {
        "en": "{ref} is dropped; it takes no more check-ins.",
        "zh": "{ref} 已放弃，不能再更新进度。",
    },
    "checkin-milestone-value": {
        "en": "{ref}: it is a milestone: give true (done) or false (not done).",
        "zh": "{ref}：这是里程碑，请写 true（完成）或 false（未完成）。",
    },
    "checkin-number-value": {
        "en": "{ref}: it is a number to reach: give a number, not true or false.",
        "zh": "{ref}：这是要达到的数字，请写数字，不要写 true 或 false。",
    },
    "checkin-not-a-number": {
        "en": "{ref}: '{text}' is not a number: write it like 6500, 6,500, 1.8 or 76% (of the "
        "way from start to target), without units or words.",
        "zh": "{ref}：“{text}”不是数字：请写成 6500、6,500、1.8 或 76%（从起点到目标走了多少），"
        "不要带单位或文字。",
    },
    "checkin-not-after-latest": {
        "en": "{ref}: the latest check-in is dated {latest}; a new one must come after it, not "
        "on {day}.",
        "zh": "{ref}：最近一次进度更新的日期是 {latest}；新的更新必须晚于这一天，不能是 {day}。",
    },
    "checkin-note-too-long": {
        "en": "The note is longer than 2,000 characters.",
        "zh": "备注超过了 2,000 个字符。",
    },
    "checkin-not-editable": {
        "en": "{path}: {ref}: {why}; add the check-in by hand.",
        "zh": "{path}：{ref}：{why}；请手动添加这次进度更新。",
    },
    "checkin-read-back": {
        "en": "{path}: the edited file would not read back as intended; nothing written.",
        "zh": "{path}：修改后的文件无法按预期读回，所以没有写入任何内容。",
    },
    # Why the text of a file cannot take a check-in (`checkin-not-editable`), by reason.
    "checkin-not-editable.unclosed": {
        "en": "the front matter is not closed",
        "zh": "头部信息没有结束",
    },
    "checkin-not-editable.unparsable": {
        "en": "ruamel.yaml cannot read the front matter",
        "zh": "ruamel.yaml 无法读取头部信息",
    },
    "checkin-not-editable.not-mapping": {
        "en": "the front matter is not a mapping",
        "zh": "头部信息不是一组字段",
    },
    "checkin-not-editable.no-objectives": {
        "en": "cannot find `objectives:`",
        "zh": "找不到 `objectives:`",
    },
    "checkin-not-editable.no-key-results": {
        "en": "cannot find `key_results:`",
        "zh": "找不到 `key_results:`",
    },
    "checkin-not-editable.key-result-not-mapping": {
        "en": "the key result is not a mapping",
        "zh": "这个关键结果不是一组字段",
    },
    "checkin-not-editable.value-not-one-line": {
        "en": "`{key}:` is not a single value on one line",
        "zh": "`{key}:` 不是写在一行里的单个值",
    },
    "checkin-not-editable.checkins-unclosed": {
        "en": "cannot find the end of the `checkins:` list",
        "zh": "找不到 `checkins:` 列表的结尾",
    },
    "checkin-not-editable.checkins-not-list": {
        "en": "`checkins:` is written but holds no list",
        "zh": "写了 `checkins:`，但下面没有列表",
    },
    "checkin-not-editable.key-result-unclosed": {
        "en": "cannot find the end of the key result",
        "zh": "找不到这个关键结果的结尾",
    },
}
