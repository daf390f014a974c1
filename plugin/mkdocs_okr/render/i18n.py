"""Labels of the generated pages in English and Chinese, and dates and numbers per language."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

from ..core import messages
from ..core.figures import hundredths, shown

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
        # Between a label and its value ("Last check-in: 5 Jan"): a Chinese label takes the
        # full-width colon with no space ("最近更新：1月5日"). Every page and `okr diff` use it.
        "label_colon": ": ",
        "never": "never",
        "flags": "Flags",
        "flag_errors": "errors",
        "flag_stale": "stale",
        "flag_unaligned": "unaligned",
        "tree": "Alignment tree",
        "tree_intro": "The company's objectives are the crown, teams the trunk, individuals the leaves.",
        "tree_context": "from an enclosing cycle",
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
        "draft": "draft",
        "draft_note": "A draft: it does not count in the cycle's figures until its owner has "
        "rewritten it and deleted the line status: draft.",
        "reason": "Reason",
        "checkins": "Check-ins",
        # The owner's judgement in a check-in (`status:`), as the check-in form words it.
        "checkin_on-track": "on track",
        "checkin_at-risk": "at risk",
        "checkin_off-track": "off track",
        "notes": "Notes",
        "members": "Members' OKR sets",
        "edit": "Edit this OKR set",
        "history": "History",
        "history_of": "All cycles of",
        "problems": "Problems",
        "problems_intro": "Every problem found in the OKR files. Each links to its file and line.",
        "problems_none": "No problems: every OKR file is valid.",
        "set_has_errors": "Errors found in this OKR set's file: {count}. This page shows the "
        "parts that could be read.",
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
        "verdict": "Verdict",
        "verdict_achieved": "achieved",
        "verdict_acceptable": "acceptable",
        "verdict_missed": "missed",
        "verdict_too-ambitious": "too ambitious",
        "verdict_below-sweet-spot": "below the sweet spot",
        "verdict_sweet-spot": "sweet spot",
        "verdict_above-sweet-spot": "above the sweet spot",
        "verdict_not-ambitious": "1.0: ambitious enough?",
        "explain_achieved": "Committed, and fully delivered.",
        "explain_acceptable": "Committed: {acceptable} to below 1.0 is acceptable.",
        "explain_missed": "Committed, but below {acceptable}: the team owes a note why.",
        "explain_too-ambitious": "Below {floor}: too ambitious, or poorly executed.",
        "explain_below-sweet-spot": "Aspirational, below the sweet spot of {low}-{high}.",
        "explain_sweet-spot": "Aspirational: {low}-{high} is very good.",
        "explain_above-sweet-spot": "Aspirational, above {high}: strong. Was it a stretch?",
        "explain_not-ambitious": "Aspirational at 1.0: the goal may not have been ambitious enough.",
        "flag_too-easy": "aspirational objectives at 1.0 cycle after cycle: set bolder goals",
        "flag_keeps-missing": "committed objectives missed cycle after cycle",
        "week": "This week",
        "week_intro": "For the weekly meeting: what moved in the 7 days from {start} to {end}, who has not checked in, and what is behind.",
        "week_none": "No cycle is running today.",
        "week_all_teams": "Every team's week",
        "pages": "Pages",
        "tree_below": "Its subtree: {count} objectives below",
        "tree_inner": "Trees of the cycles inside it",
        "tree_whole": "The whole tree",
        "team": "Team",
        "moved": "Moved this week",
        "moved_none": "No check-in this week.",
        "silent": "No check-in this week",
        "silent_none": "Everyone checked in.",
        "lagging": "Behind or at risk",
        "lagging_none": "Nothing is behind.",
        # The week index's columns: what each count counts.
        "week_moved_krs": "Key results moved this week",
        "week_silent_sets": "OKR sets without a check-in this week",
        "week_lagging_krs": "Key results behind or at risk",
        "before": "before",
        "trend": "Trend",
        "now": "now",
        "other_sets": "Other OKR sets",
        "review": "Cycle review",
        "review_intro": "Retrospective (复盘) of the cycle: how objectives scored, judged by their type, and what each owner learned.",
        "not_graded": "Not graded yet: the cycle is running and not every key result has a final score.",
        "distribution": "Score distribution",
        "distribution_label": "Objective scores of level {level}: {counts}",
        "missed_committed": "Committed objectives missed",
        "aspirational_full": "Aspirational objectives at 1.0",
        "under_floor": "Objectives under {floor}",
        "none": "None.",
        "retrospectives": "Retrospectives",
        "no_retrospective": "no retrospective written yet",
        "calibration": "Calibration",
        "calibration_intro": "Each owner's score per graded cycle. A score that is always 1.0 may mean goals are not ambitious; one that keeps missing, that commitments are too big.",
        "trend_label": "{title}: {current} of {target} (start {start}); the straight line is the expected progress.",
        "scores_label": "Scores of {name} per cycle: {scores}",
    },
    "zh": {
        "okrs": "OKR",
        "home_intro": "所有层级、所有周期的 OKR，全员透明。",
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
        "label_colon": "：",
        "never": "从未",
        "flags": "提示",
        "flag_errors": "有错误",
        "flag_stale": "超过两周未更新",
        "flag_unaligned": "未对齐",
        "tree": "对齐树",
        "tree_intro": "公司战略目标是树冠，团队目标是树干，个人 OKR 是树叶。",
        "tree_context": "上级周期",
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
        "draft": "草稿",
        "draft_note": "这是草稿：负责人改写完并删掉 status: draft 这一行之前，不计入本周期的统计。",
        "reason": "原因",
        "checkins": "每周更新",
        "checkin_on-track": "正常",
        "checkin_at-risk": "有风险",
        "checkin_off-track": "已延期",
        "notes": "备注",
        "members": "成员的 OKR",
        "edit": "编辑此 OKR",
        "history": "历史",
        "history_of": "历次周期：",
        "problems": "问题",
        "problems_intro": "OKR 文件中发现的所有问题，每条都链接到对应文件和行。",
        "problems_none": "没有问题：所有 OKR 文件都有效。",
        "set_has_errors": "这份 OKR 的文件中发现 {count} 个错误，本页只显示能读出的部分。",
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
        "export": "全部数据（JSON）",
        "date_range": "{start} 至 {end}",
        "unmeasured": "不可衡量",
        "milestone": "里程碑",
        "verdict": "评价",
        "verdict_achieved": "达成",
        "verdict_acceptable": "可接受",
        "verdict_missed": "未达成",
        "verdict_too-ambitious": "过于激进",
        "verdict_below-sweet-spot": "低于理想区间",
        "verdict_sweet-spot": "理想区间",
        "verdict_above-sweet-spot": "高于理想区间",
        "verdict_not-ambitious": "满分：挑战够吗？",
        "explain_achieved": "承诺型目标，已全部完成。",
        "explain_acceptable": "承诺型目标：{acceptable} 到 1.0 以下可以接受。",
        "explain_missed": "承诺型目标低于 {acceptable}：团队需要说明原因。",
        "explain_too-ambitious": "低于 {floor}：目标太激进，或执行不到位。",
        "explain_below-sweet-spot": "挑战型目标，低于 {low}-{high} 的理想区间。",
        "explain_sweet-spot": "挑战型目标：{low}-{high} 已经非常好。",
        "explain_above-sweet-spot": "挑战型目标高于 {high}：表现很好，目标够有挑战吗？",
        "explain_not-ambitious": "挑战型目标拿到 1.0：目标可能不够有挑战性。",
        "flag_too-easy": "挑战型目标连续多个周期满分：目标可以更大胆",
        "flag_keeps-missing": "承诺型目标连续多个周期未达成",
        "week": "本周",
        "week_intro": "周会用：{start} 至 {end} 这 7 天里的进展、谁还没有更新、哪些 KR 落后。",
        "week_none": "今天没有进行中的周期。",
        "week_all_teams": "所有团队的本周",
        "pages": "页",
        "tree_below": "它的子树：下面还有 {count} 个目标",
        "tree_inner": "其中各周期的对齐树",
        "tree_whole": "整棵对齐树",
        "team": "团队",
        "moved": "本周有进展",
        "moved_none": "本周没有更新。",
        "silent": "本周未更新",
        "silent_none": "所有人都已更新。",
        "lagging": "落后或有风险",
        "lagging_none": "没有落后的 KR。",
        "week_moved_krs": "本周有进展的 KR",
        "week_silent_sets": "本周未更新的 OKR",
        "week_lagging_krs": "落后或有风险的 KR",
        "before": "之前",
        "trend": "趋势",
        "now": "现在",
        "other_sets": "其他 OKR",
        "review": "周期复盘",
        "review_intro": "本周期的复盘：各目标得分（按目标类型评价），以及每位负责人的总结与经验。",
        "not_graded": "尚未评分：周期仍在进行，且并非每个 KR 都已打分。",
        "distribution": "得分分布",
        "distribution_label": "{level}目标得分分布：{counts}",
        "missed_committed": "未达成的承诺型目标",
        "aspirational_full": "满分的挑战型目标",
        "under_floor": "低于 {floor} 的目标",
        "none": "无。",
        "retrospectives": "复盘",
        "no_retrospective": "尚未填写复盘",
        "calibration": "校准",
        "calibration_intro": "每位负责人在各个已评分周期的得分。总是满分可能说明目标不够有挑战；总是未达成可能说明承诺过大。",
        "trend_label": "{title}：当前 {current}，目标 {target}（起点 {start}）；直线为按时间应达到的进度。",
        "scores_label": "{name} 各周期得分：{scores}",
    },
}
_LOCALES = {"en": "en", "zh": "zh_Hans_CN"}


language_of = messages.language_of


# Babel parses the locale and the pattern on every call; a site shows the same dates and
# numbers thousands of times (every check-in of every set).
@lru_cache(maxsize=1 << 16)
def _format_date(day: dt.date, locale: str) -> str:
    return format_date(day, format="medium", locale=locale)


@lru_cache(maxsize=1 << 16)
def _format_number(value: float, locale: str) -> str:
    return format_decimal(value, format="#,##0.##", locale=locale)


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
        return _format_date(day, self.locale)

    def number(self, value: float | None) -> str:
        if value is None or isinstance(value, bool):
            return "–"
        return _format_number(value, self.locale)

    @staticmethod
    def whole_percent(value: float) -> int:
        """0.725 -> 73 (the one rounding rule: core.figures)."""
        return hundredths(value)

    def percent(self, value: float | None) -> str:
        if value is None:
            return "–"
        return f"{self.whole_percent(value)} %"

    @staticmethod
    def edge(value: float) -> str:
        """A band edge from the options, short as people write it (0.4, 0.85) and rounded as
        every score is (0.855 -> 0.86: the edge that verdicts judge by)."""
        return f"{shown(value):g}"

    def score(self, value: float | None) -> str:
        """Scores are shown with two decimals, as 0-1 grades are (0.65)."""
        if value is None:
            return "–"
        return f"{shown(value):.2f}"
