"""Time `okr check` against bare YAML parsing on generated organisations (`make bench`).

    python bench/run.py                                  # N = 1,000 and 10,000, 5 rounds each
    python bench/run.py --sizes 1000,5000,10000 --repeat 7

For each size it generates (once; reused while bench/generate.py and the seed are unchanged)
an organisation into bench/out/, checks that `okr check` finds no errors in it (a benchmark of
an invalid organisation would time the error paths), then runs each variant as a new process
(cold: interpreter start and imports included), alternating the variants round by round:

- ours:     `okr check --no-cache DIR`: everything read, parsed and checked (the cold check target;
            `cold` names it too). On several cores its workers load in parallel: the CPU time
            (user + system, its worker processes included) is reported beside the wall time.
- yaml:     bench/baseline.py yaml DIR (read, decode, PyYAML C loader on the front matter)
- read:     bench/baseline.py read DIR (read and decode only)
- warm:     `okr check DIR` with its result cache filled and no file changed (the warm check target)
- startup:  `okr --version` (interpreter start and imports, no OKR work)

The processes run in bench/out/ so that no project's mkdocs.yml applies (default options) and
the result cache of `warm` lands in bench/out/.cache/okr/.

It prints medians, min and max, and the ratios, and writes everything (every run, and the
machine) as JSON to bench/out/. These machines are shared and noisy: trust medians of several
rounds, and the paired ratio (the median of each round's ours/yaml) over single numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from generate import generate

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
STAMP = ".bench-stamp.json"  # not an OKR file: neither ours nor the baselines read it
# The cold check target: `okr check` of 10,000 sets at most as long as the bare C-loader baseline.
GOAL_RATIO = 1.0
GOAL_SIZE = 10_000
# The warm check target: `okr check` (nothing changed) of 10,000 sets under 1 s.
GOAL_WARM_SECONDS = 1.0


@dataclass(frozen=True)
class Variant:
    """One command to time: how to build it for a folder, and how to tell it did the work."""

    name: str
    description: str
    command: Callable[[Path], list[str]]
    # (stdout, number of sets) -> a problem, or None when the output shows the work was done
    verify: Callable[[str, int], str | None]


@dataclass
class Run:
    seconds: float  # wall clock, what a person waits
    # user + system of the process and its workers: steadier than wall time on a busy machine,
    # and what a check costs the machine when its workers share the load
    cpu_seconds: float
    max_rss_kib: int
    blocks_read: int  # file-system input from disk: non-zero when files were not cached
    load_average: float  # the machine's 1-minute load when the run ended: a noise indicator


@dataclass
class Series:
    variant: str
    runs: list[Run] = field(default_factory=list)

    def seconds(self) -> list[float]:
        return [run.seconds for run in self.runs]

    def cpu_seconds(self) -> list[float]:
        return [run.cpu_seconds for run in self.runs]

    def summary(self) -> dict[str, float]:
        times = self.seconds()
        return {
            "median": statistics.median(times),
            "min": min(times),
            "max": max(times),
            "cpu_median": statistics.median(self.cpu_seconds()),
            "max_rss_mib": max(run.max_rss_kib for run in self.runs) / 1024,
        }


def _tool(name: str) -> str:
    """A console script of the virtual environment that runs this script."""
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else shutil.which(name) or name


def _expects_files(stdout: str, sets: int) -> str | None:
    last = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    return None if last.startswith(f"{sets} files") else f"unexpected output: {last!r}"


def _expects_parsed(stdout: str, sets: int) -> str | None:
    wanted = f"{sets} files, {sets} front matters parsed"
    return None if stdout.strip() == wanted else f"expected {wanted!r}, got {stdout.strip()!r}"


def _expects_version(stdout: str, sets: int) -> str | None:
    return None if stdout.startswith("mkdocs-okr") else f"unexpected output: {stdout!r}"


VARIANTS: dict[str, Variant] = {
    variant.name: variant
    for variant in (
        Variant(
            "ours",
            "okr check --no-cache DIR: cold, everything parsed (new process)",
            lambda folder: [_tool("okr"), "check", "--no-cache", str(folder)],
            _expects_files,
        ),
        Variant(
            "yaml",
            "read + decode + PyYAML CSafeLoader on the front matter (new process)",
            lambda folder: [sys.executable, str(HERE / "baseline.py"), "yaml", str(folder)],
            _expects_parsed,
        ),
        Variant(
            "read",
            "read + decode only (new process)",
            lambda folder: [sys.executable, str(HERE / "baseline.py"), "read", str(folder)],
            _expects_files,
        ),
        Variant(
            "warm",
            "okr check DIR with its result cache filled, nothing changed (new process)",
            lambda folder: [_tool("okr"), "check", str(folder)],
            _expects_files,
        ),
        Variant(
            "startup",
            "okr --version: interpreter start and imports, no OKR work (new process)",
            lambda folder: [_tool("okr"), "--version"],
            _expects_version,
        ),
    )
}


# Other names of a variant, accepted by --variants.
ALIASES = {"cold": "ours"}


def machine() -> dict[str, Any]:
    """The facts a reader needs to compare numbers across machines."""
    import pydantic
    import yaml

    cpu = "not named"  # some virtual machines name no model in /proc/cpuinfo
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 0
    try:
        load = list(os.getloadavg())
    except OSError:
        load = []
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=HERE,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "--no-optional-locks", "status", "--porcelain", "--", "plugin"],
            cwd=HERE.parent,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit, changed = "", ""
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pyyaml": yaml.__version__,
        "pyyaml_libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        "pydantic": pydantic.VERSION,
        "load_average_at_start": load,
        "git_commit": commit,
        "plugin_has_uncommitted_changes": bool(changed),
    }


def code_digest() -> str:
    """A digest of the source of every mkdocs_okr module the `okr` command imports.

    Others may edit the checkout while a long run goes on; a digest that differs between the
    start and the end of a size says its numbers mix two versions of the code under test.
    """
    listing = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    digest = hashlib.sha256()
    for source in sorted(listing):
        digest.update(source.encode())
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:16]


_LIST_MODULES = (
    "import sys, mkdocs_okr.cli\n"
    "for name, module in sorted(sys.modules.items()):\n"
    "    if name.split('.')[0] == 'mkdocs_okr' and getattr(module, '__file__', None):\n"
    "        print(module.__file__)\n"
)


def _generator_digest() -> str:
    return hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:16]


def organisation(n: int, seed: int, out: Path = OUT) -> Path:
    """The folder of a generated organisation of `n` sets, made again when the generator changed."""
    folder = out / f"org-{n}-seed{seed}"
    stamp = {"n": n, "seed": seed, "generator": _generator_digest()}
    stamp_file = folder / STAMP
    if stamp_file.exists():
        if json.loads(stamp_file.read_text(encoding="utf-8")) == stamp:
            return folder
        shutil.rmtree(folder)  # ours (it holds our stamp) and out of date
    elif folder.exists():
        raise SystemExit(f"{folder} exists but was not made by bench/run.py; move it away")
    out.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f"org-{n}-", dir=out))
    try:
        started = time.perf_counter()
        made = generate(partial / "okrs", n, seed)
        print(
            f"generated {n:,} sets ({made.teams} teams, {made.individuals} individuals, "
            f"{made.bytes / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        (partial / "okrs" / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
        (partial / "okrs").rename(folder)  # only a complete organisation gets the name
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return folder


def assert_valid(folder: Path, n: int, out: Path) -> dict[str, int]:
    """`okr check --format json` on the folder: no errors, and every file a set; else stop."""
    done = subprocess.run(
        [_tool("okr"), "check", "--no-cache", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        cwd=out,
    )
    try:
        summary: dict[str, int] = json.loads(done.stdout)["summary"]
    except (ValueError, KeyError) as error:
        raise SystemExit(
            f"okr check gave no JSON summary ({error}): {done.stderr[-2000:]}"
        ) from error
    if summary.get("error", 0) or summary.get("sets") != n or done.returncode != 0:
        raise SystemExit(
            f"the generated organisation in {folder} is not valid, so timing it would be "
            f"meaningless: {summary} (exit {done.returncode}). Run `okr check {folder}`."
        )
    return summary


def child_environment(out: Path) -> dict[str, str]:
    """The environment of the timed processes: a user's, with compiled bytecode cached.

    Some machines set PYTHONDONTWRITEBYTECODE, which makes every cold `okr` compile our
    modules again; a user's machine caches them. The cache goes to bench/out, not the source
    tree, and the unrecorded first run of each variant fills it.
    """
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(out / "pycache")
    return environment


def _load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def time_once(
    variant: Variant, folder: Path, n: int, environment: dict[str, str], cwd: Path
) -> Run:
    """Run the variant once as a new process; wall time, CPU time and peak memory."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(
            variant.command(folder), stdout=stdout, stderr=stderr, env=environment, cwd=cwd
        )
        # wait4 rather than wait: it returns this child's CPU time (with that of the worker
        # processes it waited for) and peak memory (of its largest process, not a sum).
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        output = stdout.read().decode("utf-8", "replace")
        errors = stderr.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{variant.name} exited {process.returncode}: {errors[-2000:]}")
    problem = variant.verify(output, n)
    if problem:
        raise SystemExit(f"{variant.name} did not do the work: {problem}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, usage.ru_inblock, _load())


def measure(
    folder: Path, n: int, names: list[str], repeat: int, environment: dict[str, str], cwd: Path
) -> dict[str, Series]:
    """Every variant `repeat` times, in a rotating order so no variant always goes first."""
    series = {name: Series(name) for name in names}
    # One unrecorded run each: fills the page and bytecode caches alike, and `warm`'s cache.
    for name in names:
        time_once(VARIANTS[name], folder, n, environment, cwd)
    for round_index in range(repeat):
        order = names[round_index % len(names) :] + names[: round_index % len(names)]
        shown = []
        for name in order:
            run = time_once(VARIANTS[name], folder, n, environment, cwd)
            series[name].runs.append(run)
            shown.append(f"{name} {run.seconds:.2f}s")
        print(f"  N={n:,} round {round_index + 1}/{repeat}: " + ", ".join(shown), flush=True)
    return series


def ratios(series: dict[str, Series]) -> dict[str, dict[str, float]]:
    """ours/yaml and friends: the ratio of wall-time medians, the median of the per-round
    ratios (robust to a machine that gets busier during the run), and the ratio of CPU-time
    medians (robust to other processes taking turns on the cores)."""
    found: dict[str, dict[str, float]] = {}
    pairs = (("ours", "yaml"), ("ours", "read"), ("yaml", "read"), ("warm", "startup"))
    for top, bottom in pairs:
        if top not in series or bottom not in series:
            continue
        above, below = series[top].seconds(), series[bottom].seconds()
        found[f"{top}/{bottom}"] = {
            "of_medians": statistics.median(above) / statistics.median(below),
            "paired_median": statistics.median(a / b for a, b in zip(above, below, strict=True)),
            "cpu_of_medians": statistics.median(series[top].cpu_seconds())
            / statistics.median(series[bottom].cpu_seconds()),
        }
    return found


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        f"{'N':>7}  {'variant':<8} {'median s':>9} {'min s':>7} {'max s':>7} {'CPU s':>7} "
        f"{'sets/s':>8} {'peak MiB':>8}",
    ]
    for result in results:
        n = result["n"]
        for name, summary in result["summary"].items():
            rate = f"{n / summary['median']:,.0f}" if name != "startup" else "-"
            lines.append(
                f"{n:>7,}  {name:<8} {summary['median']:>9.2f} {summary['min']:>7.2f} "
                f"{summary['max']:>7.2f} {summary['cpu_median']:>7.2f} "
                f"{rate:>8} {summary['max_rss_mib']:>8.0f}"
            )
        for label, value in result["ratios"].items():
            lines.append(
                f"{'':>7}  {label:<13} {value['of_medians']:.2f}x wall "
                f"(paired {value['paired_median']:.2f}x), {value['cpu_of_medians']:.2f}x CPU"
            )
    return "\n".join(lines)


