"""`okr new`: a valid OKR file for people who do not write YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from .okr_cli_support import Run, write


def test_new_individual_set_passes_check_without_a_warning(run: Run, clean: Path) -> None:
    result = run(
        "new",
        "--cycle",
        "2024-Q1",
        "--owner",
        "social-media",
        "--level",
        "individual",
        "--parent",
        "brand",
        "--name",
        "社媒运营 小王",
        "--aligns",
        "brand/O1",
        "--dir",
        clean,
    )
    created = clean / "2024-Q1" / "social-media.md"
    assert (result.code, result.out, result.err) == (0, f"wrote {created.as_posix()}\n", "")
    text = created.read_text(encoding="utf-8")
    assert text.startswith("---\n# A new OKR set: rewrite the titles and numbers")
    assert "name: 社媒运营 小王\nlevel: individual\nparent: brand\n" in text
    assert "    aligns: brand/O1\n" in text
    assert text.endswith(
        "\n## Retrospective\n\nTo fill in at the end of the cycle: what worked, "
        "what did not and why, what support is needed, lessons for the next "
        "cycle.\n"
    )
    assert run("check", clean, "--strict").lines == ["3 files, 3 OKR sets: 0 errors, 0 warnings."]


def test_without_aligns_the_one_warning_is_unaligned(run: Run, clean: Path) -> None:
    # Unavoidable: the method wants a team or individual objective aligned to something above.
    result = run(
        "new",
        "--cycle",
        "2024-Q2",
        "--owner",
        "sales",
        "--level",
        "team",
        "--parent",
        "company",
        "--dir",
        clean,
    )
    assert result.code == 0
    assert "[unaligned]" in result.err  # what `okr check` will say, shown right away
    check = run("check", clean)
    assert check.code == 0
    assert check.lines[-1] == "3 files, 3 OKR sets: 0 errors, 1 warnings."
    assert check.lines[0].endswith("[unaligned]")


def test_a_company_and_several_aligns(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "okrs"
    assert (
        run(
            "new", "--cycle", "2025", "--owner", "company", "--level", "company", "--dir", folder
        ).code
        == 0
    )
    assert (
        run(
            "new",
            "--cycle",
            "2025-Q1",
            "--owner",
            "brand",
            "--level",
            "team",
            "--parent",
            "company",
            "--aligns",
            "company/O1",
            "company/O1/KR1",
            "--dir",
            folder,
        ).code
        == 0
    )
    text = (folder / "2025-Q1" / "brand.md").read_text(encoding="utf-8")
    assert "    aligns:\n      - company/O1\n      - company/O1/KR1\n" in text
    assert run("check", folder, "--strict").code == 0


def test_refuses_to_overwrite_without_force(run: Run, clean: Path) -> None:
    existing = write(clean, "2024-Q2/brand.md", "mine\n")
    args = (
        "new",
        "--cycle",
        "2024-Q2",
        "--owner",
        "brand",
        "--level",
        "team",
        "--parent",
        "company",
        "--aligns",
        "company/O1",
        "--dir",
        clean,
    )
    result = run(*args)
    assert result.code == 1
    assert result.err == f"okr: error: {existing.as_posix()} exists; add --force to overwrite it.\n"
    assert existing.read_text(encoding="utf-8") == "mine\n"
    assert run(*args, "--force").code == 0
    assert existing.read_text(encoding="utf-8").startswith("---\n")


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (
            ("--cycle", "2024-Q5", "--level", "team", "--parent", "company"),
            "'2024-Q5' is not a cycle",
        ),
        (("--cycle", "2024-Q2", "--level", "team"), "A team OKR set needs a parent"),
        (("--cycle", "2024", "--level", "company", "--parent", "company"), "A company OKR set"),
        (
            ("--cycle", "2024-Q2", "--level", "team", "--parent", "company", "--aligns", "x"),
            "'x' is not a reference",
        ),
    ],
)
def test_refuses_bad_input(run: Run, clean: Path, args: tuple[str, ...], problem: str) -> None:
    result = run("new", "--owner", "sales", *args, "--dir", clean)
    assert result.code == 1
    assert result.err.startswith(f"okr: error: {problem}")
    assert not (clean / "2024-Q2").exists() and not (clean / "2024-Q5").exists()


def test_refuses_a_set_okr_check_would_reject(run: Run, clean: Path) -> None:
    # The parent does not exist, the alignment points nowhere.
    result = run(
        "new",
        "--cycle",
        "2024-Q2",
        "--owner",
        "sales",
        "--level",
        "team",
        "--parent",
        "compani",
        "--aligns",
        "company/O9",
        "--dir",
        clean,
    )
    assert result.code == 1
    assert "[unknown-parent]" in result.err and "[unresolved-reference]" in result.err
    assert result.err.endswith(
        "okr: error: nothing written: the new files would not pass `okr check`.\n"
    )
    assert not (clean / "2024-Q2").exists()


def test_refuses_a_second_set_of_an_owner_in_a_cycle(run: Run, clean: Path) -> None:
    # The brand team's 2024-Q1 set is brand/2024-Q1.md in this folder.
    result = run(
        "new",
        "--cycle",
        "2024-Q1",
        "--owner",
        "brand",
        "--level",
        "team",
        "--parent",
        "company",
        "--aligns",
        "company/O1",
        "--dir",
        clean,
    )
    assert result.code == 1
    assert "[duplicate-owner]" in result.err
    assert not (clean / "2024-Q1").exists()


def test_folder_and_language_from_mkdocs_yml(run: Run, tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(
        site,
        "mkdocs.yml",
        "site_name: x\ntheme:\n  name: material\n  language: zh\n"
        "plugins:\n  - okr:\n      okrs_dir: goals\n",
    )
    result = run(
        "new",
        "--cycle",
        "2024",
        "--owner",
        "company",
        "--level",
        "company",
        "--config",
        site / "mkdocs.yml",
    )
    assert result.code == 0, result.err
    text = (site / "goals" / "2024" / "company.md").read_text(encoding="utf-8")
    assert "\n## 复盘\n" in text and "title: 请改写：通过措施 X，实现鼓舞人心的结果 Y\n" in text
    run(
        "new",
        "--cycle",
        "2025",
        "--owner",
        "company",
        "--level",
        "company",
        "--config",
        site / "mkdocs.yml",
        "--lang",
        "en",
    )
    assert "\n## Retrospective\n" in (site / "goals" / "2025" / "company.md").read_text("utf-8")


def test_level_must_be_known(run: Run, clean: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        run("new", "--cycle", "2024", "--owner", "x", "--level", "boss", "--dir", clean)
    assert stopped.value.code == 2
