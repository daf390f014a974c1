"""Every line `okr` prints besides diagnostics speaks the site's language too: usage errors,
what was written, the success line of a check-in or a grade, and why nothing was written.

A Chinese site (`theme.language: zh`) and an English one run the same commands; with no site
language known, English (the default of `core.messages`)."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from mkdocs_okr import writefiles
from mkdocs_okr.cli import _why
from mkdocs_okr.plugin import OkrPlugin

from .okr_cli_support import Run, write


def site(tmp_path: Path, language: str) -> Path:
    return write(
        tmp_path / language, "mkdocs.yml", f"site_name: x\ntheme:\n  language: {language}\n"
    )


def test_a_missing_okr_folder(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    zh = run("check", missing, "--config", site(tmp_path, "zh"))
    assert (zh.code, zh.err) == (2, f"okr: error: OKR 文件夹“{missing}”不存在。\n")
    en = run("check", missing, "--config", site(tmp_path, "en"))
    assert (en.code, en.err) == (2, f"okr: error: the OKR folder '{missing}' does not exist.\n")


def test_the_files_okr_new_wrote(run: Run, clean: Path, tmp_path: Path) -> None:
    args = ("new", "--cycle", "2024-Q2", "--owner", "ads", "--level", "team", "--dir", clean)
    zh = run(*args, "--parent", "company", "--config", site(tmp_path, "zh"))
    created = (clean / "2024-Q2/ads.md").as_posix()
    assert (zh.code, zh.lines) == (0, [f"已写入 {created}"])
    en = run(*args, "--parent", "company", "--force", "--config", site(tmp_path, "en"))
    assert (en.code, en.lines) == (0, [f"wrote {created}"])


def test_the_files_okr_render_wrote(run: Run, clean: Path, tmp_path: Path) -> None:
    out = tmp_path / "pages"
    zh = run(
        "render", clean, "--out", out, "--today", "2024-02-01", "--config", site(tmp_path, "zh")
    )
    assert zh.code == 0, zh.err
    (line,) = zh.lines
    assert line.startswith("已写入 ") and line.endswith(
        f"个文件到 {out}（删除了 0 个不再需要的旧文件）。"
    )
    write(out, "old-page.md", "x")
    en = run(
        "render", clean, "--out", out, "--today", "2024-02-01", "--config", site(tmp_path, "en")
    )
    (line,) = en.lines
    assert line.endswith(f" files written to {out}; 1 old files no longer needed were removed.")


def test_a_bad_today_of_okr_render(run: Run, clean: Path, tmp_path: Path) -> None:
    args = ("render", clean, "--out", tmp_path / "pages", "--today", "1/10")
    zh = run(*args, "--config", site(tmp_path, "zh"))
    assert (zh.code, zh.err) == (
        2,
        "okr: error: --today：“1/10”不是 年-月-日 写法的日期（例如 2026-11-30）。\n",
    )
    en = run(*args, "--config", site(tmp_path, "en"))
    assert en.err == "okr: error: --today: '1/10' is not a date written YYYY-MM-DD.\n"


def test_a_date_option_before_the_site_is_read(
    run: Run, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # argparse reads --date before any mkdocs.yml: OKR_LANG, else ./mkdocs.yml, else English.
    with pytest.raises(SystemExit):
        run("checkin", "x.md", "O1/KR1=1", "--date", "2024/01/20")
    assert "'2024/01/20' is not a date written YYYY-MM-DD." in capsys.readouterr().err
    monkeypatch.setenv("OKR_LANG", "zh")
    with pytest.raises(SystemExit):
        run("checkin", "x.md", "O1/KR1=1", "--date", "2024/01/20")
    assert "“2024/01/20”不是 年-月-日 写法的日期" in capsys.readouterr().err


def test_a_checkin_and_a_grade(run: Run, clean: Path, tmp_path: Path) -> None:
    brand = clean / "brand/2024-Q1.md"
    shown = brand.as_posix()
    zh_site, en_site = site(tmp_path, "zh"), site(tmp_path, "en")
    zh = run("checkin", brand, "O1/KR1=7000", "--date", "2024-01-19", "--config", zh_site)
    assert (zh.code, zh.lines) == (0, [f"{shown}：O1/KR1 = 7000，日期 2024-01-19"])
    en = run("checkin", brand, "O1/KR1=7500", "--date", "2024-01-26", "--config", en_site)
    assert (en.code, en.lines) == (0, [f"{shown}: O1/KR1 = 7500 on 2024-01-26"])
    zh = run("score", brand, "O1/KR1=0.7", "--config", zh_site)
    assert (zh.code, zh.lines) == (0, [f"{shown}：O1/KR1 评分 0.7"])
    en = run("score", brand, "O1/KR1=0.8", "--config", en_site)
    assert (en.code, en.lines) == (0, [f"{shown}: O1/KR1 scored 0.8"])


def test_usage_errors_of_okr_checkin(run: Run, clean: Path, tmp_path: Path) -> None:
    zh_site, en_site = site(tmp_path, "zh"), site(tmp_path, "en")
    zh = run("checkin", "--config", zh_site)
    assert zh.err == (
        "okr: error: 请写出 OKR 文件和要记录的数值，或者用 --from-csv 给出一个 CSV 文件。\n"
    )
    assert run("checkin", "--config", en_site).err == (
        "okr: error: give FILE and VALUES, or --from-csv CSV.\n"
    )
    missing = clean / "brand/2024-Q3.md"
    zh = run("checkin", missing, "O1/KR1=1", "--config", zh_site)
    assert (zh.code, zh.err) == (2, f"okr: error: 文件“{missing}”不存在。\n")
    en = run("checkin", clean, "O1/KR1=1", "--config", en_site)
    assert en.err.startswith(f"okr: error: '{clean}' is a folder; give the path of one OKR file")


def test_nothing_written_when_a_row_is_refused(run: Run, clean: Path, tmp_path: Path) -> None:
    rows = write(tmp_path, "week.csv", "kr,value\n2024-Q1/brand/O1/KR9,1\n")
    zh = run("checkin", "--from-csv", rows, "--dir", clean, "--config", site(tmp_path, "zh"))
    assert zh.code == 1
    assert zh.err.endswith("okr: error: 没有写入任何文件：CSV 的每一行都能记录时才会写入。\n"), (
        zh.err
    )
    en = run("checkin", "--from-csv", rows, "--dir", clean, "--config", site(tmp_path, "en"))
    assert en.err.endswith("okr: error: nothing written: every row must apply.\n"), en.err


def test_nothing_written_when_the_disk_refuses(
    run: Run, clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writefiles.os, "replace", refused)
    args = ("new", "--cycle", "2024-Q2", "--owner", "ads", "--level", "team", "--dir", clean)
    zh = run(*args, "--parent", "company", "--config", site(tmp_path, "zh"))
    assert (zh.code, zh.out) == (1, "")
    assert zh.err.endswith("\nokr: error: 没有写入任何文件：文件无法保存（没有权限）。\n"), zh.err
    en = run(*args, "--parent", "company", "--config", site(tmp_path, "en"))
    assert en.err.endswith(
        "\nokr: error: nothing written: the files could not be saved "
        "(there is no permission to do so).\n"
    )


@pytest.mark.parametrize(
    ("error", "english"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "does not exist"),
        (PermissionError(errno.EPERM, "Operation not permitted"), "no permission"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "it is a folder, not a file"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "can only be read"),
        (OSError(errno.EIO, "Input/output error"), "the system says: Input/output error"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "UTF-8"),
    ],
)
def test_why_a_file_could_not_be_read_or_written(error: OSError, english: str) -> None:
    why = _why(error)
    assert english in why.render("en")
    assert "Error" not in why.render("zh").replace("Input/output error", "")


def test_the_build_log_line_of_a_page_written_in_docs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for language, expected in [
        ("zh", "文档文件夹中已经有 okr/index.md，所以同名的 OKR 页面没有生成。"),
        ("en", "okr/index.md exists in the docs folder, so the generated OKR page of that name"),
    ]:
        config = MkDocsConfig()
        config.load_dict({"site_name": "x", "docs_dir": str(tmp_path), "theme": "mkdocs"})
        assert config.validate() == ([], [])
        config.theme["language"] = language
        written = File("okr/index.md", str(tmp_path), str(tmp_path / "site"), True)
        files = Files([written])
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.okr"):
            added = OkrPlugin()._add(
                files, File("okr/index.md", None, str(tmp_path / "site"), True), config
            )
        assert not added and list(files) == [written]
        assert [r.getMessage() for r in caplog.records if expected in r.getMessage()], caplog.text
