"""The `okr` command: check and export OKR files. A thin door into the core (never MkDocs)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

# Only what every command needs is imported here; each command imports its own modules. The
# schema builds pydantic models as it is imported and the renderer loads Jinja: `okr --version`
# and a warm `okr check` (tests/cli/test_startup.py) import neither.
from . import __version__, clock
from .cache import CheckCache, CheckResult, Lookup
from .core import messages
from .core.diagnostics import Diagnostic, Severity, count_by_severity, format_text, make, one_line
from .core.model import LEVEL_RANK
from .okrfolder import folder_sources, read_folder
from .project import (
    WrittenOptions,
    command_language,
    find_options,
    read_config,
    render_options,
    site_language,
    written_options,
)

if TYPE_CHECKING:
    from .core.checkin import EditResult
    from .core.organisation import Organisation
    from .core.settings import Settings

BYTE_ORDER_MARK = "\ufeff"


def _escape_data(text: str) -> str:
    # GitHub workflow commands: a raw newline in a message would start a command of its own.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostic: Diagnostic, shown_path: str, language: str = "en") -> str:
    command = {"error": "error", "warning": "warning", "info": "notice"}[diagnostic.severity.value]
    properties = f"file={_escape_property(shown_path)}"
    if diagnostic.line:
        properties += f",line={diagnostic.line}"
    if diagnostic.column:
        properties += f",col={diagnostic.column}"
    properties += f",title={_escape_property('okr ' + diagnostic.code)}"
    return f"::{command} {properties}::{_escape_data(diagnostic.message_in(language))}"


def chosen_language(args: argparse.Namespace) -> str:
    """The language of what a command prints: `--lang`, else OKR_LANG, else the site's
    `theme.language` in mkdocs.yml; en or zh (every command asks this one function)."""
    return command_language(getattr(args, "lang", None), getattr(args, "config", None))


def _say(key: str, language: str, **values: messages.Argument) -> str:
    """One of the command's own sentences (core/texts/command.py) in `language`."""
    return messages.text(key, **values).render(language)


def _error(message: str) -> None:
    """A usage error or a refusal on standard error, after `okr: error: ` (always one line)."""
    print(f"okr: error: {one_line(message)}", file=sys.stderr)


def _why(error: OSError | UnicodeDecodeError) -> messages.Text:
    """Why a file could not be read or written, in plain words rather than the system's."""
    if isinstance(error, UnicodeDecodeError):
        return messages.text("okr.why.not-utf8")
    import errno

    plain = {
        errno.ENOENT: "okr.why.missing",
        errno.EACCES: "okr.why.denied",
        errno.EPERM: "okr.why.denied",
        errno.EISDIR: "okr.why.folder",
        errno.ENOTDIR: "okr.why.not-folder",
        errno.ENOSPC: "okr.why.full",
        errno.EROFS: "okr.why.read-only",
    }
    key = plain.get(error.errno or 0)
    if key is not None:
        return messages.text(key)
    return messages.text("okr.why.other", detail=error.strerror or str(error))


def _load(folder: Path, settings: Settings) -> Organisation:
    from .core.organisation import analyse

    return analyse(read_folder(folder), settings)


def _settings(args: argparse.Namespace) -> tuple[Settings, Path] | int:
    """The options and the configured OKR folder from mkdocs.yml, or exit status 2."""
    options, configured, problems = find_options(args.config)
    for problem in problems:
        print(f"{args.config or 'mkdocs.yml'}: error: {problem}", file=sys.stderr)
    return 2 if problems else (options.settings, configured)


def _settings_and_folder(
    args: argparse.Namespace, *, must_exist: bool = True
) -> tuple[Settings, Path] | int:
    """Settings and the OKR folder (DIR, else the plugin's okrs_dir), or exit status 2.

    `new`, `carry` and `diff` may run before the folder exists: `must_exist=False`."""
    found = _settings(args)
    if isinstance(found, int):
        return found
    settings, configured = found
    folder = Path(args.dir) if args.dir else configured
    if folder.exists() and not folder.is_dir():
        _error(_say("okr.not-a-folder", chosen_language(args), folder=str(folder)))
        return 2
    if must_exist and not folder.exists():
        _error(_say("okr.no-folder", chosen_language(args), folder=str(folder)))
        return 2
    return settings, folder


