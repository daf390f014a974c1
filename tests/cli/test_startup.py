"""`okr` starts fast: a command imports only what it uses.

Each run is a fresh interpreter, since this test process has imported everything already. A
warm `okr check` (no file changed since the cache was written) prints what the cache holds: it
must not import pydantic (the schema and the options' models), Jinja, markdown-it or the
renderer, which made every command take about a second before it did any work.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import mkdocs_okr
import mkdocs_okr.core

from .okr_cli_support import BROKEN, COMPANY, write

HEAVY = ("pydantic", "jinja2", "markdown_it", "mkdocs_okr.render", "mkdocs_okr.core.schema")

# Runs `okr ARGS...` in-process, then prints its exit code and the heavy modules it imported.
_RUN = """
import json, sys
from mkdocs_okr.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
heavy = sorted({name for name in sys.modules for top in %r if name == top or name.startswith(top + ".")})
print("IMPORTED " + json.dumps({"code": code, "heavy": heavy}))
"""


def _okr(folder: Path, *args: str) -> tuple[int, list[str], str]:
    """Exit code, the heavy modules imported (whole names) and the rest of the output."""
    package_parent = str(Path(mkdocs_okr.__file__).resolve().parents[1])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([package_parent, os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", _RUN % (HEAVY,), *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    output, _marker, report = done.stdout.rpartition("IMPORTED ")
    assert report, done.stderr
    found = json.loads(report)
    return found["code"], found["heavy"], output


def _tops(modules: list[str]) -> set[str]:
    return {
        next(top for top in HEAVY if name == top or name.startswith(top + ".")) for name in modules
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A site whose OKR folder is configured (not ./okrs): two sets, one with an error."""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - okr:\n      okrs_dir: goals\n      stale_days: 30\n",
        encoding="utf-8",
    )
    write(tmp_path / "goals", "company/2024.md", COMPANY)
    write(tmp_path / "goals", "ads/2024-Q1.md", BROKEN)
    return tmp_path


def test_version_imports_no_schema_template_engine_or_renderer(tmp_path: Path) -> None:
    code, heavy, output = _okr(tmp_path, "--version")
    assert (code, output.strip()) == (0, f"mkdocs-okr {mkdocs_okr.__version__}")
    assert heavy == []


def test_a_warm_check_imports_no_schema_while_a_cold_one_does(project: Path) -> None:
    cold_code, cold_heavy, cold_output = _okr(project, "check")
    # The cold check validates options and files: the test can tell the two runs apart.
    assert {"pydantic", "mkdocs_okr.core.schema"} <= _tops(cold_heavy)
    assert cold_code == 1 and "goals/ads/2024-Q1.md:" in cold_output

    warm_code, warm_heavy, warm_output = _okr(project, "check")
    assert warm_heavy == []
    assert (warm_code, warm_output) == (cold_code, cold_output)


def test_a_warm_check_in_chinese_and_json_imports_no_schema(project: Path) -> None:
    cold = _okr(project, "--lang", "zh", "check", "--format", "json")
    warm = _okr(project, "--lang", "zh", "check", "--format", "json")
    assert warm[1] == []
    assert (warm[0], warm[2]) == (cold[0], cold[2])
    assert json.loads(warm[2])["summary"]["error"] == 1


def test_changed_options_are_validated_again(project: Path) -> None:
    assert _okr(project, "check")[0] == 1
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("30", "-3"), encoding="utf-8")
    code, heavy, _output = _okr(project, "check")
    assert code == 2 and "pydantic" in _tops(heavy)


def test_a_cache_of_another_okrs_dir_is_not_used(project: Path) -> None:
    assert _okr(project, "check")[0] == 1
    write(project / "other", "company/2024.md", COMPANY)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("goals", "other"), encoding="utf-8"
    )
    code, _heavy, output = _okr(project, "check", "--format", "json")
    assert code == 0
    assert json.loads(output)["summary"] == {
        "files": 1,
        "sets": 1,
        "error": 0,
        "warning": 0,
        "info": 0,
    }


@pytest.mark.parametrize("name", mkdocs_okr.core.__all__)
def test_every_name_the_core_exports_imports_from_the_package(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from mkdocs_okr.core import {name}", namespace)
    value = namespace[name]
    assert getattr(mkdocs_okr.core, name) is value
    assert name in dir(mkdocs_okr.core)


def test_the_core_package_still_imports_its_modules_and_refuses_other_names() -> None:
    namespace: dict[str, object] = {}
    exec("from mkdocs_okr.core import review, rhythm", namespace)
    assert namespace["review"].__name__ == "mkdocs_okr.core.review"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="no_such_name"):
        mkdocs_okr.core.no_such_name  # type: ignore[attr-defined]  # noqa: B018
