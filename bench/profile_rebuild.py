"""Where a `mkdocs serve` rebuild spends the plugin's time (the rebuild target), step by step.

It builds a generated project once (filling the memos, as the first build of `serve` does),
then saves one individual's OKR file again and again, and times each step of the plugin's
`on_files` without a profiler: scanning the folder, analysing, the sets' keys, every page by
template, MkDocs's `File.generated`, the export. It prints the median of each step.

    python bench/profile_rebuild.py --n 5000 [--saves 5]

Run bench/build.py first (or let this script prepare the project the same way).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import prepare

os.environ["NO_MKDOCS_2_WARNING"] = "1"

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_okr.core.export import site_export
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.okrfolder import folder_sources
from mkdocs_okr.plugin import OkrPlugin
from mkdocs_okr.render import site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--saves", type=int, default=5)
    args = parser.parse_args(argv)
    project, _plain = prepare(args.n, args.seed)
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    config.plugins.on_files(Files([]), config=config)  # the first build fills the memos

    steps: dict[str, list[float]] = defaultdict(list)
    render_page = site.SitePages._page

    def timed_page(
        renderer: site.SitePages,
        path: str,
        title: str,
        template: str,
        in_nav: bool,
        **context: Any,
    ) -> site.Page:
        start = time.perf_counter()
        page = render_page(renderer, path, title, template, in_nav, **context)
        steps[f"  page {template}"][-1] += time.perf_counter() - start
        return page

    site.SitePages._page = timed_page  # type: ignore[method-assign,assignment]
    target = next(
        path
        for path in sorted((project / "okrs").rglob("*.md"))
        if "level: individual" in path.read_text(encoding="utf-8")[:600]
    )
    original = target.read_text(encoding="utf-8")
    templates = [
        "okr/home.html",
        "okr/week.html",
        "okr/cycle.html",
        "okr/calibration.html",
        "okr/problems.html",
        "okr/review.html",
        "okr/tree.html",
        "okr/set.html",
        "okr/owner.html",
    ]
    try:
        for save in range(args.saves):
            target.write_text(original + f"\nSaved again ({save}).\n", encoding="utf-8")
            for template in templates:
                steps[f"  page {template}"].append(0.0)
            collecting = gc.isenabled()
            gc.disable()  # as the plugin's on_files does
            try:
                start = total = time.perf_counter()

                def lap(name: str) -> None:
                    nonlocal start
                    now = time.perf_counter()
                    steps[name].append(now - start)
                    start = now

                sources = folder_sources(plugin.folder)
                lap("scan the folder (stamps)")
                memo = plugin.serve_memo
                organisation = analyse(sources, plugin.settings, memo.load)
                lap("analyse (read and parse the saved file, check, link)")
                keys = memo.start(organisation)
                for okr_set in organisation.sets:
                    keys.view(okr_set)
                lap("keys of the sets")
                pages = site.render_pages(organisation, plugin._options(config), memo.pages, keys)
                lap("render the pages (memos)")
                files = Files([])
                for page in pages:
                    files.append(
                        File.generated(
                            config,
                            page.path,
                            content=page.markdown,
                            inclusion=InclusionLevel.NOT_IN_NAV,
                        )
                    )
                lap("MkDocs File.generated")
                site_export(organisation, "okrs.json", partial(memo.export_record, keys))
                lap("export (okrs.json and a file per cycle)")
                memo.finish(keys)
                lap("keys for the next rebuild")
                steps["TOTAL"].append(time.perf_counter() - total)
            finally:
                if collecting:
                    gc.enable()
    finally:
        target.write_text(original, encoding="utf-8")
        site.SitePages._page = render_page  # type: ignore[method-assign]
    medians = {name: statistics.median(values) for name, values in steps.items()}
    for name, value in medians.items():
        print(f"{name:56s} {value * 1000:8.1f} ms")
    out = Path(__file__).resolve().parent / "out" / f"profile-rebuild-n{args.n}.json"
    out.write_text(
        json.dumps({"n": args.n, "saves": args.saves, "median_seconds": medians}, indent=1),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
