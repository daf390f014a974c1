"""Take the screenshots shown in docs/ and the README (run by `make screenshots`).

Builds the example site, serves it on loopback and photographs the home, the alignment tree and
a set page, in the light and the dark palette, with Debian's Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.build.sitetools import REPO, copy_example, run_mkdocs
from tests.e2e.browser import launch, serve
from tests.e2e.dialog_screenshots import photograph_dialog

SHOTS = {
    "home": "okr/",
    "tree": "okr/2026-Q4/tree/",
    "set": "okr/2026-Q4/social-media/",
}


def main() -> int:
    out = REPO / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        project = copy_example(Path(temporary))
        result = run_mkdocs(project)
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return 1
        with serve(project / "site") as url, sync_playwright() as playwright:
            browser = launch(playwright)
            for scheme in ("light", "dark"):
                context = browser.new_context(
                    viewport={"width": 1280, "height": 900},
                    color_scheme=scheme,
                    device_scale_factor=1,
                )
                page = context.new_page()
                for name, path in SHOTS.items():
                    page.goto(url + path)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=False)
                    print(target.relative_to(REPO))
                print(photograph_dialog(page, url, out, scheme).relative_to(REPO))  # dialog hook
                context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
