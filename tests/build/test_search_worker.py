"""The plugin corrects Material's search worker so that a run of Chinese characters in a query
is searched whole, on every site with Material's search (searchworker.py); a worker it does
not know is left as it is, with one line at info level (`--strict` still passes)."""

from __future__ import annotations

import logging
from pathlib import Path

import material
import pytest
from mkdocs.commands.build import get_files
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from mkdocs_okr.core import messages
from mkdocs_okr.searchworker import named_worker, searching_whole_runs

from .sitetools import run_mkdocs, write_project

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
# The segmenter's inner loop as Material minifies it, and with the whole run tried too.
MATERIALS_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
WHOLE_RUN_LOOP = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"

# An organisation where Material's own worker searches 何明 as 何*: jieba keeps the owner's
# name 何明 whole, and cuts another 何 off on the company's page (何经理). Built here, and
# searched in a browser by tests/e2e/test_search.py.
ONE_HE_AND_ANOTHER = {
    "2024/company.md": """---
cycle: 2024
owner: company
name: 星跃电子
level: company
objectives:
  - title: 扩大海外渠道
    key_results:
      - {title: 何经理负责的渠道收入达到 100 万, target: 100, current: 40}
---
""",
    "2024-Q1/he-ming.md": """---
cycle: 2024-Q1
owner: he-ming
name: 市场专员 何明
level: individual
parent: company
objectives:
  - title: 通过红人合作提升品牌声量
    aligns: company/O1
    key_results:
      - {title: 合作红人达到 10 位, target: 10, current: 4}
---
""",
}


def _installed_worker() -> tuple[str, str]:
    """The path and text of the worker the installed Material's base.html loads."""
    path = named_worker([str(MATERIAL_TEMPLATES)])
    assert path is not None, "the installed Material's base.html names no search worker"
    return path, (MATERIAL_TEMPLATES / path).read_text(encoding="utf-8")


def _corrected_worker() -> str:
    """The installed worker with the one bound changed, made without the plugin's code."""
    _, text = _installed_worker()
    assert text.count(MATERIALS_LOOP) == 1
    return text.replace(MATERIALS_LOOP, WHOLE_RUN_LOOP)


def _project(tmp_path: Path, *, theme: str = "material", language: str = "en") -> Path:
    project = write_project(tmp_path, ONE_HE_AND_ANOTHER)
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    themed = text.replace("  name: material\n", f"  name: {theme}\n  language: {language}\n")
    config_file.write_text(themed, encoding="utf-8")
    return project


def _with_custom_file(project: Path, name: str, text: str) -> None:
    """A custom_dir holding one file (it replaces Material's file of that name)."""
    custom = project / "overrides" / name
    custom.parent.mkdir(parents=True)
    custom.write_text(text, encoding="utf-8")
    config_file = project / "mkdocs.yml"
    config = config_file.read_text(encoding="utf-8")
    config_file.write_text(config.replace("theme:\n", "theme:\n  custom_dir: overrides\n"))


def _files_after_on_files(project: Path) -> Files:
    """The build's files as the plugins' on_files leave them (MkDocs' own order of steps)."""
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    files = config.plugins.on_files(files, config=config)
    assert isinstance(files, Files)
    return files


def _worker_file(files: Files) -> File:
    path, _ = _installed_worker()
    worker = files.get_file_from_path(path)
    assert worker is not None
    return worker


