"""core.yamltext: scalars written so that the checker's reader gives them back unchanged."""

from __future__ import annotations

import pytest

from mkdocs_okr.core.yamltext import yaml_text

# Writing values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("社媒运营 小王", "社媒运营 小王"),
        ("brand/O1/KR2", "brand/O1/KR2"),
        ("yes", '"yes"'),  # YAML 1.1 would read true
        ("010", '"010"'),
        ("12", '"12"'),
        ("2024-01-05", '"2024-01-05"'),
        ("a: b", '"a: b"'),
        ("x #y", '"x #y"'),
        ("@home", '"@home"'),
        (" lead", '" lead"'),
        ("two\nlines", '"two\\nlines"'),
        ('say "hi"', 'say "hi"'),
        ("", '""'),
    ],
)
def test_yaml_text_is_plain_only_where_it_reads_back(value: str, written: str) -> None:
    assert yaml_text(value) == written


def test_yaml_text_in_flow_quotes_commas_and_brackets() -> None:
    assert yaml_text("a, b", flow=True) == '"a, b"'
    assert yaml_text("[x]", flow=True) == '"[x]"'
    assert yaml_text("a, b") == "a, b"  # fine outside a flow mapping
