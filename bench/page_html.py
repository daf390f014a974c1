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
import hashlib
import json
import os
import re
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

import mkdocs_okr

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import TODAY, render_plain, timed_build_cpu
from generate import generate

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out" / "page_html"
HERE = Path(__file__).resolve().parent
HOOKS = HERE / "markdown_pass.py"
STAMP = ".bench-stamp"  # what the project was made from
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


NAV = "nav:\n  - index.md\n  - OKR: okr/index.md\n"


def ours_config() -> str:
    """The mkdocs.yml of a project with the okr plugin and the example's settings."""
    return _with_okr(example_settings()) + NAV


def _digest(*paths: Path) -> str:
    """A digest of the files under `paths` (bytecode caches aside)."""
    digest = hashlib.sha256()
    for root in paths:
        for path in sorted(root.rglob("*") if root.is_dir() else [root]):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepare(n: int, seed: int, variants: tuple[str, ...] = VARIANTS) -> dict[str, Path]:
    """The projects of `variants` for size n, each made once and reused while what made it
    is unchanged: the generator (for all), and the plugin's code for plain, whose pages
    `okr render` wrote. A project counts as made once its stamp is written, last."""
    base = OUT / f"n{n}-seed{seed}"
    projects = {name: base / name for name in VARIANTS}
    settings = example_settings()
    after = projects["after"]
    generator = _digest(HERE / "generate.py")
    stamps = {
        "after": generator,
        "before": generator,
        "plain": f"{generator}-{_digest(Path(mkdocs_okr.__file__).parent)}",
    }
    # Every variant builds the organisation of `after`: it comes first.
    for name in ("after", *(v for v in variants if v != "after")):
        project = projects[name]
        stamp = project / STAMP
        if stamp.is_file() and stamp.read_text(encoding="utf-8") == stamps[name]:
            continue
        shutil.rmtree(project, ignore_errors=True)
        (project / "docs").mkdir(parents=True)
        (project / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
        if name == "after":
            generate(project / "okrs", n, seed)
            (project / "mkdocs.yml").write_text(ours_config(), encoding="utf-8")
        elif name == "before":
            shutil.copytree(after / "okrs", project / "okrs")
            (project / "mkdocs.yml").write_text(
                _with_okr(settings) + f"hooks:\n  - {HOOKS}\n" + NAV, encoding="utf-8"
            )
        else:
            # `okr render` reads the plugin's options (the language above all) from a
            # configuration file; mkdocs.yml, plain Material's, comes once the pages are there.
            render_config = project / "okr-render.yml"
            render_config.write_text(_with_okr(settings), encoding="utf-8")
            index_pages = render_plain(project, after / "okrs", render_config.name)
            render_config.unlink()
            plain_settings = settings.replace(
                "\nextra_css:\n", "\nextra_css:\n  - okr/okr.css\n", 1
            )
            (project / "mkdocs.yml").write_text(
                plain_settings
                + "nav:\n"
                + "".join(f"  - {p}\n" for p in ["index.md", *index_pages]),
                encoding="utf-8",
            )
        stamp.write_text(stamps[name], encoding="utf-8")
    return {name: projects[name] for name in variants}


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
