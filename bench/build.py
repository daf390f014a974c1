"""Site builds at company scale, measured side by side (the build, rebuild and memory targets
of docs/performance.md).

For each size N it generates an organisation (bench/generate.py) and two projects:

- ours: Material + the okr plugin reading the OKR folder;
- plain: Material alone, building the very pages the plugin would generate, written as plain
  Markdown files by `okr render`. Same pages, same sizes, and the same navigation shape: an
  explicit nav of the index pages (home, this week, the cycles, calibration, problems); set and
  owner pages are out of the nav in both.

It runs `mkdocs build` of each alternately (ours, plain, ours, ...), in new processes, and
prints medians, the ratio ours/plain, the growth from the first size to the others, and the
peak memory (max RSS) of each build. Then it measures a `mkdocs serve` rebuild: after one OKR
file is saved, how long the plugin's own part (on_files: read, parse what changed, check,
render what changed) takes.

    python bench/build.py --sizes 1000,5000 --repeat 3 [--memory 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out" / "build"
TODAY = "2024-02-15"  # inside the generated quarter: expected progress and staleness show


def _config(nav: list[Any], with_plugin: bool) -> str:
    lines = [
        "site_name: Bench",
        "theme:",
        "  name: material",
        "  font: false",
        "  features: [navigation.indexes]",
        "plugins:",
        "  - search",
    ]
    if with_plugin:
        lines += ["  - okr:", f"      today: '{TODAY}'"]
    else:
        lines += ["extra_css:", "  - okr/okr.css"]
    lines.append("nav:")
    for entry in nav:
        lines.append(f"  - {entry}")
    return "\n".join(lines) + "\n"


def render_plain(plain: Path, okrs: Path, config: str = "mkdocs.yml") -> list[str]:
    """Write the plugin's pages into the plain project with `okr render` (its `config` file
    names the plugin's options), from a copy of the OKR folder; the index pages, in nav order."""
    shutil.copytree(okrs, plain / "okrs")
    okr = Path(sys.executable).parent / "okr"
    subprocess.run(
        [str(okr), "render", "--config", config, "--out", "docs/okr", "--today", TODAY],
        cwd=plain,
        check=True,
        capture_output=True,
    )
    shutil.rmtree(plain / "okrs")
    index_pages = ["okr/index.md", "okr/week/index.md"]
    index_pages += sorted(
        f"okr/{p.parent.name}/index.md"
        for p in (plain / "docs" / "okr").glob("*/index.md")
        if p.parent.name not in ("week", "calibration", "problems", "owners")
    )
    return [*index_pages, "okr/calibration/index.md", "okr/problems/index.md"]


