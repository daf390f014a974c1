"""What a user of `make serve` waits for: from saving one OKR file to the rebuilt page served.

For a size N it makes a project with the example's own settings (bench/page_html.py's
`example_settings`: Chinese, Material's search with jieba) over bench/generate.py's organisation,
starts a real `mkdocs serve` on 127.0.0.1 and a free port with exactly the arguments of the
Makefile's `serve` recipe (read from the Makefile), waits for the first build, then K times:
appends a check-in (a new value, which completes a key result, and a note) to a different
individual's set file and polls over HTTP until that set's page shows the note and the cycle's
page has changed (the set's progress on it). It records the seconds from the write to both pages
served, and the load average.

    python bench/serve.py --n 1000 --saves 5 [--plain]

`--plain` runs the same recipe without `--dirty` (MkDocs rebuilds every page): the side-by-side
figure. `measure_serve(project, saves)` is what `make bench` calls.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import TODAY
from generate import TEAM_CYCLE, generate
from page_html import example_settings

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out" / "serve"
POLL = 0.05  # seconds between two requests for a page
TIMEOUT = 900.0  # seconds a save or the first build may take before the bench gives up

# A check-in line as bench/generate.py writes it (and people do): `- {date: ..., value: ...}`.
_CHECKIN = re.compile(r"^(?P<indent>\s*)- \{date: (?P<date>\d{4}-\d\d-\d\d), value: [-\d.]+\b.*$")
_BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
_TARGET = re.compile(r"^\s*target: (?P<target>[-\d.]+)\s*$")


def serve_arguments(makefile: Path = REPO / "Makefile") -> list[str]:
    """The arguments after `mkdocs` in the Makefile's `serve` recipe (its first command)."""
    lines = makefile.read_text(encoding="utf-8").splitlines()
    start = lines.index(next(line for line in lines if line.startswith("serve:")))
    recipe = next(line for line in lines[start + 1 :] if line.startswith("\t"))
    words = shlex.split(recipe.strip())
    program = next(i for i, word in enumerate(words) if word.endswith("mkdocs"))
    return words[program + 1 :]


def project_for(n: int, seed: int = 1) -> Path:
    """A project of n sets with the example's settings (made once, reused on later runs)."""
    project = OUT / f"n{n}-seed{seed}"
    if (project / "mkdocs.yml").is_file():
        return project
    shutil.rmtree(project, ignore_errors=True)
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Bench\n", encoding="utf-8")
    generate(project / "okrs", n, seed)
    settings = example_settings().replace(
        "\nplugins:\n", f"\nplugins:\n  - okr:\n      okrs_dir: okrs\n      today: '{TODAY}'\n", 1
    )
    nav = "nav:\n  - index.md\n  - OKR: okr/index.md\n"
    (project / "mkdocs.yml").write_text(settings + nav, encoding="utf-8")
    return project


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body: bytes = response.read()
            return body
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait(what: str, test: Any, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not test():
        if process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped while waiting for {what}; see {log}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"no {what} after {TIMEOUT:.0f} s; see {log}")
        time.sleep(POLL)


def _individuals(okrs: Path, count: int) -> list[Path]:
    """`count` individuals' set files of the team cycle, spread over the organisation."""
    files = [
        path
        for path in sorted((okrs / TEAM_CYCLE).rglob("*.md"))
        if "level: individual" in path.read_text(encoding="utf-8")[:800]
    ]
    step = max(1, len(files) // max(count, 1))
    return files[::step][:count]


def _owner(path: Path) -> str:
    found = re.search(r"^owner: *(\S+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    if found is None:
        raise ValueError(f"{path}: no owner")
    return found[1].strip("'\"")


def add_checkin(path: Path, note: str) -> None:
    """Append to a set file a check-in that reaches its first numeric key result's target,
    a week after that key result's last check-in, with `note` (the page shows it)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    target = None
    for number, line in enumerate(lines):
        if found := _TARGET.match(line):
            target = found["target"]
        checkin = _CHECKIN.match(line)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if checkin and target is not None and not _CHECKIN.match(following):
            day = dt.date.fromisoformat(checkin["date"]) + dt.timedelta(weeks=1)
            new = f"{checkin['indent']}- {{date: {day.isoformat()}, value: {target}, note: {note}}}"
            lines.insert(number + 1, new)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return
    raise ValueError(f"{path}: no numeric key result with check-ins")


def measure_serve(project: Path, saves: int, *, plain: bool = False) -> dict[str, Any]:
    """Start `mkdocs serve` as `make serve` does (without `--dirty` if `plain`) on a copy of
    `project`, save `saves` set files one after another and time each until served."""
    mode = "plain" if plain else "as-make-serve"
    work = project.parent / f"{project.name}-serving-{mode}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(project, work, ignore=shutil.ignore_patterns("site"))
    port = _free_port()
    arguments = serve_arguments()
    if plain:
        arguments = [word for word in arguments if word != "--dirty"]
    at = arguments.index("--dev-addr")
    arguments[at + 1] = f"127.0.0.1:{port}"
    command = [sys.executable, "-m", "mkdocs", *arguments]
    base = f"http://127.0.0.1:{port}/"
    log = project.parent / f"{project.name}-serve-{mode}.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("OKR_LANG", None)
    # This checkout's plugin, whichever one the environment has installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "plugin"), env.get("PYTHONPATH")]))
    targets = _individuals(work / "okrs", saves)
    cycle_url = f"{base}okr/{TEAM_CYCLE}/"
    seconds: list[float] = []
    started = time.monotonic()
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=work, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        try:
            _wait("first build", lambda: _get(cycle_url) is not None, process, log)
            first_build = time.monotonic() - started
            time.sleep(2.0)  # let the watcher take its first look at the files
            for number, path in enumerate(targets, 1):
                page_url = f"{base}okr/{TEAM_CYCLE}/{_owner(path)}/"
                cycle_before = _get(cycle_url)
                token = f"bench-save-{number}-{time.time_ns()}"
                written = time.monotonic()
                add_checkin(path, token)

                def served(page_url: str = page_url, token: str = token) -> bool:
                    page = _get(page_url)
                    return page is not None and token.encode() in page

                _wait(f"{token} on {page_url}", served, process, log)

                def changed(before: bytes | None = cycle_before) -> bool:
                    return _get(cycle_url) != before

                _wait(f"a new {cycle_url}", changed, process, log)
                seconds.append(round(time.monotonic() - written, 3))
                time.sleep(1.0)  # the server settles before the next save
        finally:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    shutil.rmtree(work, ignore_errors=True)
    # MkDocs' own figure for each build (the first one, then one per save).
    builds = [float(found) for found in _BUILT.findall(log.read_text(encoding="utf-8"))]
    return {
        "command": shlex.join(["mkdocs", *arguments]),
        "sets": sum(1 for _ in (project / "okrs").rglob("*.md")),
        "first_build": round(first_build, 2),
        "seconds": seconds,
        "median": statistics.median(seconds) if seconds else None,
        "mkdocs_builds": builds,
        "log": str(log),
        "load_average": [round(value, 2) for value in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--plain", action="store_true", help="mkdocs serve without --dirty")
    args = parser.parse_args(argv)
    # Stopped from outside: still stop the server (measure_serve's `finally`).
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(143))
    result = measure_serve(project_for(args.n, args.seed), args.saves, plain=args.plain)
    print(json.dumps({"n": args.n, **result}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
