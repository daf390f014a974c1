"""Where `okr check` spends its time, on a generated organisation (default N = 10,000).

    python bench/profile_check.py [--n 10000] [--seed 1] [--top 30]

Three views, printed and saved under bench/out/:

1. phases, timed without a profiler (a profiler inflates Python-heavy code) and with the
   cyclic garbage collector off: reading, decode + split, libyaml's events with our builder of
   values, pydantic validation, building the model, the cross-file checks; then the whole of
   `analyse` with the collector on and off, and libyaml's event stream alone;
2. cProfile of `mkdocs_okr.cli.main(["check", "--no-cache", DIR])` in-process, top entries
   by cumulative and by own time (open the .pstats file with `python -m pstats`);
3. import time of the command (`python -X importtime`), the part of a cold run that does not
   grow with N.

It reaches into the core's private functions to time the phases apart; when the core is
restructured, update `phases` to match.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from mkdocs_okr import cli
from mkdocs_okr.core import frontmatter, load, workers
from mkdocs_okr.core import organisation as organisation_module
from mkdocs_okr.core.diagnostics import Diagnostic
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.schema import OkrSetIn
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.okrfolder import read_folder
from run import OUT, organisation


class Clock:
    """Sums the time of named phases: `lap(name)` ends the phase that started at the last lap."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self._last = time.perf_counter()

    def start(self) -> None:
        self._last = time.perf_counter()

    def lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.totals[phase] = self.totals.get(phase, 0.0) + now - self._last
        self._last = now


