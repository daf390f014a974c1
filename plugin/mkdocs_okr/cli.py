"""The `okr` command: check and export OKR files. A thin door into the core (never MkDocs)."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .core.diagnostics import Diagnostic, Severity
from .core.export import to_csv, to_json
from .core.load import read_folder
from .core.organisation import Organisation, analyse, count_by_severity
from .core.settings import Settings
from .project import find_settings


def _escape_data(text: str) -> str:
    # GitHub workflow commands: a raw newline in a message would start a command of its own.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostic: Diagnostic, shown_path: str) -> str:
    command = {"error": "error", "warning": "warning", "info": "notice"}[diagnostic.severity.value]
    properties = f"file={_escape_property(shown_path)}"
    if diagnostic.line:
        properties += f",line={diagnostic.line}"
    if diagnostic.column:
        properties += f",col={diagnostic.column}"
    properties += f",title={_escape_property('okr ' + diagnostic.code)}"
    return f"::{command} {properties}::{_escape_data(diagnostic.message)}"


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def format_text(diagnostic: Diagnostic, shown_path: str) -> str:
    # One line per diagnostic, even when a message quotes text (or a file name) with line
    # breaks: a second line could pass for a diagnostic, or for a workflow command on CI.
    path = _one_line(shown_path)
    if path.lstrip().startswith(("::", "##[")):
        # A file named `::error::x.md` must not pass for a workflow command (`##[` is the
        # runner's older syntax).
        path = "./" + path
    return (
        f"{path}:{diagnostic.line}:{diagnostic.column}: "
        f"{diagnostic.severity.value}: {_one_line(diagnostic.message)} [{diagnostic.code}]"
    )


def _load(folder: Path, settings: Settings) -> Organisation:
    return analyse(read_folder(folder), settings)


def _resolve(args: argparse.Namespace) -> tuple[Settings, Path] | int:
    settings, configured, problems = find_settings(args.config)
    for problem in problems:
        print(f"{args.config or 'mkdocs.yml'}: error: {problem}", file=sys.stderr)
    if problems:
        return 2
    folder = Path(args.dir) if args.dir else configured
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        print(f"okr: error: the OKR folder '{folder}' {what}.", file=sys.stderr)
        return 2
    return settings, folder


def _shown(folder: Path, relative: str) -> str:
    return (folder / relative).as_posix()


def command_check(args: argparse.Namespace) -> int:
    resolved = _resolve(args)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    organisation = _load(folder, settings)
    diagnostics = organisation.diagnostics
    counts = count_by_severity(diagnostics)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "diagnostics": [
                        {**d.as_dict(), "path": _shown(folder, d.path)} for d in diagnostics
                    ],
                    "summary": {
                        "files": len(organisation.files),
                        "sets": len(organisation.sets),
                        **counts,
                    },
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for diagnostic in diagnostics:
            shown = _shown(folder, diagnostic.path)
            if args.format == "github":
                print(format_github(diagnostic, shown))
            print(format_text(diagnostic, shown))
        print(
            f"{len(organisation.files)} files, {len(organisation.sets)} OKR sets: "
            f"{counts['error']} errors, {counts['warning']} warnings."
        )
    failing = counts["error"] + (counts["warning"] if args.strict else 0)
    return 1 if failing else 0


def command_export(args: argparse.Namespace) -> int:
    resolved = _resolve(args)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    organisation = _load(folder, settings)
    text = to_json(organisation) if args.format == "json" else to_csv(organisation)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 1 if any(d.severity is Severity.ERROR for d in organisation.diagnostics) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okr",
        description="Check, score and export OKR files (Markdown with YAML front matter).",
    )
    parser.add_argument("--version", action="version", version=f"mkdocs-okr {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "dir",
            nargs="?",
            help="the OKR folder (default: the plugin's okrs_dir in mkdocs.yml, else ./okrs)",
        )
        sub.add_argument(
            "--config", "-f", type=Path, default=None, help="the mkdocs.yml to read options from"
        )

    check = commands.add_parser("check", help="validate every OKR file and print the problems")
    add_common(check)
    check.add_argument("--format", choices=["text", "json", "github"], default="text")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.set_defaults(handler=command_check)

    export = commands.add_parser("export", help="every set, objective and KR with scores")
    add_common(export)
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--output", "-o", help="write to this file instead of standard output")
    export.set_defaults(handler=command_export)
    return parser


def _utf8_streams() -> None:
    # OKR files are mostly Chinese; where standard output is a pipe or a file on Windows,
    # Python would encode it in the locale's code page and fail on the first Chinese title.
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if isinstance(stream, io.TextIOWrapper) and encoding not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _utf8_streams()
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - `okr export | head`
        # Python would fail again flushing stdout at exit; send the rest nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
