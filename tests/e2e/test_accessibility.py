"""Every employee can read the site: axe-core in both palettes, the keyboard, screen readers.

axe-core comes from the npm registry (tests/e2e/package.json pins it; `npm ci --prefix
tests/e2e` installs it) and is injected into each page from node_modules, never from a CDN.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from ..build.sitetools import run_mkdocs, write_project
from .browser import serve

pytestmark = pytest.mark.e2e

E2E = Path(__file__).resolve().parent

PAGES = {
    "home": "okr/",
    "cycle": "okr/2026-Q4/",
    "tree": "okr/2026-Q4/tree/",
    "set": "okr/2026-Q4/social-media/",
    "month": "okr/2026-11/social-media/",
    "review": "okr/2026-Q3/review/",
    "week": "okr/week/",
}
# Material's palette for each colour scheme the browser asks for (mkdocs.yml picks by media query).
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = ("serious", "critical")


def _pinned_axe_version() -> str:
    return str(
        json.loads((E2E / "package.json").read_text(encoding="utf-8"))["dependencies"]["axe-core"]
    )


def _new_page(browser: Browser, scheme: str = "light") -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def _run_axe(page: Page, axe: Path) -> list[dict[str, Any]]:
    """axe's violations on the whole page, Material's chrome included (no rule is left out)."""
    page.add_script_tag(path=str(axe))
    assert page.evaluate("axe.version") == _pinned_axe_version()
    violations: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return violations


def _describe(violations: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for violation in violations:
        lines.append(
            f"{violation['impact']} {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:8]:
            summary = " ".join(str(node.get("failureSummary") or "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}\n        {summary[:400]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violation(
    browser: Browser, example_url: str, axe_script: Path, name: str, scheme: str
) -> None:
    page = _new_page(browser, scheme)
    try:
        page.goto(example_url + PAGES[name], wait_until="networkidle")
        # The palette really switched, or the dark run would test the light one again.
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        assert page.locator(".okr").count() == 1
        violations = _run_axe(page, axe_script)
    finally:
        page.context.close()
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {PAGES[name]} ({scheme}):\n{_describe(blocking)}"


def test_the_axe_run_catches_a_serious_violation(
    browser: Browser, tmp_path: Path, axe_script: Path
) -> None:
    """The control: the same run finds a serious violation in a page made to have one."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
        '<p style="color:#aaa;background:#fff">faint text</p><img src="x.png">'
        "</main></body></html>",
        encoding="utf-8",
    )
    page = _new_page(browser)
    try:
        with serve(tmp_path) as url:
            page.goto(url)
            violations = _run_axe(page, axe_script)
    finally:
        page.context.close()
    found = {v["id"]: v for v in violations if v["impact"] in BLOCKING}
    assert {"color-contrast", "image-alt"} <= set(found), _describe(violations)
    targets = [" ".join(node["target"]) for node in found["color-contrast"]["nodes"]]
    assert targets == ["p"]


_FOCUS_STYLE = """
(element) => {
  const style = getComputedStyle(element);
  return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join(' | ');
}
"""

_MARK_TARGETS = """
() => {
  const targets = Array.from(document.querySelectorAll('.okr a[href], .okr summary'))
    .filter((element) => element.checkVisibility());
  targets.forEach((element, index) => element.setAttribute('data-tab-target', String(index)));
  return targets.length;
}
"""

_ACTIVE = """
() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  return {
    target: element.getAttribute('data-tab-target'),
    style: [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join(' | '),
    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== 'none',
  };
}
"""


def test_keyboard_reaches_every_link_with_a_visible_focus(
    browser: Browser, example_url: str
) -> None:
    page = _new_page(browser)
    try:
        page.goto(example_url + PAGES["set"], wait_until="networkidle")
        count = page.evaluate(_MARK_TARGETS)
        assert count >= 10
        unfocused = {
            str(index): page.locator(f"[data-tab-target='{index}']").evaluate(_FOCUS_STYLE)
            for index in range(count)
        }
        tabbable = page.evaluate(
            "document.querySelectorAll('a[href], button, input, summary, [tabindex]').length"
        )
        reached: dict[str, dict[str, Any]] = {}
        for _ in range(tabbable + 10):
            page.keyboard.press("Tab")
            active = page.evaluate(_ACTIVE)
            if active is not None and active["target"] is not None:
                reached.setdefault(active["target"], active)
    finally:
        page.context.close()
    missed = sorted(set(unfocused) - set(reached), key=int)
    assert not missed, f"Tab never reaches {len(missed)} of {count} links: {missed[:10]}"
    invisible = [
        index
        for index, active in reached.items()
        if not active["visible"] or active["style"] == unfocused[index]
    ]
    assert not invisible, (
        f"no visible focus on targets {invisible[:10]}: {[reached[i]['style'] for i in invisible[:3]]}"
    )


_BARS = """
() => Array.from(document.querySelectorAll('[role=progressbar]')).map((bar) => ({
  label: bar.getAttribute('aria-label'),
  valuetext: bar.getAttribute('aria-valuetext'),
  now: bar.getAttribute('aria-valuenow'),
  min: bar.getAttribute('aria-valuemin'),
  max: bar.getAttribute('aria-valuemax'),
  shown: bar.querySelector('.okr-bar__text')?.textContent ?? '',
}))
"""


def _check_bars(page: Page) -> list[dict[str, Any]]:
    """Every bar has a name and a value text a screen reader reads; returns the bars."""
    bars: list[dict[str, Any]] = page.evaluate(_BARS)
    for bar in bars:
        assert bar["label"] and bar["label"].strip(), bar
        assert bar["valuetext"] and bar["valuetext"].strip(), bar
        assert (bar["min"], bar["max"]) == ("0", "100"), bar
        if bar["now"] is not None:
            assert bar["valuetext"] == f"{bar['now']} %" == bar["shown"], bar
    # The accessibility tree (what a screen reader gets) holds each bar by its name.
    snapshot = page.locator("body").aria_snapshot()
    named = re.findall(r'- progressbar "([^"]+)"', snapshot)
    assert sorted(named) == sorted(bar["label"] for bar in bars)
    return bars


@pytest.mark.parametrize("name", list(PAGES))
def test_bars_have_a_name_and_a_value_for_screen_readers(
    browser: Browser, example_url: str, name: str
) -> None:
    page = _new_page(browser)
    try:
        page.goto(example_url + PAGES[name])
        bars = _check_bars(page)
    finally:
        page.context.close()
    if name != "week":  # the week page shows trends, not bars
        assert bars


UNSCORED = """---
cycle: 2024
owner: company
name: ACME
level: company
objectives:
  - title: Grow
    key_results:
      - {title: Revenue, target: 100, current: 40}
  - title: Everything dropped
    key_results:
      - {title: Old plan, target: 5, status: dropped, reason: replaced}
---
"""


@pytest.fixture(scope="module")
def unscored_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = write_project(tmp_path_factory.mktemp("unscored"), {"2024/company.md": UNSCORED})
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


def test_a_bar_without_a_score_still_says_so(browser: Browser, unscored_url: str) -> None:
    page = _new_page(browser)
    try:
        page.goto(unscored_url + "okr/2024/company/")
        bars = {bar["label"]: bar for bar in _check_bars(page)}
    finally:
        page.context.close()
    assert bars["Score O2"]["now"] is None
    assert bars["Score O2"]["valuetext"] == "not measurable"
