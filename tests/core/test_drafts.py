"""Sets written by `okr new` and `okr carry` are drafts (`status: draft`) until a person rewrites
them: marked on the site, left out of the cycle's figures; their placeholders are warned about
once the mark is gone, and a retrospective prompt is not shown as if written."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_okr.core import review
from mkdocs_okr.core.draft import TEXTS
from mkdocs_okr.core.newset import new_set
from mkdocs_okr.core.organisation import Organisation, analyse
from mkdocs_okr.core.retrospective import retrospective
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.render import RenderOptions, render_pages

COMPANY = """---
cycle: 2024-Q1
owner: company
name: 公司
level: company
objectives:
  - id: O1
    title: 成为类目前三
    type: committed
    key_results:
      - {id: KR1, title: GMV 1000 万, target: 1000, current: 500, score: 0.3}
---
"""


def organisation(draft_text: str) -> Organisation:
    return analyse(
        [("2024-Q1/company.md", COMPANY.encode()), ("2024-Q1/brand.md", draft_text.encode())],
        Settings(),
    )


def brand(status: str = "draft", language: str = "zh") -> str:
    text = new_set("2024-Q1", "brand", "team", parent="company", language=language)
    text = text.replace("  - id: O1\n", "  - id: O1\n    aligns: company/O1\n", 1)
    text = text.replace("    key_results:", "    key_results:", 1)
    if status != "draft":
        text = text.replace("status: draft\n", "" if status == "" else f"status: {status}\n")
    # A graded KR, so the draft would weigh on every figure if it were counted.
    return text.replace("        target: 100\n", "        target: 100\n        score: 1\n")


def test_okr_new_writes_a_draft_that_passes_check() -> None:
    organisation_ = organisation(brand())
    okr_set = organisation_.get("2024-Q1", "brand")
    assert okr_set is not None and okr_set.draft
    assert [d.code for d in organisation_.diagnostics if d.path == "2024-Q1/brand.md"] == []


@pytest.mark.parametrize("status", ["", "active"])
def test_a_set_that_is_not_a_draft_warns_about_each_placeholder_title(status: str) -> None:
    organisation_ = organisation(brand(status))
    okr_set = organisation_.get("2024-Q1", "brand")
    assert okr_set is not None and not okr_set.draft
    found = [
        (d.code, d.line, d.message_in("zh"))
        for d in organisation_.diagnostics
        if d.path == "2024-Q1/brand.md"
    ]
    objective, key_result = TEXTS["zh"]["objective"], TEXTS["zh"]["key_result"]
    lines = brand(status).split("\n")
    assert found == [
        (
            "placeholder-text",
            next(n for n, line in enumerate(lines, 1) if line == "  - id: O1"),
            f"“{objective}”是新建 OKR 集的占位文字：请改写；还没写好的话，请把这个集标为 "
            "`status: draft`。",
        ),
        (
            "placeholder-text",
            next(n for n, line in enumerate(lines, 1) if line.endswith(key_result)),
            f"“{key_result}”是新建 OKR 集的占位文字：请改写；还没写好的话，请把这个集标为 "
            "`status: draft`。",
        ),
    ]


def test_a_placeholder_partly_rewritten_is_still_a_placeholder() -> None:
    text = brand("").replace("通过措施 X，实现鼓舞人心的结果 Y", "通过短视频提升影响力")
    codes = [d.code for d in organisation(text).diagnostics if d.path == "2024-Q1/brand.md"]
    assert codes == ["placeholder-text", "placeholder-text"]


def test_a_draft_stays_out_of_the_cycle_figures_and_the_review() -> None:
    today = dt.date(2024, 4, 15)  # the cycle has ended: every set is graded
    settings = Settings()
    counted = organisation(brand("active"))
    drafted = organisation(brand())
    cycle = counted.sets[0].cycle
    with_it = review.cycle_figures(counted.sets_in("2024-Q1"), cycle, today, settings)
    without = review.cycle_figures(drafted.sets_in("2024-Q1"), cycle, today, settings)
    assert (with_it.sets, with_it.objectives, with_it.key_results) == (2, 2, 2)
    assert (without.sets, without.objectives, without.key_results) == (1, 1, 1)
    assert without.average == pytest.approx(0.3)
    draft_set = drafted.get("2024-Q1", "brand")
    assert draft_set is not None and not review.is_graded(draft_set, today)
    judged = review.judged_objectives(drafted.sets_in("2024-Q1"), today, settings)
    assert [j.okr_set.owner for j in judged] == ["company"]
    graded = [s for s in drafted.sets_in("2024-Q1") if review.is_graded(s, today)]
    assert sum(sum(counts) for counts in review.histogram(graded).values()) == 1


def test_the_site_marks_a_draft_on_its_page_and_in_rows_of_sets() -> None:
    pages = {
        p.path: p.markdown
        for p in render_pages(organisation(brand()), RenderOptions(today=dt.date(2024, 2, 1)))
    }
    badge = '<span class="okr-badge okr-badge--draft">draft</span>'
    brand_page = pages["okr/2024-Q1/brand/index.md"]
    assert f'<p class="okr-draft-note">{badge} A draft: it does not count' in brand_page
    company_page = pages["okr/2024-Q1/company/index.md"]
    assert "okr-draft-note" not in company_page
    # In every table of sets, the draft's row only: the company's teams, the cycle's sets.
    assert company_page.count(badge) == 1
    assert pages["okr/2024-Q1/index.md"].count(badge) == 1
    counted = render_pages(organisation(brand("active")), RenderOptions(today=dt.date(2024, 2, 1)))
    assert not any("okr-badge--draft" in p.markdown for p in counted)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_retrospective_prompt_alone_is_not_a_retrospective(language: str) -> None:
    body = new_set("2024-Q1", "brand", "company", language=language).split("---\n", 2)[2]
    assert retrospective(body) is None
    # Rewrapped by an editor, it is still the prompt.
    prompt = TEXTS[language]["retrospective_text"]
    assert retrospective(body.replace(prompt, prompt.replace(" ", "\n", 2))) is None
    # Something written under it is the retrospective, without the prompt.
    written = body + "\n做得好：短视频。\n\n没做好：直播。\n"
    assert retrospective(written) == "做得好：短视频。\n\n没做好：直播。"


def test_the_review_page_leaves_out_a_prompt_only_retrospective() -> None:
    company = COMPANY + "\n## 复盘\n\n" + TEXTS["zh"]["retrospective_text"] + "\n"
    organisation_ = analyse([("2024-Q1/company.md", company.encode())], Settings())
    pages = render_pages(organisation_, RenderOptions(today=dt.date(2024, 4, 15)))
    review_page = next(p for p in pages if p.path == "okr/2024-Q1/review/index.md").markdown
    assert TEXTS["zh"]["retrospective_text"] not in review_page