def _shown(folder: Path, relative: str) -> str:
    return (folder / relative).as_posix()


def command_check(args: argparse.Namespace) -> int:
    written = None if args.no_cache else written_options(args.config)
    cache = CheckCache(_cache_folder(args.config))
    warm = _warm_check(args, written, cache)
    if warm is not None and warm[1].result is not None:
        folder, result = warm[0], warm[1].result
    else:
        resolved = _settings_and_folder(args)
        if isinstance(resolved, int):
            return resolved
        settings, folder = resolved
        # The warm attempt's fingerprint serves when it was of this folder: no file is read twice.
        looked = warm[1] if warm is not None and warm[0] == folder else None
        result = _checked(folder, settings, written, cache, looked)
    language = chosen_language(args)
    diagnostics = result.diagnostics
    counts = count_by_severity(diagnostics)
    if args.format == "json":
        print(
            json.dumps(
                {
                    "diagnostics": [
                        {**d.as_dict(language), "path": _shown(folder, d.path)} for d in diagnostics
                    ],
                    "summary": {"files": result.files, "sets": result.sets, **counts},
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for diagnostic in diagnostics:
            shown = _shown(folder, diagnostic.path)
            if args.format == "github":
                print(format_github(diagnostic, shown, language))
            print(format_text(diagnostic, shown, language))
        print(
            _say(
                "okr.summary",
                language,
                files=result.files,
                sets=result.sets,
                errors=counts["error"],
                warnings=counts["warning"],
            )
        )
    failing = counts["error"] + (counts["warning"] if args.strict else 0)
    return 1 if failing else 0


def _cache_folder(config: Path | None) -> Path:
    """`.cache/okr/` beside mkdocs.yml (the project's top), where Material keeps its caches."""
    config_file = config or Path("mkdocs.yml")
    return (config_file.parent if config_file.is_file() else Path(".")) / ".cache" / "okr"


def _warm_check(
    args: argparse.Namespace, written: WrittenOptions | None, cache: CheckCache
) -> tuple[Path, Lookup] | None:
    """The OKR folder and its files looked up in the result cache, when mkdocs.yml writes the
    options the cache was written with; else None (then the options are validated first).
    Neither the options' models nor the loader are imported: the cache stored the folder the
    options name, and options that were valid."""
    if written is None:
        return None
    okrs_dir = cache.okrs_dir(written.text)
    if okrs_dir is None:
        return None
    folder = Path(args.dir) if args.dir else written.base / okrs_dir
    if not folder.is_dir():
        return None  # `_settings_and_folder` says why
    return folder, cache.look_up(folder_sources(folder), written.text)


def _checked(
    folder: Path,
    settings: Settings,
    written: WrittenOptions | None,
    cache: CheckCache,
    looked: Lookup | None,
) -> CheckResult:
    """The diagnostics of a folder, from the result cache when no file has changed (`looked`:
    the folder already looked up, if it was)."""
    from .core.organisation import analyse

    if written is None:
        # Sources, not bytes: the loader's workers read the files they load.
        return _check_result(analyse(folder_sources(folder), settings))
    if looked is None:
        looked = cache.look_up(folder_sources(folder), written.text)
    if looked.result is not None:
        return looked.result
    result = _check_result(analyse(looked.seen.files(looked.sources), settings))
    cache.put(looked.key, result, looked.seen.stamps, written.text, settings.okrs_dir)
    return result


def _check_result(organisation: Organisation) -> CheckResult:
    return CheckResult(len(organisation.files), len(organisation.sets), organisation.diagnostics)


def command_export(args: argparse.Namespace) -> int:
    resolved = _settings_and_folder(args)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    from .core.export import to_csv, to_json

    organisation = _load(folder, settings)
    text = to_json(organisation) if args.format == "json" else to_csv(organisation)
    if args.format == "csv" and (args.output or not sys.stdout.isatty()):
        # Excel and WPS read a CSV without a byte order mark in the system's code page (GBK
        # on Chinese Windows) and garble every Chinese cell; the mark tells them UTF-8. Not on
        # a terminal, where it is an invisible stray character.
        text = BYTE_ORDER_MARK + text
    if args.output:
        # Bytes, so the line ends stay `\n` on Windows too (docs/export.md).
        Path(args.output).write_bytes(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 1 if any(d.severity is Severity.ERROR for d in organisation.diagnostics) else 0


def command_render(args: argparse.Namespace) -> int:
    """The plugin's pages as files, for engines without plugins (see docs/engines.md)."""
    from .publish import render_folder

    resolved = _settings_and_folder(args)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    config_file = args.config or Path("mkdocs.yml")
    try:
        options = render_options(config_file, settings, args.today)
    except ValueError:
        language = chosen_language(args)
        problem = messages.text("okr.not-a-date", given=args.today)
        _error(_say("okr.of-option", language, option="--today", problem=problem))
        return 2
    organisation = _load(folder, settings)
    language = chosen_language(args)
    for diagnostic in organisation.diagnostics:
        shown = _shown(folder, diagnostic.path)
        print(format_text(diagnostic, shown, language), file=sys.stderr)
    written = render_folder(organisation, options, Path(args.out))
    print(
        _say(
            "okr.rendered",
            language,
            pages=written.pages,
            folder=str(args.out),
            removed=written.removed,
        )
    )
    return 1 if any(d.severity is Severity.ERROR for d in organisation.diagnostics) else 0


# Goals reviewed in pull requests: diff, new, checkin, carry ----------------------------------


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        # Read before the command's options: OKR_LANG, else ./mkdocs.yml, else English.
        language = command_language(None, None)
        raise argparse.ArgumentTypeError(_say("okr.not-a-date", language, given=text)) from error


def _refuse(problems: list[str]) -> int:
    for problem in problems:
        _error(problem)
    return 1


def command_diff(args: argparse.Namespace) -> int:
    from . import gitfiles
    from .core.compare import compare
    from .core.compare import to_data as diff_data
    from .render.pr_summary import render_markdown

    try:
        root = gitfiles.repository_root(Path.cwd())
    except gitfiles.GitError as error:
        print(f"okr: error: {error}", file=sys.stderr)
        return 2
    if args.config is None and not Path("mkdocs.yml").is_file() and (root / "mkdocs.yml").is_file():
        args.config = root / "mkdocs.yml"  # run from anywhere inside the repository
    resolved = _settings_and_folder(args, must_exist=False)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    try:
        inside = gitfiles.folder_in_repository(root, folder)
        base = gitfiles.read_side(root, args.base, folder)
        head = gitfiles.read_side(root, args.head, folder)
    except gitfiles.GitError as error:
        print(f"okr: error: {error}", file=sys.stderr)
        return 2
    # Paths as the repository shows them, so a reviewer finds the file.
    diff = compare(
        [(gitfiles.join(inside, path), raw) for path, raw in base],
        [(gitfiles.join(inside, path), raw) for path, raw in head],
        settings,
        clock.today(args.today),
    )
    if args.format == "json":
        text = (
            json.dumps(diff_data(diff, args.base, args.head), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        text = render_markdown(diff, args.base, args.head, chosen_language(args))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _write_checked(
    folder: Path, files: list[tuple[str, str]], settings: Settings, language: str
) -> int:
    """Write the files if they add no error to the folder; print what `okr check` would say."""
    from .writefiles import errors_introduced, write_files

    errors, others = errors_introduced(folder, files, settings)
    for diagnostic in errors + others:
        print(format_text(diagnostic, _shown(folder, diagnostic.path), language), file=sys.stderr)
    if errors:
        return _refuse([_say("okr.not-passing", language)])
    targets = [(folder / path, text.encode("utf-8")) for path, text in files]
    try:
        write_files(targets)
    except OSError as error:
        return _refuse([_say("okr.not-written", language, reason=_why(error))])
    for target, _content in targets:
        print(_say("okr.wrote", language, file=target.as_posix()))
    return 0


def command_new(args: argparse.Namespace) -> int:
    from .core.newset import new_set, new_set_problems

    resolved = _settings_and_folder(args, must_exist=False)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    language = chosen_language(args)
    problems = new_set_problems(
        args.cycle, args.owner, args.level, args.parent, args.aligns or [], settings.calendar()
    )
    if problems:
        return _refuse([problem.message_in(language) for problem in problems])
    path = f"{args.cycle}/{args.owner}.md"
    if (folder / path).exists() and not args.force:
        return _refuse([_say("okr.exists-force", language, path=(folder / path).as_posix())])
    text = new_set(
        args.cycle,
        args.owner,
        args.level,
        parent=args.parent,
        name=args.name,
        aligns=args.aligns,
        objective_type=settings.default_type,
        language=language,
    )
    return _write_checked(folder, [(path, text)], settings, language)


def _read_one_file(args: argparse.Namespace) -> tuple[Settings, Path, str] | int:
    """The settings, the OKR file `okr checkin` / `okr score` edits and its text, or the exit
    status."""
    found = _settings(args)
    if isinstance(found, int):
        return found
    settings, _folder = found
    file = Path(args.file)
    language = chosen_language(args)
    problem = _not_a_file(file, language)
    if problem:
        _error(problem)
        return 2
    try:
        return settings, file, file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _refuse([_say("okr.cannot-read", language, file=str(file), reason=_why(error))])


def _write_edit(file: Path, result: EditResult, language: str) -> int | None:
    """Write the edited file whole; the exit status when it was refused or failed."""
    from .writefiles import write_files

    unchanged = _say("okr.unchanged", language, file=str(file))
    if result.text is None:
        return _refuse([*(problem.message_in(language) for problem in result.problems), unchanged])
    try:
        write_files([(file, result.text.encode("utf-8"))])
    except OSError as error:
        why = _why(error)
        return _refuse([_say("okr.cannot-write", language, file=str(file), reason=why), unchanged])
    return None


_Request = TypeVar("_Request")


def _parsed(
    values: list[str], parse: Callable[[str], _Request | None], refusal: str, language: str
) -> list[_Request] | int:
    """Each value read by `parse`, or the exit status of the first it cannot read (the message
    `refusal` says how to write one)."""
    requests = []
    for given in values:
        request = parse(given)
        if request is None:
            return _refuse([_say(refusal, language, given=given)])
        requests.append(request)
    return requests


def command_checkin(args: argparse.Namespace) -> int:
    if args.from_csv:
        return command_checkin_csv(args)
    from .core.checkin import add_checkins, parse_request

    language = chosen_language(args)
    if not args.file or not args.values:
        _error(_say("okr.file-or-csv", language))
        return 2
    opened = _read_one_file(args)
    if isinstance(opened, int):
        return opened
    settings, file, text = opened
    requests = _parsed(args.values, parse_request, "okr.not-a-request", language)
    if isinstance(requests, int):
        return requests
    day = args.date or clock.today(args.today)
    failed = _write_edit(
        file,
        add_checkins(text, file.as_posix(), settings, requests, day, args.note),
        language,
    )
    if failed is not None:
        return failed
    for request in requests:
        shown = {"file": file.as_posix(), "ref": request.ref, "value": request.value_text}
        print(_say("okr.checked-in", language, **shown, day=day.isoformat()))
    return 0


def command_checkin_csv(args: argparse.Namespace) -> int:
    """Every check-in of a CSV, across sets: all written, or none."""
    from .core.checkin_csv import apply_csv
    from .core.organisation import analyse

    if args.file or args.values:
        _error(_say("okr.file-and-csv", chosen_language(args)))
        return 2
    resolved = _settings_and_folder(args)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    csv_file = Path(args.from_csv)
    try:
        data = csv_file.read_bytes()
    except OSError as error:
        why = _why(error)
        _error(_say("okr.cannot-read", chosen_language(args), file=str(csv_file), reason=why))
        return 2
    files = read_folder(folder)
    by_path = dict(files)
    result = apply_csv(
        data,
        csv_file.as_posix(),
        analyse(files, settings),
        lambda path: (by_path[path] or b"").decode("utf-8"),
        settings,
        args.date or clock.today(args.today),
    )
    language = chosen_language(args)
    for problem in result.problems:
        print(format_text(problem, csv_file.as_posix(), language), file=sys.stderr)
    if result.problems:
        return _refuse([_say("okr.csv-not-all", language)])
    return _write_checked(folder, result.files, settings, language)


def command_score(args: argparse.Namespace) -> int:
    from .core.grade import parse_score_request, set_scores

    language = chosen_language(args)
    opened = _read_one_file(args)
    if isinstance(opened, int):
        return opened
    settings, file, text = opened
    requests = _parsed(args.values, parse_score_request, "okr.not-a-score-request", language)
    if isinstance(requests, int):
        return requests
    failed = _write_edit(file, set_scores(text, file.as_posix(), settings, requests), language)
    if failed is not None:
        return failed
    for request in requests:
        shown = {"file": file.as_posix(), "ref": request.ref, "score": request.score_text}
        print(_say("okr.scored", language, **shown))
    return 0


def command_apply_issue(args: argparse.Namespace) -> int:
    """An issue of the OKR forms applied to the OKR files; the answer written to --reply."""
    from .applyissue import Issue, apply_issue, reply
    from .core.organisation import analyse
    from .writefiles import errors_introduced, write_files

    try:
        issue = Issue.from_event(json.loads(Path(args.event).read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:  # EventError and JSON errors are ValueErrors
        print(f"okr: error: {args.event}: {one_line(str(error))}", file=sys.stderr)
        return 2
    resolved = _settings_and_folder(args)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    language = messages.language_of(args.lang or site_language(args.config))
    files = read_folder(folder)
    by_path = dict(files)
    outcome = apply_issue(
        issue,
        analyse(files, settings),
        lambda path: (by_path[path] or b"").decode("utf-8"),
        settings,
        language,
    )
    if outcome.files:
        errors, _others = errors_introduced(folder, outcome.files, settings)
        outcome.problems.extend(errors)
    if outcome.files and not outcome.problems:
        try:
            write_files([(folder / path, text.encode("utf-8")) for path, text in outcome.files])
        except OSError as error:
            outcome.problems.append(
                make(
                    "apply-not-written",
                    "",
                    0,
                    0,
                    messages.text("apply-not-written", error=str(error)),
                )
            )
    answer = reply(outcome, language)
    if args.reply:
        Path(args.reply).write_text(answer, encoding="utf-8")
    else:
        sys.stdout.write(answer)
    for problem in outcome.problems:
        print(f"okr: {problem.code}: {one_line(problem.message_in(language))}", file=sys.stderr)
    return 1 if outcome.problems else 0


def command_remind(args: argparse.Namespace) -> int:
    """The weekly reminder's Markdown (empty when nobody is due)."""
    from .core.remind import reminder

    resolved = _settings_and_folder(args)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    config = read_config(args.config or Path("mkdocs.yml")) or {}
    repo_url = config.get("repo_url")
    text = reminder(
        _load(folder, settings),
        settings,
        clock.today(args.today),
        messages.language_of(args.lang or site_language(args.config)),
        repo_url if isinstance(repo_url, str) else None,
    )
    if args.output:
        Path(args.output).write_bytes(text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def command_init(args: argparse.Namespace) -> int:
    """A new organisation's repository in an empty (or new) folder."""
    from .init import init_files
    from .writefiles import write_files

    target = Path(args.dir)
    language = args.lang  # the language of the site it makes
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        return _refuse([_say("okr.not-empty", language, folder=str(target))])
    files = init_files(args.lang, args.name, args.repo_url, clock.today(args.today))
    try:
        write_files([(target / path, text.encode("utf-8")) for path, text in files])
    except OSError as error:
        return _refuse([_say("okr.not-written", language, reason=_why(error))])
    for path, _text in files:
        print(_say("okr.wrote", language, file=(target / path).as_posix()))
    return 0


def _not_a_file(path: Path, language: str) -> str | None:
    """Why `path` cannot be the one OKR file a command edits, in plain words (None if it can)."""
    if path.is_dir():
        example = f"{path.as_posix()}/2024-Q1/brand.md"
        return _say("okr.folder-not-file", language, folder=str(path), example=example)
    if not path.exists():
        return _say("okr.no-file", language, file=str(path))
    return None


def command_carry(args: argparse.Namespace) -> int:
    from .core.carry import carry
    from .core.organisation import analyse

    resolved = _settings_and_folder(args, must_exist=False)
    if isinstance(resolved, int):
        return resolved
    settings, folder = resolved
    calendar = settings.calendar()
    language = chosen_language(args)
    new_cycle = calendar.get(args.new)
    problems = [
        _say("okr.not-a-cycle", language, cycle=cycle)
        for cycle in (args.old, args.new)
        if calendar.get(cycle) is None
    ]
    if args.old == args.new:
        problems.append(_say("okr.same-cycle", language))
    if problems or new_cycle is None:
        return _refuse(problems)
    organisation = analyse(read_folder(folder) if folder.is_dir() else [], settings)
    result = carry(organisation, args.old, new_cycle, args.owner, language)
    problems = [problem.message_in(language) for problem in result.problems]
    problems += [
        _say("okr.exists-carry", language, path=(folder / path).as_posix())
        for path, _text in result.files
        if (folder / path).exists()
    ]
    if problems:
        return _refuse(problems)
    written = _write_checked(folder, result.files, settings, language)
    if written == 0:
        # What was left out and what to rewrite, once the drafts exist to be edited.
        for note in result.notes:
            print(format_text(note, _shown(folder, note.path), language))
    return written


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okr",
        description="Check, score and export OKR files (Markdown with YAML front matter).",
    )
    parser.add_argument("--version", action="version", version=f"mkdocs-okr {__version__}")
    parser.add_argument(
        "--lang",
        choices=["en", "zh"],
        help="the language of messages and new texts (default: the environment variable "
        "OKR_LANG, else theme.language in mkdocs.yml)",
    )
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
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the result cache in .cache/okr/",
    )
    check.set_defaults(handler=command_check)

    export = commands.add_parser("export", help="every set, objective and KR with scores")
    add_common(export)
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--output", "-o", help="write to this file instead of standard output")
    export.set_defaults(handler=command_export)

    render = commands.add_parser(
        "render", help="write the site's OKR pages into a folder (for engines without plugins)"
    )
    add_common(render)
    render.add_argument(
        "--out", required=True, help="the folder of the pages, inside docs_dir (e.g. docs/okr)"
    )
    render.add_argument("--today", help="the day for expected progress (YYYY-MM-DD)")
    render.set_defaults(handler=command_render)

    def add_folder(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--dir",
            help="the OKR folder (default: the plugin's okrs_dir in mkdocs.yml, else ./okrs)",
        )
        sub.add_argument(
            "--config", "-f", type=Path, default=None, help="the mkdocs.yml to read options from"
        )

    def add_lang(sub: argparse.ArgumentParser, what: str) -> None:
        # SUPPRESS: without it, the subcommand's default would overwrite `okr --lang zh diff`.
        sub.add_argument(
            "--lang",
            choices=["en", "zh"],
            default=argparse.SUPPRESS,
            help=f"the language of {what} (default: the global --lang, OKR_LANG, "
            "theme.language in mkdocs.yml)",
        )

    diff = commands.add_parser(
        "diff", help="what a change does to the goals, as a review summary (git revisions)"
    )
    diff.add_argument("base", metavar="BASE", help="the git revision to compare from (origin/main)")
    diff.add_argument(
        "head",
        metavar="HEAD",
        nargs="?",
        help="the revision to compare to (default: the work tree)",
    )
    add_folder(diff)
    diff.add_argument("--format", choices=["markdown", "json"], default="markdown")
    add_lang(diff, "the Markdown summary")
    diff.add_argument("--output", "-o", help="write to this file instead of standard output")
    diff.add_argument(
        "--today",
        type=_date,
        help="the day that tells which cycles have begun (YYYY-MM-DD; default: "
        "SOURCE_DATE_EPOCH, the clock)",
    )
    diff.set_defaults(handler=command_diff)

    new = commands.add_parser("new", help="write a new OKR file that passes `okr check`")
    new.add_argument("--cycle", required=True, help="the cycle id: 2024, 2024-H1, 2024-Q2, 2024-05")
    new.add_argument("--owner", required=True, help="the owner id (lower-case, digits, '-')")
    new.add_argument("--level", required=True, choices=list(LEVEL_RANK))  # the levels, top first
    new.add_argument(
        "--parent", help="the owner id of the team or company above (not for a company)"
    )
    new.add_argument("--name", help="the display name (default: the owner id)")
    new.add_argument(
        "--aligns",
        nargs="+",
        action="extend",
        metavar="REF",
        help="what the objective aligns to: OWNER/OBJECTIVE[/KR], e.g. brand/O1/KR2",
    )
    add_folder(new)
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    add_lang(new, "the placeholder texts")
    new.set_defaults(handler=command_new)

    checkin = commands.add_parser(
        "checkin", help="append check-ins to key results, keeping the file as it was written"
    )
    checkin.add_argument("file", metavar="FILE", nargs="?", help="the OKR file")
    checkin.add_argument(
        "values",
        metavar="VALUES",
        nargs="*",
        help="OBJECTIVE/KR=VALUE [STATUS] # NOTE, e.g. O1/KR1=6500, O1/KR1=76%%, "
        "'O1/KR1=6500 [at risk] # two videos took off'",
    )
    checkin.add_argument("--date", type=_date, help="the date of the check-ins (default: today)")
    checkin.add_argument("--note", help="a note for each check-in without a note of its own")
    checkin.add_argument(
        "--from-csv",
        metavar="CSV",
        help="apply the check-ins of a CSV file (columns kr, value, date, note) to every set",
    )
    add_folder(checkin)
    checkin.add_argument(
        "--today", help="the day taken as today (YYYY-MM-DD; default: SOURCE_DATE_EPOCH, the clock)"
    )
    checkin.set_defaults(handler=command_checkin)

    score = commands.add_parser(
        "score", help="write the grades (scores 0-1) of key results, keeping the file as written"
    )
    score.add_argument("file", metavar="FILE", help="the OKR file")
    score.add_argument(
        "values", metavar="SCORES", nargs="+", help="OBJECTIVE/KR=SCORE, e.g. O1/KR1=0.7 or 70%%"
    )
    score.add_argument(
        "--config", "-f", type=Path, default=None, help="the mkdocs.yml to read options from"
    )
    score.set_defaults(handler=command_score)

    apply = commands.add_parser(
        "apply-issue", help="apply an issue of the OKR forms (GitHub `issues` event) to the files"
    )
    apply.add_argument("event", metavar="EVENT_JSON", help="the event file ($GITHUB_EVENT_PATH)")
    apply.add_argument("--reply", help="write the answer for the issue (Markdown) to this file")
    add_folder(apply)
    add_lang(apply, "the answer")
    apply.set_defaults(handler=command_apply_issue)

    remind = commands.add_parser(
        "remind", help="the weekly reminder: sets with no recent check-in, key results behind"
    )
    remind.add_argument("--output", "-o", help="write to this file instead of standard output")
    remind.add_argument(
        "--today",
        type=_date,
        help="the day taken as today (YYYY-MM-DD; default: SOURCE_DATE_EPOCH, the clock)",
    )
    add_folder(remind)
    add_lang(remind, "the reminder")
    remind.set_defaults(handler=command_remind)

    init = commands.add_parser(
        "init", help="a new organisation: mkdocs.yml, a starter OKR set, workflows, issue forms"
    )
    init.add_argument("dir", metavar="DIR", help="the new folder (absent or empty)")
    init.add_argument(
        "--lang", choices=["zh", "en"], default="zh", help="the site's language (default: zh)"
    )
    init.add_argument("--name", help="the site's name (default: 我们的 OKR / Our OKRs)")
    init.add_argument(
        "--repo-url", help="the GitHub repository (https://github.com/OWNER/REPO), for links"
    )
    init.add_argument(
        "--today",
        type=_date,
        help="the day taken as today, for the starter set's year (default: the clock)",
    )
    init.set_defaults(handler=command_init)

    carry_parser = commands.add_parser(
        "carry", help="copy the OKR sets of a cycle into the next one, as drafts"
    )
    carry_parser.add_argument("old", metavar="OLD", help="the cycle to copy from (2024-Q1)")
    carry_parser.add_argument("new", metavar="NEW", help="the cycle to copy into (2024-Q2)")
    carry_parser.add_argument(
        "--owner", action="append", help="carry only this owner's set (repeat for more)"
    )
    add_folder(carry_parser)
    add_lang(carry_parser, "the new files' texts")
    carry_parser.set_defaults(handler=command_carry)
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