def prepare(n: int, seed: int) -> tuple[Path, Path]:
    """The two projects for size n (made once, reused on later runs)."""
    base = OUT / f"n{n}-seed{seed}"
    ours, plain = base / "ours", base / "plain"
    if (ours / "mkdocs.yml").is_file() and (plain / "mkdocs.yml").is_file():
        return ours, plain
    shutil.rmtree(base, ignore_errors=True)
    for project in (ours, plain):
        (project / "docs").mkdir(parents=True)
        (project / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
    generate(ours / "okrs", n, seed)
    # The plain project gets the plugin's own pages as files.
    (plain / "mkdocs.yml").write_text(_config([], with_plugin=True), encoding="utf-8")
    index_pages = render_plain(plain, ours / "okrs")
    (plain / "mkdocs.yml").write_text(
        _config(["index.md", *index_pages], with_plugin=False), encoding="utf-8"
    )
    (ours / "mkdocs.yml").write_text(
        _config(["index.md", "OKR: okr/index.md", "okr/problems/index.md"], with_plugin=True),
        encoding="utf-8",
    )
    return ours, plain


def timed_build(project: Path) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of one `mkdocs build` in a new process."""
    seconds, mib, _cpu = timed_build_cpu(project)
    return seconds, mib


def timed_build_cpu(project: Path) -> tuple[float, float, float]:
    """Seconds, peak memory (MiB) and CPU seconds (user + system) of one `mkdocs build` in a
    new process. On a loaded machine the CPU time is the steadier of the two times."""
    seconds, mib, cpu, _whole = timed_build_memory(project, sample=False)
    return seconds, mib, cpu


def timed_build_memory(project: Path, sample: bool = True) -> tuple[float, float, float, float]:
    """`timed_build_cpu`, and the peak of the memory the build's processes hold together (MiB;
    0 without `sample`). The max RSS of the first is that of the largest single process: a
    build that forks workers holds more than that. Their PSS (a page shared by k processes
    counts 1/k in each, from /proc/PID/smaps_rollup) adds up to what they hold together;
    it is sampled four times a second, which a build of minutes barely notices."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(project / "site")],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak_kib = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.25):
            peak_kib[0] = max(peak_kib[0], _tree_pss_kib(process.pid))

    watcher = threading.Thread(target=watch, daemon=True)
    if sample:
        watcher.start()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    if sample:
        watcher.join()
    if status != 0:
        raise SystemExit(
            f"mkdocs build failed in {project}: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, peak_kib[0] / 1024


def _tree_pss_kib(root: int) -> int:
    """The PSS (KiB) of process `root` and all its descendants now (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:  # gone meanwhile
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    total, waiting = 0, [root]
    while waiting:
        pid = waiting.pop()
        waiting += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
    return total


def rebuild_share(project: Path) -> list[float]:
    """The plugin's own seconds (on_files) after saving one OKR file, as `mkdocs serve` would."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    config.plugins.on_files(Files([]), config=config)  # the first build fills the memos
    files = sorted((project / "okrs").rglob("*.md"))
    target = next(
        f
        for f in files
        if f.name != "README.md" and "individual" in f.read_text(encoding="utf-8")[:400]
    )
    shares = []
    for round_ in range(5):
        target.write_text(
            target.read_text(encoding="utf-8") + f"\nSaved again ({round_}).\n", encoding="utf-8"
        )
        start = time.perf_counter()
        config.plugins.on_files(Files([]), config=config)
        shares.append(time.perf_counter() - start)
    return shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--memory", type=int, default=10000, help="size of the one-off memory build (0: none)"
    )
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {
            "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "python": platform.python_version(),
        },
        "sizes": {},
    }
    for n in sizes:
        ours, plain = prepare(n, args.seed)
        runs: dict[str, list[tuple[float, float]]] = {"ours": [], "plain": []}
        for _ in range(args.repeat):
            runs["ours"].append(timed_build(ours))
            runs["plain"].append(timed_build(plain))
        summary: dict[str, Any] = {
            name: {
                "median_s": statistics.median(s for s, _m in values),
                "min_s": min(s for s, _m in values),
                "max_s": max(s for s, _m in values),
                "max_rss_mib": max(m for _s, m in values),
            }
            for name, values in runs.items()
        }
        summary["ratio_ours_over_plain"] = (
            summary["ours"]["median_s"] / summary["plain"]["median_s"]
        )
        summary["rebuild_share_s"] = statistics.median(rebuild_share(ours))
        results["sizes"][str(n)] = summary
        print(json.dumps({n: summary}, indent=1), flush=True)
    first = str(sizes[0])
    for n in sizes[1:]:
        growth = (
            results["sizes"][str(n)]["ours"]["median_s"]
            / results["sizes"][first]["ours"]["median_s"]
        )
        results["sizes"][str(n)]["growth_from_first"] = growth
        print(f"ours: N={n} takes {growth:.2f}x the time of N={first}")
    if args.memory:
        # One build of each at the largest size: its peak memory (the memory target), and a first
        # look at its time and ratio (one round only: each build takes many minutes here).
        ours, plain = prepare(args.memory, args.seed)
        memory: dict[str, Any] = {"n": args.memory}
        for name, project in (("ours", ours), ("plain", plain)):
            seconds, mib = timed_build(project)
            memory[name] = {"seconds": seconds, "max_rss_mib": mib}
            print(
                f"memory: N={args.memory} {name} build took {seconds:.1f} s, peak {mib:.0f} MiB",
                flush=True,
            )
        results["memory"] = memory
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"build-{dt.datetime.now():%Y%m%d-%H%M%S}.json").write_text(
        json.dumps(results, indent=1), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
