"""Every company-scale target in one run, plain Material side by side (`make bench`).

With the example's own configuration (bench/page_html.py's projects: Chinese, Material's search
with jieba, the example's Markdown extensions) on bench/generate.py's organisations:

- serve: saving one OKR file in `mkdocs serve` until the rebuilt site is there, at 1,000 and
  5,000 sets (bench/serve.py's measure_serve), at most 2 s and 5 s;
- build: `mkdocs build` of 1,000 and 5,000 sets, ours and plain Material on the same pages
  (`okr render`), rounds in rotating order; at most 10 s and 0.5x plain at 1,000 sets, and
  5,000 sets at most 5.5x the time of 1,000; beside it, what such a build cannot go below on one
  core (the C-YAML parse of the files, Material building as many empty pages);
- biggest page: the largest HTML file of a 10,000-set build, at most 1 MB;
- search index: bytes of search_index.json per set at 1,000 sets, at most 5 KB;
- memory: the peak memory of that 10,000-set build, at most 1.5 GiB: what its processes hold
  together (the sum of their PSS, sampled), beside the max RSS of its largest process;
- check: `okr check` cold against the bare C-YAML parse (at most 1.0x) and warm (under 1 s)
  at 10,000 sets (bench/run.py).

It writes bench/out/results-DATE.json (every run and the machine) and bench/out/report-DATE.md
(the machine, then each target: figures, target, met or not).

    python bench/all.py            # 3 rounds at 1,000 sets, 1 at 5,000 and 10,000
    python bench/all.py --quick    # 1 round at 100, 500 and 1,000 sets: to try the harness
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run
from build import timed_build_cpu, timed_build_memory
from page_html import example_settings, index_bytes, prepare

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

# The targets (docs/performance.md), in SI units: 1 MB = 1,000,000 bytes, 1 KB = 1,000 bytes.
SERVE_MAX_SECONDS = {"small": 2.0, "large": 5.0}
BUILD_MAX_SECONDS = 10.0  # at the small size
BUILD_MAX_OURS_OVER_PLAIN = 0.5
BUILD_MAX_GROWTH = 5.5  # large over small, for five times the sets
PAGE_MAX_BYTES = 1_000_000
INDEX_MAX_BYTES_PER_SET = 5_000
PEAK_MAX_MIB = 1.5 * 1024
CHECK_VARIANTS = ["ours", "yaml", "warm"]

PACKAGES = ("mkdocs-okr", "mkdocs", "mkdocs-material", "jieba", "Jinja2", "PyYAML", "pydantic")


@dataclass(frozen=True)
class Plan:
    """The sizes and rounds of one run."""

    small: int  # build, serve, search index
    large: int  # build and serve at five times the sets: linear or not
    huge: int  # biggest page, memory, okr check
    rounds: int  # build rounds at the small size, okr check rounds
    large_rounds: int
    saves: int  # saves timed per serve measurement

    def estimate_seconds(self) -> float:
        """What the run should take on the 2-core machine of docs/performance.md, idle: builds
        of the example's configuration cost about 30 s (ours) and 80 s (plain) per 1,000 sets,
        generating 1,000 sets about 5 s, `okr render` about 20 s, okr check about 5 s; the
        floor about 15 s a round per 1,000 sets (measured on 2026-11-29: the whole run took
        36 minutes)."""
        per_thousand_ours, per_thousand_plain = 30.0, 80.0

        def builds(n: int, rounds: int) -> float:
            return rounds * n / 1000 * (per_thousand_ours + per_thousand_plain)

        def serve(n: int) -> float:  # the first build, then one short rebuild per save
            return n / 1000 * per_thousand_ours + self.saves * 5.0

        preparing = (self.small + self.large + 2 * self.huge) / 1000 * 5.0
        preparing += (self.small + self.large) / 1000 * 20.0
        return (
            preparing
            + builds(self.small, self.rounds)
            + builds(self.large, self.large_rounds)
            + self.huge / 1000 * per_thousand_ours
            + serve(self.small)
            + serve(self.large)
            + (self.rounds + 1) * len(CHECK_VARIANTS) * self.huge / 1000 * 5.0
            + self.rounds * self.small / 1000 * 15.0
        )


DEFAULT = Plan(small=1000, large=5000, huge=10_000, rounds=3, large_rounds=1, saves=5)
QUICK = Plan(small=100, large=500, huge=1000, rounds=1, large_rounds=1, saves=2)


def _load() -> list[float]:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return []


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", "--no-optional-locks", *args],
            cwd=HERE.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return ""
    return done.stdout.strip()


def machine() -> dict[str, Any]:
    """bench/run.py's facts, with the memory, the kernel and the packages the builds use."""
    facts = run.machine()
    memory = "not known"
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    facts.update(
        memory=memory,
        kernel=platform.release(),
        packages=versions,
        git_commit=_git("rev-parse", "--short", "HEAD"),
        uncommitted_changes=bool(_git("status", "--porcelain", "--", "plugin", "bench")),
    )
    return facts


