"""Labels of the generated pages in English and Chinese, and dates and numbers per language."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "okrs": "OKRs",
        "home_intro": "Every OKR set of every level and cycle, open to everyone.",
        "cycles": "Cycles",
        "cycle": "Cycle",
        "current": "current",
        "running": "running",
        "ended": "ended",
        "upcoming": "upcoming",
        "sets": "OKR sets",
        "objectives": "Objectives",
        "objective": "Objective",
        "key_results": "Key results",
        "key_result": "Key result",
        "average_score": "Average score",
        "on_track_krs": "KRs on track",
        "score": "Score",
        "progress": "Progress",
        "expected": "expected by today",
        "level_company": "Company",
        "level_team": "Teams",
        "level_individual": "Individuals",
        "level_company_one": "company",
        "level_team_one": "team",
        "level_individual_one": "individual",
        "owner": "Owner",
        "parent": "Parent",
        "last_checkin": "Last check-in",
        "never": "never",
        "flags": "Flags",
        "flag_errors": "errors",
        "flag_stale": "stale",
        "flag_unaligned": "unaligned",
        "tree": "Alignment tree",
        "tree_intro": "The company's objectives are the crown, teams the trunk, individuals the leaves.",
        "unaligned_heading": "Aligned to nothing",
        "unaligned_none": "Every team and individual objective aligns to something.",
        "type_committed": "committed",
        "type_aspirational": "aspirational",
        "aligns_to": "Aligns to",
        "supported_by": "Supported by",
        "weight": "weight",
        "done": "done",
        "not_done": "not done",
        "dropped": "dropped",
        "reason": "Reason",
        "checkins": "Check-ins",
        "notes": "Notes",
        "members": "Members' OKR sets",
        "edit": "Edit this OKR set",
        "history": "History",
        "history_of": "All cycles of",
        "problems": "Problems",
        "problems_intro": "Every problem found in the OKR files. Each links to its file and line.",
        "problems_none": "No problems: every OKR file is valid.",
        "severity": "Severity",
        "file": "File",
        "message": "Problem",
        "code": "Code",
        "no_sets": "No OKR sets yet.",
        "score_manual": "scored by hand",
        "on-track": "on track",
        "behind": "behind",
        "at-risk": "at risk",
        "source": "source",
        "body": "Notes",
        "export": "All data as JSON",
        "date_range": "{start} to {end}",
        "unmeasured": "not measurable",
        "milestone": "milestone",
    },
    "zh": {
        "okrs": "OKR",
        "home_intro": "所有层级、所有周期的 OKR,全员透明。",
        "cycles": "周期",
        "cycle": "周期",
        "current": "当前",
        "running": "进行中",
        "ended": "已结束",
        "upcoming": "未开始",
        "sets": "OKR",
        "objectives": "目标",
        "objective": "目标",
        "key_results": "关键结果",
        "key_result": "关键结果",
        "average_score": "平均得分",
        "on_track_krs": "进度正常的 KR",
        "score": "得分",
        "progress": "进度",
        "expected": "按时间应达到",
        "level_company": "公司",
        "level_team": "团队",
        "level_individual": "个人",
        "level_company_one": "公司",
        "level_team_one": "团队",
        "level_individual_one": "个人",
        "owner": "负责人",
        "parent": "上级",
        "last_checkin": "最近更新",
        "never": "从未",
        "flags": "提示",
        "flag_errors": "有错误",
        "flag_stale": "超过两周未更新",
        "flag_unaligned": "未对齐",
        "tree": "对齐树",
        "tree_intro": "公司战略目标是树冠,团队目标是树干,个人 OKR 是树叶。",
        "unaligned_heading": "未对齐的目标",
        "unaligned_none": "所有团队和个人目标都已对齐。",
        "type_committed": "承诺型",
        "type_aspirational": "挑战型",
        "aligns_to": "对齐到",
        "supported_by": "被以下目标支撑",
        "weight": "权重",
        "done": "已完成",
        "not_done": "未完成",
        "dropped": "已放弃",
        "reason": "原因",
        "checkins": "每周更新",
        "notes": "备注",
        "members": "成员的 OKR",
        "edit": "编辑此 OKR",
        "history": "历史",
        "history_of": "历次周期:",
        "problems": "问题",
        "problems_intro": "OKR 文件中发现的所有问题,每条都链接到对应文件和行。",
        "problems_none": "没有问题:所有 OKR 文件都有效。",
        "severity": "级别",
        "file": "文件",
        "message": "问题",
        "code": "代码",
        "no_sets": "还没有 OKR。",
        "score_manual": "手动评分",
        "on-track": "进度正常",
        "behind": "落后",
        "at-risk": "有风险",
        "source": "源文件",
        "body": "说明",
        "export": "全部数据(JSON)",
        "date_range": "{start} 至 {end}",
        "unmeasured": "不可衡量",
        "milestone": "里程碑",
    },
}
_LOCALES = {"en": "en", "zh": "zh_Hans_CN"}


def language_of(theme_language: str | None) -> str:
    """`zh`, `zh-Hans`, `zh_TW` -> zh; everything else falls back to English."""
    if theme_language and theme_language.lower().replace("_", "-").split("-")[0] == "zh":
        return "zh"
    return "en"


class Labels:
    """Labels and formats of one language, as the templates use them."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LABELS else "en"
        self.texts = LABELS[self.language]
        self.locale = _LOCALES[self.language]

    def __getitem__(self, key: str) -> str:
        return self.texts.get(key) or LABELS["en"][key]

    def date(self, day: dt.date | None) -> str:
        if day is None:
            return self["never"]
        return format_date(day, format="medium", locale=self.locale)

    def number(self, value: float | None) -> str:
        if value is None:
            return "–"
        return format_decimal(value, format="#,##0.##", locale=self.locale)

    def percent(self, value: float | None) -> str:
        if value is None:
            return "–"
        return f"{round(value * 100)} %"

    def score(self, value: float | None) -> str:
        """Scores are shown with two decimals, as 0-1 grades are (0.65)."""
        if value is None:
            return "–"
        return f"{value:.2f}"
