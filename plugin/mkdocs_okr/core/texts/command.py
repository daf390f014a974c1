"""What the `okr` command says besides diagnostics: the summary of `okr check` and why a
command stops (cli.py). Keys start with `okr.`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "okr.summary": {
        "en": "{files} files, {sets} OKR sets: {errors} errors, {warnings} warnings.",
        "zh": "{files} 个文件，{sets} 份 OKR：{errors} 个错误，{warnings} 个警告。",
    },
    "okr.unchanged": {"en": "{file} is unchanged.", "zh": "{file} 没有改动。"},
    "okr.not-a-request": {
        "en": "'{given}' is not OBJECTIVE/KR=VALUE [STATUS] # NOTE (for example O1/KR1=6500, "
        "O1/KR1=76% or 'O1/KR1=6500 [at risk] # note').",
        "zh": "“{given}”不是 目标/关键结果=数值 [状态] # 备注 的写法（例如 O1/KR1=6500、"
        "O1/KR1=76% 或 'O1/KR1=6500 [有风险] # 备注'）。",
    },
    "okr.not-a-score-request": {
        "en": "'{given}' is not OBJECTIVE/KR=SCORE (for example O1/KR1=0.7).",
        "zh": "“{given}”不是 目标/关键结果=评分 的写法（例如 O1/KR1=0.7）。",
    },
    "okr.exists-force": {
        "en": "{path} exists; add --force to overwrite it.",
        "zh": "{path} 已经存在；加上 --force 才会覆盖它。",
    },
    "okr.exists-carry": {
        "en": "{path} exists; carry does not overwrite files.",
        "zh": "{path} 已经存在；carry 不会覆盖已有的文件。",
    },
    "okr.not-passing": {
        "en": "nothing written: the new files would not pass `okr check`.",
        "zh": "没有写入任何文件：新文件通不过 `okr check`。",
    },
    "okr.not-a-cycle": {"en": "'{cycle}' is not a cycle.", "zh": "“{cycle}”不是一个周期。"},
    "okr.same-cycle": {
        "en": "the old and the new cycle are the same.",
        "zh": "旧周期和新周期是同一个。",
    },
}
