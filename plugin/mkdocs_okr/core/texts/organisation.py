"""One OKR set and the organisation of all sets: cycles, parents, ids, alignment, check-ins
and the method's warnings (core/load.py, core/organisation.py)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Levels, as a message names them.
    "part.level.company": {"en": "company", "zh": "公司"},
    "part.level.team": {"en": "team", "zh": "团队"},
    "part.level.individual": {"en": "individual", "zh": "个人"},
    "part.a-level.company": {"en": "a company", "zh": "公司"},
    "part.a-level.team": {"en": "a team", "zh": "团队"},
    "part.a-level.individual": {"en": "an individual", "zh": "个人"},
    # One set
    "invalid-cycle": {
        "en": "'{cycle}' is not a cycle. Write a year (2024), a half (2024-H1), a quarter "
        "(2024-Q1), two months (2024-B1), a month (2024-01), or a custom cycle named in the "
        "site's configuration.",
        "zh": "“{cycle}”不是一个周期。请写年（2024）、半年（2024-H1）、季度（2024-Q1）、"
        "双月（2024-B1）、月（2024-01），或者网站配置里定义的自定义周期。",
    },
    "parent-on-company": {
        "en": "A company OKR set is the top of the tree, so its `parent` ('{parent}') is "
        "ignored; remove it.",
        "zh": "公司的 OKR 是整棵树的顶端，所以它的 `parent`（“{parent}”）会被忽略，请删掉它。",
    },
    "parent-missing": {
        "en": "A {level} OKR set needs a `parent`: the owner id of the team or company above "
        "it in the organisation.",
        "zh": "{level}的 OKR 需要写 `parent`：也就是组织里它上一级的团队或公司的负责人 id。",
    },
    "duplicate-id": {
        "en": "Two objectives have the id '{id}' (the other is objective {other}). Give each "
        "objective its own id.",
        "zh": "有两个目标的 id 都是“{id}”（另一个是第 {other} 个目标）。请给每个目标一个不同的 id。",
    },
    "duplicate-id.key-result": {
        "en": "Two key results of objective {objective} have the id '{id}'. Give each key "
        "result its own id.",
        "zh": "目标 {objective} 里有两个关键结果的 id 都是“{id}”。请给每个关键结果一个不同的 id。",
    },
    "invalid-reference": {
        "en": "'{reference}' is not a reference. Write OWNER/OBJECTIVE or OWNER/OBJECTIVE/KR "
        "(for example brand/O1/KR2), optionally with a cycle in front (2024/company/O1).",
        "zh": "“{reference}”不是有效的对齐写法。请写 负责人/目标 或 负责人/目标/关键结果"
        "（例如 brand/O1/KR2），前面也可以加上周期（2024/company/O1）。",
    },
    "numeric-and-milestone": {
        "en": "Key result {kr} has both a `target` and `done`. A key result is either a "
        "number to reach (start/target) or a milestone (done: true/false), not both.",
        "zh": "关键结果 {kr} 同时写了 `target` 和 `done`。关键结果要么是要达到的数字"
        "（start/target），要么是里程碑（done: true/false），不能两者都是。",
    },
    "start-equals-target": {
        "en": "Key result {kr} starts at {start:g} and targets {start:g}: there is nothing to "
        "achieve. Set `start` to where you are now and `target` to where you want to be.",
        "zh": "关键结果 {kr} 的起点是 {start:g}，目标也是 {start:g}：没有需要达成的增长。"
        "请把 `start` 写成现在的数值，把 `target` 写成想达到的数值。",
    },
    "reason-missing": {
        "en": "Key result {kr} is dropped without a `reason`. Say why, so readers of the cycle "
        "review understand the change.",
        "zh": "关键结果 {kr} 已放弃，但没有写 `reason`。请写明原因，让看周期复盘的人明白为什么调整。",
    },
    "checkin-value-type": {
        "en": "The value of the check-in of {day} for key result {kr} must be a number, like "
        "its target.",
        "zh": "关键结果 {kr} 在 {day} 的进度更新必须是数字，和它的目标一样。",
    },
    "checkin-value-type.milestone": {
        "en": "The value of the check-in of {day} for key result {kr} must be true or false "
        "(done or not), as it is a milestone.",
        "zh": "关键结果 {kr} 是里程碑，它在 {day} 的进度更新只能写 true（完成）或 false（未完成）。",
    },
    "checkin-outside-cycle": {
        "en": "The check-in dated {day} is outside the cycle {cycle} ({start} to {end}).",
        "zh": "日期为 {day} 的进度更新不在周期 {cycle}（{start} 至 {end}）之内。",
    },
    "checkin-order": {
        "en": "The check-in dated {day} comes after one dated {previous}. List check-ins "
        "oldest first, one per day.",
        "zh": "日期为 {day} 的进度更新写在了 {previous} 那条之后。请按日期从早到晚排列，"
        "每天最多一条。",
    },
    "wrong-type.current-number": {
        "en": "`current` of key result {kr} must be a number.",
        "zh": "关键结果 {kr} 的 `current` 必须是数字。",
    },
    "wrong-type.current-milestone": {
        "en": "`current` of key result {kr} must be true or false.",
        "zh": "关键结果 {kr} 的 `current` 只能是 true 或 false。",
    },
    "current-mismatch": {
        "en": "`current` of key result {kr} is {current} but its latest check-in ({day}) says "
        "{latest}. The site uses `current`; update one of them.",
        "zh": "关键结果 {kr} 的 `current` 是 {current}，但最近一次进度更新（{day}）是 {latest}。"
        "网站以 `current` 为准，请把两者改成一致。",
    },
    # The method's warnings
    "too-many-objectives": {
        "en": "This {level} OKR set has {count} objectives; the limit for this level is "
        "{limit}. Fewer objectives keep the focus.",
        "zh": "这份{level} OKR 有 {count} 个目标，这一层级最多 {limit} 个。目标少一些才能更聚焦。",
    },
    "too-many-key-results": {
        "en": "Objective {objective} has {count} key results; the limit is {limit}.",
        "zh": "目标 {objective} 有 {count} 个关键结果，最多 {limit} 个。",
    },
    "weights-not-100": {
        "en": "The weights of objective {objective}'s key results add up to {total:g}, not "
        "100. Make them sum to 100 (per cent) so each weight says how much its key result "
        "counts.",
        "zh": "目标 {objective} 下各关键结果的权重加起来是 {total:g}，不是 100。请让它们合计为 "
        "100（百分比），这样每个权重才能表示它的关键结果占多少分量。",
    },
    "not-measurable": {
        "en": "Key result {kr} has no `target` and no `done`, so its progress cannot be "
        "measured (it counts as 0). Give it a number to reach, or make it a milestone with "
        "done: false.",
        "zh": "关键结果 {kr} 既没有 `target` 也没有 `done`，无法衡量进度（按 0 计算）。"
        "请给它一个要达到的数字，或者写 done: false 把它变成里程碑。",
    },
    "task-like": {
        "en": "Key result {kr} reads like a routine task ('{word}'). A key result is an "
        "outcome to reach by the end of the cycle, not a list of daily tasks.",
        "zh": "关键结果 {kr} 读起来像日常任务（“{word}”）。关键结果是周期结束时要达成的成果，"
        "而不是每天要做的事情清单。",
    },
    # Across files
    "duplicate-owner": {
        "en": "The owner '{owner}' already has an OKR set for cycle {cycle} in {other}. Each "
        "owner keeps one file per cycle.",
        "zh": "负责人“{owner}”在周期 {cycle} 已经有一份 OKR（在 {other}）。每个负责人每个周期"
        "只保留一个文件。",
    },
    "invalid-value.own-parent": {
        "en": "The parent of '{owner}' is '{parent}' itself. A parent is the team or company "
        "above this OKR set.",
        "zh": "“{owner}”的上级（parent）写成了它自己“{parent}”。上级应该是这份 OKR 上一层的团队或公司。",
    },
    "invalid-value.parent-loop": {
        "en": "The parents of these OKR sets form a loop: {loop}. The organisation is a tree: "
        "one of them must name the team or company above it as `parent`.",
        "zh": "这几份 OKR 的上级关系绕成了一个圈：{loop}。组织是一棵树，其中一份必须把它上一层的"
        "团队或公司写成 `parent`。",
    },
    "unknown-parent": {
        "en": "The parent '{parent}' has no OKR set. Check the spelling of the owner id (the "
        "`owner:` in the parent's file).",
        "zh": "上级“{parent}”没有 OKR。请检查负责人 id 的拼写（即上级文件里的 `owner:`）。",
    },
    "parent-below": {
        "en": "The parent '{parent}' is {parent_level} OKR set, below this {level} one. A "
        "parent is the team or company above.",
        "zh": "上级“{parent}”是{parent_level}的 OKR，比这份{level}的 OKR 层级还低。"
        "上级应该是上一层的团队或公司。",
    },
    "unresolved-reference": {
        "en": "Objective {objective} aligns to '{reference}', but {why}.",
        "zh": "目标 {objective} 对齐到“{reference}”，但{why}。",
    },
    "unresolved-reference.no-set-in-cycle": {
        "en": "'{owner}' has no OKR set in cycle {cycle}",
        "zh": "“{owner}”在周期 {cycle} 没有 OKR",
    },
    "unresolved-reference.no-set-around": {
        "en": "'{owner}' has no OKR set in cycle {cycle} or a cycle around it",
        "zh": "“{owner}”在周期 {cycle} 及包含它的周期里都没有 OKR",
    },
    "unresolved-reference.no-objective": {
        "en": "{set} has no objective '{objective}' (it has {known})",
        "zh": "{set} 没有目标“{objective}”（它有 {known}）",
    },
    "unresolved-reference.no-key-result": {
        "en": "objective {objective} has no key result '{key_result}' (it has {known})",
        "zh": "目标 {objective} 没有关键结果“{key_result}”（它有 {known}）",
    },
    "self-alignment": {
        "en": "Objective {objective} aligns to '{reference}' in its own OKR set. Align to the "
        "objective or key result of a parent or collaborator instead.",
        "zh": "目标 {objective} 对齐到了自己这份 OKR 里的“{reference}”。请改为对齐上级或协作方的"
        "目标或关键结果。",
    },
    "alignment-down": {
        "en": "This {level} objective aligns to '{reference}', {target_level} OKR set below "
        "it. Alignment goes up the tree: the lower level takes on part of the higher one's "
        "goals.",
        "zh": "这个{level}目标对齐到了“{reference}”，那是比它层级低的{target_level} OKR。"
        "对齐应该向上：下级承接上级的一部分目标。",
    },
    "alignment-cycle": {
        "en": "These objectives align to each other in a loop: {loop}. Alignment must lead up "
        "the tree; remove one of the links.",
        "zh": "这些目标互相对齐，绕成了一个圈：{loop}。对齐必须一路向上，请删掉其中一个对齐。",
    },
}