def _okr_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What the plugin logged (its logger puts `okr: ` before each line)."""
    return [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.okr"]


# The change itself, on the installed Material's worker ---------------------------------------


def test_the_installed_worker_is_corrected_by_one_character_in_its_segmenter() -> None:
    _, text = _installed_worker()
    corrected = searching_whole_runs(text)
    assert corrected is not None
    assert len(corrected) == len(text) + 1
    assert corrected.count(WHOLE_RUN_LOOP) == 1
    assert corrected == _corrected_worker()


def test_a_corrected_worker_is_left_as_it_is() -> None:
    corrected = _corrected_worker()
    assert searching_whole_runs(corrected) is corrected


@pytest.mark.parametrize(
    "other",
    [
        "",
        "for(let j=i+1;j<q.length;j++)q.slice(i,j)in x",  # renamed by another minifier
        MATERIALS_LOOP + ";" + MATERIALS_LOOP,  # twice: which one is the segmenter?
        MATERIALS_LOOP + ";" + WHOLE_RUN_LOOP,
    ],
)
def test_a_worker_without_the_exact_loop_once_is_not_changed(other: str) -> None:
    assert searching_whole_runs(other) is None


# In a build -----------------------------------------------------------------------------------


def test_a_site_without_custom_dir_gets_the_corrected_worker(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = _project(tmp_path)
    with caplog.at_level(logging.INFO):
        worker = _worker_file(_files_after_on_files(project))
    assert worker.content_string == _corrected_worker()
    assert _okr_lines(caplog) == []


def test_a_corrected_copy_in_custom_dir_is_kept_as_it_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Sites that followed the old advice keep a corrected copy: nothing to change or say."""
    project = _project(tmp_path)
    path, _ = _installed_worker()
    _with_custom_file(project, path, _corrected_worker())
    with caplog.at_level(logging.INFO):
        worker = _worker_file(_files_after_on_files(project))
    # Still the file of custom_dir, copied by MkDocs as any theme file (kept under --dirty).
    assert worker.abs_src_path == str(project / "overrides" / path)
    assert worker.content_string == _corrected_worker()
    assert _okr_lines(caplog) == []


def test_an_unknown_worker_is_left_as_it_is_with_one_line_in_the_sites_language(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = _project(tmp_path, language="zh")
    path, _ = _installed_worker()
    _with_custom_file(project, path, "// another Material's worker\n")
    with caplog.at_level(logging.INFO):
        worker = _worker_file(_files_after_on_files(project))
    assert worker.content_string == "// another Material's worker\n"
    expected = messages.text("okr.search-worker", file=path).render("zh")
    assert _okr_lines(caplog) == [f"okr: {expected}"]
    assert [r.levelno for r in caplog.records if r.name == "mkdocs.plugins.okr"] == [logging.INFO]


def test_a_base_html_naming_no_worker_is_told(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = _project(tmp_path)
    _with_custom_file(project, "base.html", "<html>a Material of another shape</html>\n")
    with caplog.at_level(logging.INFO):
        _files_after_on_files(project)
    expected = messages.text("okr.search-worker", file="assets/javascripts/workers/search.*.min.js")
    assert _okr_lines(caplog) == [f"okr: {expected.render('en')}"]


@pytest.mark.parametrize("search", ["enabled: false", None])
def test_a_site_without_materials_search_keeps_its_files(
    tmp_path: Path, search: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    project = _project(tmp_path)
    config_file = project / "mkdocs.yml"
    config = config_file.read_text(encoding="utf-8")
    searching = "  - search:\n      " + search + "\n" if search else ""
    config_file.write_text(config.replace("  - search\n", searching), encoding="utf-8")
    with caplog.at_level(logging.INFO):
        worker = _worker_file(_files_after_on_files(project))
    assert worker.abs_src_path == str(MATERIAL_TEMPLATES / worker.src_uri)
    assert _okr_lines(caplog) == []


def test_another_theme_is_not_touched(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """`search` is MkDocs' own search there (Material's needs Material's templates)."""
    project = _project(tmp_path, theme="mkdocs")
    with caplog.at_level(logging.INFO):
        files = _files_after_on_files(project)
    assert not [file for file in files if file.src_uri.startswith("assets/javascripts/workers/")]
    assert _okr_lines(caplog) == []


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_real_build_writes_the_corrected_worker_and_keeps_it_when_dirty(
    tmp_path: Path, engine: str
) -> None:
    project = _project(tmp_path)
    path, _ = _installed_worker()
    written = project / "site" / path
    # MkDocs warns on every --dirty build: that one is not --strict.
    for flags in (["--strict"], ["--dirty"]):
        result = run_mkdocs(project, *flags, "-f", "mkdocs.yml", engine=engine)
        assert result.returncode == 0, result.stderr
        assert written.read_text(encoding="utf-8") == _corrected_worker()


def test_strict_passes_with_a_worker_this_does_not_know(tmp_path: Path) -> None:
    project = _project(tmp_path, language="zh")
    path, _ = _installed_worker()
    _with_custom_file(project, path, "// another Material's worker\n")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / path).read_text(encoding="utf-8") == "// another Material's worker\n"
    told = messages.text("okr.search-worker", file=path).render("zh")
    assert [line for line in result.stderr.splitlines() if told in line] == [
        f"INFO    -  okr: {told}"
    ]