class GcTimer:
    """Time spent in the cyclic garbage collector, by generation, while installed."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.collections = [0, 0, 0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            generation = info["generation"]
            self.seconds[generation] += time.perf_counter() - self._started
            self.collections[generation] += 1

    @contextlib.contextmanager
    def installed(self) -> Iterator[GcTimer]:
        gc.callbacks.append(self)
        try:
            yield self
        finally:
            gc.callbacks.remove(self)


def phases(folder: Path) -> dict[str, Any]:
    """The load of every file split into its steps, as `load.load_text` does them.

    The steps run with the cyclic garbage collector off, so that a collection (which walks
    every live object, whoever allocated it) is not charged to whichever step it interrupts;
    the collector's share is measured apart, on the whole of `analyse`.
    """
    settings = Settings()
    calendar = settings.calendar()
    clock = Clock()
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        clock.start()
        files = _read(folder)
        clock.lap("read files")
        kept: list[object] = []  # the sets stay alive, as they do in `okr check`
        for path, raw in files:
            clock.start()
            text, _problems = frontmatter.decode(raw, path)
            clock.lap("decode")
            assert text is not None
            yaml_text, body, body_line, _problems = frontmatter.split(text, path)
            assert yaml_text is not None
            clock.lap("split front matter")
            # libyaml's events and our builder interleave (the events stream): one phase.
            # `baseline_in_process` times the event stream alone, to split it.
            root, builder = frontmatter.parse_front_matter(yaml_text, path, 2)
            document = frontmatter.Document(
                root, builder.value_positions, builder.key_positions, body, body_line
            )
            clock.lap("YAML events + build values")
            validated = OkrSetIn.model_validate(root)
            clock.lap("pydantic validation")
            out: list[Diagnostic] = []
            kept.append(load._build_set(validated, document, path, settings, calendar, out))
            clock.lap("build model + lints")
        per_file = time.perf_counter() - started
        del kept
    finally:
        gc.enable()

    # The whole of `analyse` (what `okr check` runs) in one process, with the cyclic GC on and
    # off: its collections walk every live object, so they cost more the bigger the
    # organisation. Then as `okr check` runs it, with worker processes where there are cores.
    timer = GcTimer()
    with one_process(), timer.installed():
        analysing = _best(lambda: analyse(files, settings), times=1)
    gc.disable()
    try:
        with one_process():
            analysing_without_gc = _best(lambda: analyse(files, settings), times=1)
    finally:
        gc.enable()
    analysing_with_workers = _best(lambda: analyse(files, settings), times=1)
    cross_file = _cross_file(files, settings)
    return {
        "files": len(files),
        "seconds": clock.totals,
        "per_file_total": per_file,
        "analyse": analysing,
        "analyse_without_gc": analysing_without_gc,
        "analyse_with_workers": analysing_with_workers,
        "workers": workers.worker_count(len(files)),
        "gc_seconds_in_analyse": sum(timer.seconds),
        "gc_collections_in_analyse": timer.collections,
        "cross_file": cross_file,
    }


@contextlib.contextmanager
def one_process() -> Iterator[None]:
    """Load in this process, as on one core: a profiler sees no work done by a worker."""
    with mock.patch.object(load, "worker_count", lambda _items: 0):
        yield


def _read(folder: Path) -> list[tuple[str, bytes]]:
    """The files as `okr check` reads them (a generated organisation has no unreadable one)."""
    found = [(path, raw) for path, raw in read_folder(folder) if raw is not None]
    assert found, f"no OKR files in {folder}"
    return found


def _cross_file(files: list[tuple[str, bytes]], settings: Settings) -> float:
    """The cross-file part alone: `analyse` handed files that are already loaded."""
    loaded = load.load_files(files, settings)
    with mock.patch.object(organisation_module, "load_files", lambda *_args, **_kwargs: loaded):
        return _best(lambda: analyse(files, settings))


def _best(work: Callable[[], object], times: int = 2) -> float:
    """The faster of `times` runs, each from a collected heap (the machine is noisy)."""
    found = []
    for _ in range(times):
        gc.collect()
        found.append(_seconds(work))
    return min(found)


def _seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def baseline_in_process(folder: Path) -> dict[str, float]:
    """The C-loader baseline's work, in-process, and libyaml's event stream alone."""
    texts: list[str] = []
    for _path, raw in _read(folder):
        text = raw.decode("utf-8-sig")
        texts.append(text[4 : text.find("\n---\n", 3) + 1])

    def load_each() -> None:
        for text in texts:  # each result dropped at once, as the baseline script does
            yaml.load(text, Loader=yaml.CSafeLoader)

    def parse_each() -> None:
        for text in texts:
            for _event in frontmatter._events(text):
                pass

    return {
        "yaml.load(CSafeLoader)": _best(load_each),
        "libyaml's events only (as the reader asks for them)": _best(parse_each),
    }


def profile(folder: Path, out: Path, top: int) -> tuple[str, str]:
    """cProfile of the whole command, in-process; (by cumulative, by own time)."""
    profiler = cProfile.Profile()
    with contextlib.redirect_stdout(io.StringIO()), one_process():
        profiler.enable()
        code = cli.main(["check", "--no-cache", str(folder)])
        profiler.disable()
    if code != 0:
        raise SystemExit(f"okr check exited {code}: the organisation is not valid")
    stats_file = out / f"profile-{folder.name}.pstats"
    profiler.dump_stats(str(stats_file))
    views = []
    for order in ("cumulative", "tottime"):
        buffer = io.StringIO()
        stats = pstats.Stats(str(stats_file), stream=buffer)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        views.append(buffer.getvalue())
    return views[0], views[1]


def import_times(repeat: int = 5) -> dict[str, Any]:
    """Cold import of the command and of PyYAML alone; the heaviest imports by -X importtime."""
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")

    def cold(code: str) -> float:
        runs = []
        for _ in range(repeat + 1):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=environment, check=True)
            runs.append(time.perf_counter() - started)
        return statistics.median(runs[1:])  # the first one fills the bytecode cache

    report = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import mkdocs_okr.cli"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    cumulative: dict[str, int] = {}  # microseconds, including what the module imports first
    for line in report.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            cumulative.setdefault(parts[2].strip(), int(parts[1]))
    return {
        "python -c pass": cold("pass"),
        "python -c 'import yaml'": cold("import yaml"),
        "python -c 'import mkdocs_okr.cli'": cold("import mkdocs_okr.cli"),
        "import_us": {name: cumulative[name] for name in IMPORTS_SHOWN if name in cumulative},
    }


# Imports worth naming in the report (cumulative: a module's own time and what it imports first).
IMPORTS_SHOWN = (
    "mkdocs_okr.cli",
    "pydantic",
    "pydantic_core",
    "mkdocs_okr.core.schema",  # pydantic builds its validators when the model classes are made
    "mkdocs_okr.core.settings",
    "yaml",
    "argparse",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Where `okr check` spends its time.")
    parser.add_argument("--n", type=int, default=10_000, help="number of sets (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=30, help="rows of each profile view")
    args = parser.parse_args(argv)
    folder = organisation(args.n, args.seed)
    OUT.mkdir(parents=True, exist_ok=True)

    found = phases(folder)
    print(f"Phases of loading {found['files']:,} files (no profiler):")
    for phase, seconds in found["seconds"].items():
        print(f"  {phase:<28} {seconds:7.2f} s")
    print(f"  {'total, cyclic GC off':<28} {found['per_file_total']:7.2f} s")
    print(
        f"  analyse (all of okr check's work): {found['analyse']:.2f} s, of which cyclic GC "
        f"{found['gc_seconds_in_analyse']:.2f} s (collections by generation: "
        f"{found['gc_collections_in_analyse']}); with the GC off {found['analyse_without_gc']:.2f} s"
    )
    print(
        f"  analyse as okr check runs it ({found['workers'] or 'no'} worker processes): "
        f"{found['analyse_with_workers']:.2f} s"
    )
    print(f"  cross-file checks alone (analyse of loaded files): {found['cross_file']:.2f} s")
    baseline = baseline_in_process(folder)
    for name, seconds in baseline.items():
        print(f"  baseline: {name:<50} {seconds:7.2f} s")
    imports = import_times()
    print("Cold start (median of 5):")
    for name, value in imports.items():
        if name != "import_us":
            print(f"  {name:<36} {value:.3f} s")
    print("  imports (-X importtime, cumulative, one run):")
    for name, microseconds in imports["import_us"].items():
        print(f"    {microseconds / 1000:8.1f} ms  {name}")

    by_cumulative, by_own = profile(folder, OUT, args.top)
    print(by_cumulative)
    print(by_own)
    saved = OUT / f"profile-{folder.name}.json"
    saved.write_text(
        json.dumps({"phases": found, "baseline": baseline, "imports": imports}, indent=2),
        encoding="utf-8",
    )
    print(f"saved: {saved} and {OUT / f'profile-{folder.name}.pstats'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
