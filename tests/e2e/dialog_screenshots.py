"""Photographs of the check-in dialog for docs/checkin-from-browser.md (called by screenshots.py).

The dialog is filled in as a reader would fill it in: a slider dragged, a status and a note.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

SET_PAGE = "okr/2026-Q4/social-media/"


def photograph_dialog(page: Page, url: str, out: Path, scheme: str) -> Path:
    """The check-in dialog of the example's social-media set, open and filled in."""
    page.goto(url + SET_PAGE)
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="更新进度").click()
    dialog = page.locator("dialog.okr-dialog[open]")
    first = dialog.locator("fieldset[data-okr-kr='O1/KR1']")
    slider = first.get_by_role("slider")
    slider.focus()
    slider.press("Home")
    for _ in range(80):
        slider.press("ArrowRight")
    first.get_by_role("combobox").select_option("on track")
    first.get_by_role("textbox").fill("圣诞倒计时 Reels 带来 400 个新粉丝")
    second = dialog.locator("fieldset[data-okr-kr='O1/KR2']")
    second.get_by_role("combobox").select_option("at risk")
    second.get_by_role("textbox").fill("受算法调整影响，互动率回落")
    slider.focus()
    target = out / f"checkin-dialog-{scheme}.png"
    page.screenshot(path=str(target), full_page=False)
    page.keyboard.press("Escape")
    return target