def serve_measurer() -> Callable[[Path, int], dict[str, Any]]:
    """bench/serve.py's measure_serve, imported only when needed; a plain stop when missing."""
    try:
        from serve import measure_serve  # type: ignore[import-not-found,unused-ignore]
    except ImportError as error:
        raise SystemExit(
            "bench/serve.py with measure_serve(project, saves) is not there yet, so the "
            f"`mkdocs serve` target cannot be measured ({error}). Run with --skip serve to "
            "measure the other targets."
        ) from error
    measurer: Callable[[Path, int], dict[str, Any]] = measure_serve
    return measurer


def builds(n: int, seed: int, rounds: int) -> dict[str, Any]:
    """Ours and plain Material at size n, `rounds` rounds in rotating order, each a new
    process: wall and CPU time, peak memory, the load when it started; medians and the median
    of each round's own ratio."""
    projects = prepare(n, seed, ("after", "plain"))
    names = ["ours", "plain"]
    project_of = {"ours": projects["after"], "plain": projects["plain"]}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for round_ in range(rounds):
        order = names[round_ % 2 :] + names[: round_ % 2]
        for name in order:
            load = _load()
            seconds, mib, cpu = timed_build_cpu(project_of[name])
            runs[name].append(
                {"seconds": seconds, "cpu_s": cpu, "max_rss_mib": mib, "load": load[0]}
            )
            print(
                f"  N={n:,} round {round_ + 1}/{rounds} {name}: {seconds:.1f} s wall, "
                f"{cpu:.1f} s CPU, {mib:.0f} MiB (load {load[0]:.1f})",
                flush=True,
            )
    summary: dict[str, Any] = {
        name: {
            "median_s": statistics.median(r["seconds"] for r in values),
            "min_s": min(r["seconds"] for r in values),
            "max_s": max(r["seconds"] for r in values),
            "median_cpu_s": statistics.median(r["cpu_s"] for r in values),
            "max_rss_mib": max(r["max_rss_mib"] for r in values),
        }
        for name, values in runs.items()
    }
    pairs = list(zip(runs["ours"], runs["plain"], strict=True))
    summary["ours/plain"] = {
        "paired_median": statistics.median(a["seconds"] / b["seconds"] for a, b in pairs),
        "cpu_paired_median": statistics.median(a["cpu_s"] / b["cpu_s"] for a, b in pairs),
    }
    summary["index_bytes"] = index_bytes(project_of["ours"])
    summary["index_bytes_per_set"] = summary["index_bytes"] / n
    return {"n": n, "projects": {k: str(v) for k, v in project_of.items()}, "runs": runs, **summary}


