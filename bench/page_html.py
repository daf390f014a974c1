"""The site build with the example's own configuration (Chinese, Material's search with jieba),
before and after the okr plugin handed MkDocs its pages' finished HTML and kept the search index
to what people search for, and plain Material building the same pages: side by side, in one run.

For a size N (bench/generate.py's organisation) it makes three projects with the example's
theme, search and Markdown settings:

- after: Material + the okr plugin as it is;
- before: the same, plus bench/markdown_pass.py as MkDocs hooks, which put back what the plugin
  did before (every page through Python-Markdown, every word in the search index);
- plain: Material alone, building the pages `okr render` wrote (no plugin).

Each round builds the three in a rotating order, each `mkdocs build` in a new process, and
records wall time, CPU time, peak memory, the load average and the size of the search index. It prints
medians, the median of each round's own ratio (steadier than a ratio of medians on a loaded
machine) and the index per OKR set.

    python bench/page_html.py --n 1000 --repeat 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import TODAY, render_plain, timed_build_cpu
from generate import generate

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out" / "page_html"
HOOKS = Path(__file__).resolve().parent / "markdown_pass.py"
VARIANTS = ("after", "before", "plain")


def example_settings() -> str:
    """The example's mkdocs.yml up to its nav, with its theme folder found from anywhere and
    without the okr plugin (each project adds what it needs)."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    text = text.replace("custom_dir: theme_overrides", f"custom_dir: {REPO / 'theme_overrides'}")
    plugin = re.search(r"\n  - okr:\n(?:      .*\n|\s*#.*\n)*", text + "\n")
    assert plugin, "the example's mkdocs.yml lists the okr plugin"
    return (text + "\n")[: plugin.start()] + (text + "\n")[plugin.end() :]


def _with_okr(settings: str) -> str:
    return settings.replace(
        "\nplugins:\n", f"\nplugins:\n  - okr:\n      okrs_dir: okrs\n      today: '{TODAY}'\n", 1
    )


def prepare(n: int, seed: int) -> dict[str, Path]:
    """The three projects for size n (made once, reused on later runs)."""
    base = OUT / f"n{n}-seed{seed}"
    projects = {name: base / name for name in VARIANTS}
    if all((project / "mkdocs.yml").is_file() for project in projects.values()):
        return projects
    shutil.rmtree(base, ignore_errors=True)
    settings = example_settings()
    for project in projects.values():
        (project / "docs").mkdir(parents=True)
        (project / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
    generate(projects["after"] / "okrs", n, seed)
    shutil.copytree(projects["after"] / "okrs", projects["before"] / "okrs")
    nav = "nav:\n  - index.md\n  - OKR: okr/index.md\n"
    (projects["after"] / "mkdocs.yml").write_text(_with_okr(settings) + nav, encoding="utf-8")
    (projects["before"] / "mkdocs.yml").write_text(
        _with_okr(settings) + f"hooks:\n  - {HOOKS}\n" + nav, encoding="utf-8"
    )
    plain = projects["plain"]
    # `okr render` reads the plugin's options (the language above all) from the project's file.
    (plain / "mkdocs.yml").write_text(_with_okr(settings), encoding="utf-8")
    index_pages = render_plain(plain, projects["after"] / "okrs")
    plain_settings = settings.replace("\nextra_css:\n", "\nextra_css:\n  - okr/okr.css\n", 1)
    (plain / "mkdocs.yml").write_text(
        plain_settings + "nav:\n" + "".join(f"  - {p}\n" for p in ["index.md", *index_pages]),
        encoding="utf-8",
    )
    return projects


def index_bytes(project: Path) -> int:
    return (project / "site" / "search" / "search_index.json").stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    projects = prepare(args.n, args.seed)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in VARIANTS}
    for round_ in range(args.repeat):
        order = VARIANTS[round_ % 3 :] + VARIANTS[: round_ % 3]
        for name in order:
            load = os.getloadavg()[0]
            seconds, mib, cpu = timed_build_cpu(projects[name])
            run = {"seconds": seconds, "cpu_s": cpu, "max_rss_mib": mib, "load": load}
            run["index_bytes"] = index_bytes(projects[name])
            runs[name].append(run)
            print(f"round {round_ + 1} {name}: {json.dumps(run)}", flush=True)
    summary: dict[str, Any] = {}
    for name, values in runs.items():
        summary[name] = {
            "median_s": statistics.median(r["seconds"] for r in values),
            "min_s": min(r["seconds"] for r in values),
            "max_s": max(r["seconds"] for r in values),
            "median_cpu_s": statistics.median(r["cpu_s"] for r in values),
            "max_rss_mib": max(r["max_rss_mib"] for r in values),
            "index_kb_per_set": values[-1]["index_bytes"] / 1024 / args.n,
        }
    for a, b in (("before", "after"), ("after", "plain"), ("before", "plain")):
        pairs = list(zip(runs[a], runs[b], strict=True))
        summary[f"{a}/{b}"] = {
            "of_medians": summary[a]["median_s"] / summary[b]["median_s"],
            "paired_median": statistics.median(x["seconds"] / y["seconds"] for x, y in pairs),
            "cpu_paired_median": statistics.median(x["cpu_s"] / y["cpu_s"] for x, y in pairs),
        }
    results = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "n": args.n,
        "cores": os.cpu_count(),
        "runs": runs,
        "summary": summary,
    }
    print(json.dumps(summary, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"page_html-{dt.datetime.now():%Y%m%d-%H%M%S}.json").write_text(
        json.dumps(results, indent=1), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