def verdict(results: list[dict[str, Any]]) -> str:
    """The cold and the warm check targets (docs/performance.md), where this run measured them."""
    lines = []
    for result in results:
        if result["n"] != GOAL_SIZE:
            continue
        if "ours/yaml" in result["ratios"]:
            found = result["ratios"]["ours/yaml"]
            ratio = found["of_medians"]
            lines.append(
                f"Cold check target (N={GOAL_SIZE:,}, okr check <= {GOAL_RATIO}x the C-loader "
                f"baseline): {ratio:.2f}x wall ({found['cpu_of_medians']:.2f}x CPU), "
                + ("met." if ratio <= GOAL_RATIO else "NOT met.")
            )
        if "warm" in result["summary"]:
            warm = result["summary"]["warm"]["median"]
            lines.append(
                f"Warm check target (N={GOAL_SIZE:,}, okr check < {GOAL_WARM_SECONDS:g} s): "
                f"{warm:.2f} s, " + ("met." if warm < GOAL_WARM_SECONDS else "NOT met.")
            )
    return "\n".join(lines) or f"The check targets are measured at N={GOAL_SIZE:,}."


def benchmark(
    sizes: list[int], names: list[str], repeat: int, seed: int, out: Path
) -> dict[str, Any]:
    """Every variant at every size; prints as it goes and returns the whole report."""
    out = out.resolve()  # the timed processes run inside it
    facts = machine()
    environment = child_environment(out)
    print(
        f"{facts['cpu']}, {facts['usable_cores']} cores, Python {facts['python']}, PyYAML "
        f"{facts['pyyaml']} (libyaml: {facts['pyyaml_libyaml']}), {facts['date']}",
        flush=True,
    )
    results: list[dict[str, Any]] = []
    for n in sizes:
        folder = organisation(n, seed, out)
        summary = assert_valid(folder, n, out)
        print(
            f"N={n:,}: okr check finds {summary.get('error', 0)} errors, "
            f"{summary.get('warning', 0)} warnings in {summary.get('files')} files",
            flush=True,
        )
        before = code_digest()
        series = measure(folder, n, names, repeat, environment, out)
        after = code_digest()
        if after != before:
            print(f"WARNING: the package's code changed during the N={n:,} runs", flush=True)
        results.append(
            {
                "n": n,
                "folder": str(folder),
                "check_summary": summary,
                "code_digest": [before, after],
                "summary": {name: s.summary() for name, s in series.items()},
                "ratios": ratios(series),
                "runs": {name: [asdict(run) for run in s.runs] for name, s in series.items()},
            }
        )
    print()
    print(table(results))
    print(verdict(results))
    report = {
        "machine": facts,
        "seed": seed,
        "repeat": repeat,
        "variants": {name: VARIANTS[name].description for name in names},
        "commands": {name: VARIANTS[name].command(Path("DIR")) for name in names},
        "bytecode_cache": environment["PYTHONPYCACHEPREFIX"],
        "goals": {
            "size": GOAL_SIZE,
            "max_ratio_ours_over_yaml": GOAL_RATIO,
            "max_warm_seconds": GOAL_WARM_SECONDS,
        },
        "results": results,
    }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes", default="1000,10000", help="comma-separated N (default 1000,10000)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="rounds per size (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--variants",
        default=",".join(VARIANTS),
        help=f"comma-separated, from {', '.join([*VARIANTS, *ALIASES])} (default: all)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where organisations and results go")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()  # the timed processes run inside it
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    names = [ALIASES.get(name.strip(), name.strip()) for name in args.variants.split(",")]
    names = [name for name in names if name]
    unknown = [name for name in names if name not in VARIANTS]
    if unknown or not sizes or args.repeat < 1:
        parser.error(f"unknown variants {unknown}" if unknown else "need sizes and --repeat >= 1")

    report = benchmark(sizes, names, args.repeat, args.seed, args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    written = args.out / f"results-{stamp}.json"
    written.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"results: {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
