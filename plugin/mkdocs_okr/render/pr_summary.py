"""`okr diff` as Markdown: a compact review summary fit for a pull-request comment.

Every text written by a contributor (titles, names, notes, paths, messages) is escaped for
Markdown before it reaches the comment: a title must not open a link or an image, close a table
cell, ping someone with @, or become raw HTML. The template's `finalize` escapes every value
printed with `{{ }}` unless the renderer built it as `Md` (Markdown made of escaped parts), the
way autoescape works for HTML.
"""

from __future__ import annotations

import re
import string
from typing import Any

import jinja2

from ..core.compare import (
    Change,
    Flag,
    KeyResultDiff,
    ObjectiveDiff,
    OrganisationDiff,
    SetDiff,
    same,
)
from ..core.diagnostics import Diagnostic
from ..core.figures import hundredths, shown
from .i18n import LABELS as PAGE_LABELS

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "OKR changes",
        "working_tree": "working tree",
        "empty": "No changes to OKRs ({base} → {head}).",
        "sets_changed": "{count} OKR sets changed",
        "flags_count": "⚠ {count} to look at twice",
        "diagnostics_count": "problems: {introduced} introduced, {fixed} fixed",
        "look_twice": "⚠ Look twice",
        "status_added": "added",
        "status_removed": "removed",
        "status_changed": "changed",
        "status_unchanged": "",
        "status_broken": "does not parse any more",
        "status_repaired": "parses again",
        "renamed_from": "moved from {path}",
        "score": "score",
        "body_changed": "notes changed",
        "item": "",
        "col_title": "Title",
        "col_change": "Change",
        "col_progress": "Progress / score",
        "checkins": "{count} new check-ins",
        "checkin": "1 new check-in",
        "checkins_edited": "{count} check-ins edited",
        "checkin_edited": "1 check-in edited",
        "checkins_removed": "{count} check-ins removed",
        "checkin_removed": "1 check-in removed",
        "done": "done",
        "not_done": "not done",
        "retitled": "retitled, was: {old}",
        "field_title": "title",
        "field_kind": "kind",
        "field_start": "start",
        "field_target": "target",
        "field_unit": "unit",
        "field_weight": "weight",
        "field_status": "status",
        "field_reason": "reason",
        "field_score": "manual score",
        "field_type": "type",
        "field_aligns": "aligns to",
        "field_name": "name",
        "field_level": "level",
        "field_parent": "parent",
        "nothing": "nothing",
        "files": "Files",
        "file_added": "added",
        "file_removed": "removed",
        "file_renamed": "renamed",
        "unreadable_head": "⚠ does not parse at {side}",
        "unreadable_base": "did not parse at {side}, parses now",
        "diagnostics": "Problems found by okr check",
        "introduced": "introduced",
        "fixed": "fixed",
        "severity_error": "error",
        "severity_warning": "warning",
        "severity_info": "info",
        "col_problem": "Problem",
        "col_where": "File",
        "flag_target-lowered": "target made easier to reach: {old} → {new}",
        "flag_target-changed-after-checkins": "target changed after check-ins began: {old} → {new}",
        "flag_kr-dropped": "dropped: {new}",
        "flag_kr-removed": "deleted from the file (keep it as status: dropped with a "
        "reason instead, so its history stays)",
        "flag_objective-removed": "objective deleted",
        "flag_weights-not-100": "key-result weights now sum to {new}, not 100",
        "flag_alignment-lost": "aligns to nothing any more (was {old})",
        "flag_checkins-rewritten": "earlier check-ins changed or deleted",
        "flag_made-aspirational": "made aspirational after the cycle began (was committed: "
        "its verdict would be judged against 1.0)",
        "flag_graded-not-done": "graded {new} while not done",
        "short_target-lowered": "made easier",
        "short_target-changed-after-checkins": "after check-ins began",
    },
    "zh": {
        "title": "OKR 变更",
        "working_tree": "工作区",
        "empty": "OKR 无变化（{base} → {head}）。",
        "sets_changed": "{count} 个 OKR 集有变化",
        "flags_count": "⚠ {count} 处需要留意",
        "diagnostics_count": "问题：新增 {introduced} 个，修复 {fixed} 个",
        "look_twice": "⚠ 需要留意",
        "status_added": "新增",
        "status_removed": "删除",
        "status_changed": "修改",
        "status_unchanged": "",
        "status_broken": "无法再读取",
        "status_repaired": "恢复可读",
        "renamed_from": "由 {path} 移动而来",
        "score": "得分",
        "body_changed": "正文有修改",
        "item": "",
        "col_title": "标题",
        "col_change": "变化",
        "col_progress": "进度 / 得分",
        "checkins": "{count} 次新打卡",
        "checkin": "1 次新打卡",
        "checkins_edited": "{count} 次打卡被修改",
        "checkin_edited": "1 次打卡被修改",
        "checkins_removed": "{count} 次打卡被删除",
        "checkin_removed": "1 次打卡被删除",
        "done": "已完成",
        "not_done": "未完成",
        "retitled": "改了标题，原为：{old}",
        "field_title": "标题",
        "field_kind": "类型",
        "field_start": "起点",
        "field_target": "目标值",
        "field_unit": "单位",
        "field_weight": "权重",
        "field_status": "状态",
        "field_reason": "原因",
        "field_score": "手动评分",
        "field_type": "目标类型",
        "field_aligns": "对齐",
        "field_name": "名称",
        "field_level": "层级",
        "field_parent": "上级",
        "nothing": "无",
        "files": "文件",
        "file_added": "新增",
        "file_removed": "删除",
        "file_renamed": "重命名",
        "unreadable_head": "⚠ 在 {side} 无法读取",
        "unreadable_base": "在 {side} 无法读取，现已恢复",
        "diagnostics": "okr check 发现的问题",
        "introduced": "新增",
        "fixed": "已修复",
        "severity_error": "错误",
        "severity_warning": "警告",
        "severity_info": "提示",
        "col_problem": "问题",
        "col_where": "文件",
        "flag_target-lowered": "目标被调低（更容易达成）：{old} → {new}",
        "flag_target-changed-after-checkins": "已有打卡后修改了目标：{old} → {new}",
        "flag_kr-dropped": "KR 被放弃：{new}",
        "flag_kr-removed": "KR 被直接删除（应保留并标记 status: dropped、写明原因，留下记录）",
        "flag_objective-removed": "目标被删除",
        "flag_weights-not-100": "KR 权重之和为 {new}，不是 100",
        "flag_alignment-lost": "不再对齐任何目标（原为 {old}）",
        "flag_checkins-rewritten": "之前的打卡被修改或删除",
        "flag_made-aspirational": "周期开始后由承诺型改为挑战型（承诺型要按 1.0 评判）",
        "flag_graded-not-done": "未完成却评了 {new} 分",
        "short_target-lowered": "更容易达成",
        "short_target-changed-after-checkins": "已有打卡后修改",
    },
}