def build_floor(n: int, seed: int, rounds: int) -> dict[str, Any]:
    """What a build of n sets cannot go below on one core, whatever the plugin does: the C-YAML
    parse of its OKR files (bench/baseline.py yaml, a new process, as `okr check` is compared)
    and plain Material building as many pages as ours has, each empty (a title and one line,
    out of the nav), with the example's settings, Material's search with jieba included.
    Needs the small builds first (ours' site gives the count of pages)."""
    ours = prepare(n, seed, ("after",))["after"]
    pages = sum(1 for _ in (ours / "site").rglob("*.html"))
    project = OUT / "floor" / f"n{n}-pages{pages}"
    if not (project / "mkdocs.yml").is_file():
        shutil.rmtree(project, ignore_errors=True)
        (project / "docs" / "p").mkdir(parents=True)
        (project / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
        for number in range(pages - 1):
            (project / "docs" / "p" / f"{number}.md").write_text(
                f"# 页面 {number}\n\n一行文字。\n", encoding="utf-8"
            )
        (project / "mkdocs.yml").write_text(
            example_settings() + "nav:\n  - index.md\n", encoding="utf-8"
        )
    parse: list[float] = []
    empty: list[float] = []
    for _round in range(rounds):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, str(HERE / "baseline.py"), "yaml", str(ours / "okrs")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        parse.append(time.perf_counter() - started)
        empty.append(timed_build_cpu(project)[0])
    found = {
        "n": n,
        "pages": pages,
        "yaml_parse_s": statistics.median(parse),
        "empty_pages_build_s": statistics.median(empty),
    }
    print(
        f"  N={n:,}: C-YAML parse {found['yaml_parse_s']:.1f} s, Material on {pages:,} empty "
        f"pages {found['empty_pages_build_s']:.1f} s",
        flush=True,
    )
    return found


def biggest_files(site: Path, suffix: str, count: int = 5) -> list[dict[str, Any]]:
    """The `count` largest files of the built site with that suffix, largest first."""
    found = [(path.stat().st_size, path) for path in site.rglob(f"*{suffix}")]
    found.sort(key=lambda item: (-item[0], str(item[1])))
    return [{"path": str(path.relative_to(site)), "bytes": size} for size, path in found[:count]]


def huge_build(n: int, seed: int) -> dict[str, Any]:
    """One build of ours at size n: its biggest pages and its peak memory."""
    project = prepare(n, seed, ("after",))["after"]
    load = _load()
    seconds, mib, cpu, together = timed_build_memory(project)
    print(
        f"  N={n:,} ours: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak {together:.0f} MiB held"
        f" together, {mib:.0f} MiB the largest process",
        flush=True,
    )
    site = project / "site"
    return {
        "n": n,
        "project": str(project),
        "seconds": seconds,
        "cpu_s": cpu,
        "max_rss_mib": mib,
        "peak_pss_mib": together,
        "load": load,
        "html_pages": sum(1 for _ in site.rglob("*.html")),
        "biggest_html": biggest_files(site, ".html"),
        # The OKR data files (okrs.json and kin); the search index is a target of its own.
        "biggest_json": [
            f for f in biggest_files(site, ".json") if not f["path"].startswith("search/")
        ],
    }


def serve_copy(n: int, seed: int) -> Path:
    """A fresh copy of the ours project of size n for a serve measurement, which saves files
    in it: the cached organisation the builds use stays as generated."""
    source = prepare(n, seed, ("after",))["after"]
    target = OUT / "serve" / f"n{n}-seed{seed}"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site"))
    return target


def _verdict(met: bool) -> str:
    return "met" if met else "**not met**"


def goals(results: dict[str, Any], plan: Plan) -> list[dict[str, str]]:
    """One row per target: what was measured, the target, met or not."""
    rows: list[dict[str, str]] = []
    serve = results.get("serve")
    if serve:
        for size_name, found in serve.items():
            limit = SERVE_MAX_SECONDS[size_name]
            n = found["n"]
            rows.append(
                {
                    "goal": f"save -> rebuilt site in `mkdocs serve`, {n:,} sets",
                    "figure": f"{found['median']:.2f} s (median of {len(found['seconds'])})",
                    "target": f"<= {limit:g} s",
                    "verdict": _verdict(found["median"] <= limit),
                }
            )
    else:
        rows.append(
            {
                "goal": "save -> rebuilt site",
                "figure": "not measured (--skip serve)",
                "target": "<= 2 s / 5 s",
                "verdict": "not measured",
            }
        )
    small, large = results["builds"]["small"], results["builds"]["large"]
    ours = small["ours"]["median_s"]
    rows.append(
        {
            "goal": f"full build, {small['n']:,} sets",
            "figure": f"{ours:.1f} s (plain Material {small['plain']['median_s']:.1f} s)",
            "target": f"<= {BUILD_MAX_SECONDS:g} s",
            "verdict": _verdict(ours <= BUILD_MAX_SECONDS),
        }
    )
    floor = results.get("floor")
    if floor:
        least = floor["yaml_parse_s"] + floor["empty_pages_build_s"]
        rows.append(
            {
                "goal": f"what a {floor['n']:,}-set build cannot go below on one core "
                "(not a target: why the one above is met or not)",
                "figure": f"{least:.1f} s: C-YAML parse of the files {floor['yaml_parse_s']:.1f} s"
                f" + Material on {floor['pages']:,} empty pages "
                f"{floor['empty_pages_build_s']:.1f} s",
                "target": f"<= {BUILD_MAX_SECONDS:g} s leaves "
                f"{BUILD_MAX_SECONDS - least:.1f} s for everything else",
                "verdict": "room" if least < BUILD_MAX_SECONDS else "**no room**",
            }
        )
    ratio = small["ours/plain"]["paired_median"]
    rows.append(
        {
            "goal": f"full build against plain Material, {small['n']:,} sets",
            "figure": f"{ratio:.2f}x wall ({small['ours/plain']['cpu_paired_median']:.2f}x CPU)",
            "target": f"<= {BUILD_MAX_OURS_OVER_PLAIN:g}x",
            "verdict": _verdict(ratio <= BUILD_MAX_OURS_OVER_PLAIN),
        }
    )
    growth = large["ours"]["median_s"] / ours
    plain_growth = large["plain"]["median_s"] / small["plain"]["median_s"]
    rows.append(
        {
            "goal": f"linear build: {large['n']:,} sets over {small['n']:,}",
            "figure": f"{growth:.2f}x ({large['ours']['median_s']:.1f} s; plain {plain_growth:.2f}x)",
            "target": f"<= {BUILD_MAX_GROWTH:g}x",
            "verdict": _verdict(growth <= BUILD_MAX_GROWTH),
        }
    )
    huge = results["huge"]
    biggest = huge["biggest_html"][0]
    rows.append(
        {
            "goal": f"biggest HTML page, {huge['n']:,} sets",
            "figure": f"{biggest['bytes'] / 1e6:.2f} MB (`{biggest['path']}`)",
            "target": f"<= {PAGE_MAX_BYTES / 1e6:g} MB",
            "verdict": _verdict(biggest["bytes"] <= PAGE_MAX_BYTES),
        }
    )
    per_set = small["index_bytes_per_set"]
    rows.append(
        {
            "goal": f"search index per set, {small['n']:,} sets",
            "figure": f"{per_set / 1000:.2f} KB ({small['index_bytes'] / 1e6:.1f} MB in all)",
            "target": f"<= {INDEX_MAX_BYTES_PER_SET / 1000:g} KB",
            "verdict": _verdict(per_set <= INDEX_MAX_BYTES_PER_SET),
        }
    )
    rows.append(
        {
            "goal": f"peak memory of the build, {huge['n']:,} sets",
            "figure": (
                f"{huge['peak_pss_mib']:,.0f} MiB held by its processes together "
                f"(largest process {huge['max_rss_mib']:,.0f} MiB)"
            ),
            "target": f"<= {PEAK_MAX_MIB:,.0f} MiB (1.5 GiB)",
            "verdict": _verdict(max(huge["peak_pss_mib"], huge["max_rss_mib"]) <= PEAK_MAX_MIB),
        }
    )
    check = results["check"]["results"][0]
    cold = check["ratios"]["ours/yaml"]
    warm = check["summary"]["warm"]["median"]
    rows.append(
        {
            "goal": f"`okr check` cold against the C-YAML parse, {check['n']:,} sets",
            "figure": f"{cold['of_medians']:.2f}x (paired {cold['paired_median']:.2f}x; "
            f"{check['summary']['ours']['median']:.2f} s)",
            "target": f"<= {run.GOAL_RATIO:g}x",
            "verdict": _verdict(cold["of_medians"] <= run.GOAL_RATIO),
        }
    )
    rows.append(
        {
            "goal": f"`okr check` warm, {check['n']:,} sets",
            "figure": f"{warm:.2f} s",
            "target": f"< {run.GOAL_WARM_SECONDS:g} s",
            "verdict": _verdict(warm < run.GOAL_WARM_SECONDS),
        }
    )
    return rows


def report(results: dict[str, Any], rows: list[dict[str, str]]) -> str:
    facts = results["machine"]
    plan = results["plan"]
    packages = ", ".join(f"{name} {version}" for name, version in facts["packages"].items())
    lines = [
        f"# Benchmarks of {facts['date']}",
        "",
        f"- date: {facts['date']} to {results['finished']} ({results['minutes']:.0f} minutes)",
        f"- commit: `{facts['git_commit']}`"
        + (
            " with uncommitted changes in plugin/ or bench/" if facts["uncommitted_changes"] else ""
        ),
        f"- CPU: {facts['cpu']}; cores: {facts['cores']} ({facts['usable_cores']} usable); "
        f"memory: {facts['memory']}",
        f"- kernel: {facts['kernel']} ({facts['platform']}); Python {facts['python']}",
        f"- packages: {packages}; PyYAML's C loader: {facts['pyyaml_libyaml']}",
        "- load average (1, 5, 15 min) before: "
        + ", ".join(f"{load:.2f}" for load in facts["load_average_at_start"])
        + "; after: "
        + ", ".join(f"{load:.2f}" for load in results["load_average_at_end"]),
        f"- rounds: {plan['rounds']} at {plan['small']:,} sets, {plan['large_rounds']} at "
        f"{plan['large']:,}, one build at {plan['huge']:,}; {plan['saves']} saves per serve "
        "measurement; the example's configuration (bench/page_html.py)",
        *(
            []
            if plan["small"] == DEFAULT.small
            else ["- **a trial run at other sizes than the targets': the verdicts do not count**"]
        ),
        "",
        "| Target | Measured | Target | Verdict |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r['goal']} | {r['figure']} | {r['target']} | {r['verdict']} |" for r in rows]
    lines += [
        "",
        "## Builds",
        "",
        "| Sets | Variant | Median wall | Min-max | Median CPU | Peak |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for build in results["builds"].values():
        for name in ("ours", "plain"):
            found = build[name]
            lines.append(
                f"| {build['n']:,} | {name} | {found['median_s']:.1f} s | "
                f"{found['min_s']:.1f}-{found['max_s']:.1f} s | {found['median_cpu_s']:.1f} s | "
                f"{found['max_rss_mib']:,.0f} MiB |"
            )
    huge = results["huge"]
    lines += [
        f"| {huge['n']:,} | ours (once) | {huge['seconds']:.1f} s | | {huge['cpu_s']:.1f} s | "
        f"{huge['max_rss_mib']:,.0f} MiB |",
        "",
        f"## Biggest files of the {huge['n']:,}-set build ({huge['html_pages']:,} HTML pages)",
        "",
    ]
    lines += [f"- `{f['path']}`: {f['bytes'] / 1e6:.2f} MB" for f in huge["biggest_html"]]
    lines += [f"- `{f['path']}`: {f['bytes'] / 1e6:.2f} MB" for f in huge["biggest_json"][:2]]
    if results.get("serve"):
        lines += ["", "## `mkdocs serve`", ""]
        for found in results["serve"].values():
            times = ", ".join(f"{s:.2f}" for s in found["seconds"])
            command = found["command"]
            shown = command if isinstance(command, str) else " ".join(command)
            lines.append(f"- {found['n']:,} sets: {times} s; `{shown}`")
    lines += ["", f"Every single timing: `{results['json']}`.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="1 round at 100, 500, 1,000 sets")
    parser.add_argument("--repeat", type=int, help="rounds at the small size (default 3)")
    parser.add_argument("--large-repeat", type=int, help="build rounds at the large size (1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["serve"],
        help="leave a measurement out (serve: while bench/serve.py is missing)",
    )
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else DEFAULT
    if args.repeat or args.large_repeat:
        plan = Plan(
            plan.small,
            plan.large,
            plan.huge,
            args.repeat or plan.rounds,
            args.large_repeat or plan.large_rounds,
            plan.saves,
        )
    measure_serve = None if "serve" in args.skip else serve_measurer()
    started = time.perf_counter()
    facts = machine()
    print(
        f"{facts['date']}: commit {facts['git_commit']}, {facts['cpu']}, {facts['cores']} cores, "
        f"load {facts['load_average_at_start']}",
        flush=True,
    )
    print(
        f"This run should take about {plan.estimate_seconds() / 60:.0f} minutes on an idle "
        "2-core machine (more on a busy one).",
        flush=True,
    )
    results: dict[str, Any] = {"machine": facts, "plan": plan.__dict__, "seed": args.seed}

    def step(title: str) -> None:
        print(f"[{(time.perf_counter() - started) / 60:.1f} min] {title}", flush=True)

    step(f"okr check at {plan.huge:,} sets")
    results["check"] = run.benchmark([plan.huge], CHECK_VARIANTS, plan.rounds, args.seed, OUT)
    results["builds"] = {}
    for size_name, n, rounds in (
        ("small", plan.small, plan.rounds),
        ("large", plan.large, plan.large_rounds),
    ):
        step(f"builds at {n:,} sets, ours and plain Material")
        results["builds"][size_name] = builds(n, args.seed, rounds)
    step(f"the floor of a build at {plan.small:,} sets: C-YAML parse, Material on empty pages")
    results["floor"] = build_floor(plan.small, args.seed, plan.rounds)
    step(f"one build at {plan.huge:,} sets: biggest page, peak memory")
    results["huge"] = huge_build(plan.huge, args.seed)
    if measure_serve is not None:
        results["serve"] = {}
        for size_name, n in (("small", plan.small), ("large", plan.large)):
            step(f"mkdocs serve at {n:,} sets, {plan.saves} saves")
            found = measure_serve(serve_copy(n, args.seed), plan.saves)
            results["serve"][size_name] = {"n": n, **found}
    results["load_average_at_end"] = _load()
    results["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    results["minutes"] = (time.perf_counter() - started) / 60
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    written = OUT / f"results-{stamp}.json"
    results["json"] = str(written.relative_to(HERE.parent))
    rows = goals(results, plan)
    results["goals"] = rows
    OUT.mkdir(parents=True, exist_ok=True)
    written.write_text(json.dumps(results, indent=1), encoding="utf-8")
    markdown = report(results, rows)
    (OUT / f"report-{stamp}.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    print(f"report: {OUT / f'report-{stamp}.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