# Characters that Markdown (GitHub's included) gives a meaning: links, images, emphasis, code,
# tables, raw HTML, entities, math. A backslash makes each a literal character.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&$])")
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")
_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


_TARGET_FLAGS = ("target-lowered", "target-changed-after-checkins")


class Md(str):
    """Markdown the renderer built from escaped parts: printed as it is."""


def escape(value: object) -> Md:
    """Any value as literal text in Markdown, on one line (fit for a table cell)."""
    if isinstance(value, Md):
        return value
    text = _BREAKS.sub(" ", str(value))
    text = _SPECIAL.sub(r"\\\1", text)
    # A zero-width space after @ keeps GitHub from notifying the user or team named.
    return Md(_MENTION.sub("@\u200b", text))


def _finalize(value: object) -> object:
    return "" if value is None else escape(value)


def number(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "–"
    return str(value)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{hundredths(value)}%"


def score(value: float | None) -> str:
    return "–" if value is None else f"{shown(value):.2f}"


class DiffRenderer:
    """Builds the Markdown summary of one diff in one language."""

    def __init__(self, language: str = "en") -> None:
        self.language = language if language in LABELS else "en"
        self.labels = LABELS[self.language]
        # The site's separator of a label and its value (": ", or "：" after Chinese).
        self.colon = PAGE_LABELS[self.language]["label_colon"]
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("mkdocs_okr", "templates"),
            autoescape=False,  # Markdown, not HTML: `finalize` escapes instead
            finalize=_finalize,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    def t(self, key: str, **values: object) -> Md:
        """A label with its values escaped and filled in."""
        text = self.labels.get(key, LABELS["en"].get(key, key))
        parts: list[str] = []
        for literal, name, _spec, _conversion in string.Formatter().parse(text):
            parts.append(escape(literal))
            if name is not None:
                parts.append(escape(values[name]))
        return Md("".join(parts))

    # Cells ---------------------------------------------------------------------------

    def value(self, value: object, kind: str | None = None) -> str:
        if isinstance(value, bool) or (kind == "milestone" and value is not None):
            return self.labels["done"] if value else self.labels["not_done"]
        return number(value)

    def change(self, change: Change, kind: str | None = None) -> Md:
        if change.field == "title":
            return self.t("retitled", old=change.old)
        name = escape(self.labels.get(f"field_{change.field}", change.field))
        # A grade is a number for every kind of key result (a milestone's 0.5 is not "done").
        shown_as = score if change.field == "score" else lambda v: self.value(v, kind)
        old, new = (
            escape(shown_as(v) if v not in (None, []) else self.labels["nothing"])
            for v in (change.old, change.new)
        )
        return Md(f"{name}{self.colon}{old} → {new}")

    def flag(self, flag: Flag) -> Md:
        shown_as = score if flag.code == "graded-not-done" else number
        return self.t(
            f"flag_{flag.code}",
            old=shown_as(flag.old) if flag.old is not None else self.labels["nothing"],
            new=shown_as(flag.new) if flag.new is not None else self.labels["nothing"],
        )

    def changes(
        self, changes: list[Change], flags: list[Flag], status: str, kind: str | None
    ) -> Md:
        parts: list[Md] = []
        if status in ("added", "removed"):
            parts.append(Md(f"**{self.t('status_' + status)}**"))
        # The target's flags go with the target's change, in short, so the numbers show once.
        about_target = [f for f in flags if f.code in _TARGET_FLAGS]
        for change in changes:
            if change.field == "target" and about_target:
                why = ", ".join(self.t(f"short_{f.code}") for f in about_target)
                parts.append(Md(f"⚠ {self.change(change, kind)} ({why})"))
            else:
                parts.append(self.change(change, kind))
        parts += [Md(f"⚠ {self.flag(f)}") for f in flags if f not in about_target]
        return Md("; ".join(parts))

    def kr_progress(self, kr: KeyResultDiff) -> Md:
        # The site's bar shows a KR's score (its manual score, else its progress): so does this.
        old_p, new_p = kr.score
        parts: list[str] = []
        if kr.status == "added":
            parts.append(percent(new_p))
        elif kr.status == "removed":
            parts.append(percent(old_p))
        elif not same(old_p, new_p) or kr.progressed:
            parts.append(f"{percent(old_p)} → {percent(new_p)}")
        else:
            parts.append(percent(new_p))
        details: list[Md] = []
        old_v, new_v = kr.value
        if kr.status in ("changed", "unchanged") and kr.progressed and old_v != new_v:
            unit = f" {kr.unit}" if kr.unit else ""
            details.append(
                escape(f"{self.value(old_v, kr.kind)} → {self.value(new_v, kr.kind)}{unit}")
            )
        for checkins, one, many in (
            (kr.new_checkins, "checkin", "checkins"),
            (kr.edited_checkins, "checkin_edited", "checkins_edited"),
            (kr.removed_checkins, "checkin_removed", "checkins_removed"),
        ):
            count = len(checkins)
            if count:
                details.append(self.t(one) if count == 1 else self.t(many, count=count))
        text = escape(" ".join(parts))
        return Md(f"{text} ({'; '.join(details)})" if details else text)

    def score_pair(self, pair: tuple[float | None, float | None], status: str) -> str:
        old, new = pair
        if status == "added" or old is None:
            return score(new)
        if status == "removed" or new is None:
            return score(old)
        return score(new) if same(old, new) else f"{score(old)} → {score(new)}"

    # Rows ----------------------------------------------------------------------------

    def objective_row(self, objective: ObjectiveDiff) -> dict[str, Any]:
        return {
            "ref": objective.id,
            "title": objective.title,
            "change": self.changes(objective.changes, objective.flags, objective.status, None),
            "progress": self.score_pair(objective.score, objective.status),
        }

    def kr_row(self, objective: ObjectiveDiff, kr: KeyResultDiff) -> dict[str, Any]:
        status = "removed" if objective.status == "removed" else kr.status
        return {
            "ref": f"{objective.id}/{kr.id}",
            "title": kr.title,
            "change": self.changes(kr.changes, kr.flags, status, kr.kind),
            "progress": self.kr_progress(kr),
        }

    def set_view(self, okr_set: SetDiff) -> dict[str, Any]:
        rows: list[dict[str, Any]] = []
        for objective in okr_set.objectives:
            if not objective.shown:
                continue
            rows.append(self.objective_row(objective))
            rows += [self.kr_row(objective, kr) for kr in objective.key_results if kr.shown]
        facts: list[Md] = [escape(okr_set.path)]
        if okr_set.old_path:
            facts.append(self.t("renamed_from", path=okr_set.old_path))
        if okr_set.status not in ("broken",):
            facts.append(
                Md(f"{self.t('score')} {escape(self.score_pair(okr_set.score, okr_set.status))}")
            )
        facts += [self.change(c) for c in okr_set.changes]
        if okr_set.body_changed:
            facts.append(self.t("body_changed"))
        return {
            "ref": okr_set.ref,
            "name": okr_set.name,
            "status": self.labels[f"status_{okr_set.status}"],
            "facts": Md(" · ".join(facts)),
            "rows": rows,
        }

    def diagnostic(self, diagnostic: Diagnostic, what: str) -> dict[str, Any]:
        severity = self.labels[f"severity_{diagnostic.severity.value}"]
        return {
            "what": f"{self.labels[what]} {severity}",
            "where": f"{diagnostic.path}:{diagnostic.line}",
            "message": diagnostic.message_in(self.language),
            "code": diagnostic.code,
        }

    # The whole summary ---------------------------------------------------------------

    def render(self, diff: OrganisationDiff, base: str, head: str | None) -> str:
        head_label = head if head is not None else self.labels["working_tree"]
        if diff.empty:
            return self.t("empty", base=base, head=head_label) + "\n"
        context = {
            "t": self.t,
            "colon": self.colon,
            "base": base,
            "head": head_label,
            "sets_count": len(diff.sets),
            "flags": [
                {"set": s.ref, "ref": f.ref[len(s.ref) + 1 :], "message": self.flag(f)}
                for s, f in diff.flags
            ],
            "sets": [self.set_view(s) for s in diff.sets],
            "files": [
                {
                    "status": self.labels[f"file_{f.status}"],
                    "path": f.path,
                    "old_path": f.old_path,
                }
                for f in diff.files
                if f.status != "modified"
            ],
            "unreadable": [
                {
                    "label": self.t(
                        f"unreadable_{u.side}", side=base if u.side == "base" else head_label
                    ),
                    "path": u.path,
                    "line": u.line,
                    "message": u.text.render(self.language),
                    "code": u.code,
                }
                for u in diff.unreadable
            ],
            "introduced": len(diff.introduced),
            "fixed": len(diff.fixed),
            "diagnostics": [self.diagnostic(d, "introduced") for d in diff.introduced]
            + [self.diagnostic(d, "fixed") for d in diff.fixed],
        }
        return self.env.get_template("okr/diff.md").render(context)


def render_markdown(
    diff: OrganisationDiff, base: str, head: str | None, language: str = "en"
) -> str:
    """The review summary of `diff` (`head` None: the working tree) in `language`."""
    return DiffRenderer(language).render(diff, base, head)
