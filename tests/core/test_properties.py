"""Property tests: whatever a contributor writes, the core answers with diagnostics, never a crash.

Random bytes, random text, random YAML and mutations of a valid organisation go through the
reader (`frontmatter.read`), the loader (`load.load_text`) and the whole analysis
(`organisation.analyse`). Nothing may raise; every diagnostic must be well formed; no score may
be NaN or leave [0, 1].
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_okr.core.diagnostics import CODES, Diagnostic, Severity
from mkdocs_okr.core.frontmatter import read
from mkdocs_okr.core.load import load_text
from mkdocs_okr.core.organisation import Organisation, analyse
from mkdocs_okr.core.settings import Settings

SETTINGS = Settings()
CALENDAR = SETTINGS.calendar()
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_well_formed(diagnostics: list[Diagnostic], texts: dict[str, bytes]) -> None:
    """Every diagnostic: a known code, a severity, a file we gave, a place in it, a message."""
    for diagnostic in diagnostics:
        assert diagnostic.code in CODES, diagnostic
        assert isinstance(diagnostic.severity, Severity), diagnostic
        assert diagnostic.path in texts, diagnostic
        assert diagnostic.line >= 0, diagnostic
        assert diagnostic.column >= 0, diagnostic
        # A line past the end of the file would send the reader to nowhere.
        assert diagnostic.line <= texts[diagnostic.path].count(b"\n") + 2, diagnostic
        assert isinstance(diagnostic.message, str), diagnostic
        assert diagnostic.message.strip(), diagnostic
        assert "Traceback" not in diagnostic.message, diagnostic
        # User text quoted in a message is clipped: a 1 MB title must not become a 1 MB line.
        assert len(diagnostic.message) < 1000, diagnostic


def assert_unit_interval(value: float | None, what: str) -> None:
    if value is None:
        return
    assert not math.isnan(value), what
    assert 0.0 <= value <= 1.0, (what, value)


def assert_scores(organisation: Organisation) -> None:
    """Scores and progress of every set, objective and key result: a number in [0, 1] or None."""
    for okr_set in organisation.sets:
        assert_unit_interval(okr_set.score, f"{okr_set.ref} score")
        assert_unit_interval(okr_set.progress, f"{okr_set.ref} progress")
        for objective in okr_set.objectives:
            assert_unit_interval(objective.score, f"{objective.id} score")
            assert_unit_interval(objective.progress, f"{objective.id} progress")
            for kr in objective.key_results:
                assert_unit_interval(kr.score, f"{kr.id} score")
                assert_unit_interval(kr.progress, f"{kr.id} progress")


def check_one_file(raw: bytes) -> None:
    """The reader and the loader on one file: diagnostics, never an exception."""
    result = read(raw, "x.md")
    assert_well_formed(result.diagnostics, {"x.md": raw})
    if result.document is None:  # refused: an error must say why
        assert any(d.severity is Severity.ERROR for d in result.diagnostics)
    loaded = load_text(raw, "x.md", SETTINGS, CALENDAR)
    assert_well_formed(loaded.diagnostics, {"x.md": raw})
    if result.document is None:
        assert loaded.okr_set is None
        assert loaded.diagnostics, "a file that cannot be read must say why"


# --- random bytes and text -----------------------------------------------------------------

# Characters that mean something to YAML or to our reader, so random text hits their paths.
YAML_BITS = [
    "---",
    "...",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    " #",
    "&a",
    "*a",
    "!!str",
    "!",
    "|",
    ">",
    "'",
    '"',
    "%",
    "@",
    "`",
    "?",
    "\t",
    "\n",
    "\r\n",
    " ",
    "  ",
    "\u0085",
    "\u2028",
    "\u200b",
    "\ufeff",
    "yes",
    "NO",
    "010",
    "1:30",
    ".nan",
    "-.inf",
    "50%",
    "2024-02-30",
    "2024-01-05",
    "9" * 30,
    "cycle",
    "owner",
    "level",
    "objectives",
    "key_results",
    "title",
    "target",
    "中文",
    "0.5",
    "true",
    "null",
    "~",
]
yaml_ish = st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=3), max_size=40).map("".join)


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(raw: bytes) -> None:
    check_one_file(raw)
    check_one_file(b"---\n" + raw + b"\n---\n")


@FAST
@given(st.text(max_size=2000))
def test_random_text_never_raises(text: str) -> None:
    check_one_file(text.encode("utf-8", "surrogatepass"))
    check_one_file(("---\n" + text + "\n---\nbody\n").encode("utf-8", "surrogatepass"))


@FAST
@given(yaml_ish)
def test_yaml_like_text_never_raises(text: str) -> None:
    check_one_file(("---\n" + text + "\n---\n").encode("utf-8", "surrogatepass"))


# --- random YAML -----------------------------------------------------------------------------

FIELD_NAMES = [
    "cycle",
    "owner",
    "name",
    "level",
    "parent",
    "tags",
    "objectives",
    "id",
    "title",
    "type",
    "weight",
    "aligns",
    "key_results",
    "start",
    "target",
    "unit",
    "checkins",
    "current",
    "score",
    "status",
    "reason",
    "done",
    "date",
    "value",
    "note",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(3100, 12, 31))
    | st.sampled_from(["2024", "2024-Q1", "company", "team", "individual", "O1", "KR1"])
)
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=8)
yaml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=30,
)


@FAST
@given(st.dictionaries(keys, yaml_values, max_size=8) | yaml_values)
def test_random_yaml_never_raises(value: Any) -> None:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    check_one_file(("---\n" + text + "---\n").encode("utf-8", "surrogatepass"))


# --- mutations of a valid organisation ------------------------------------------------------


def valid_organisation() -> dict[str, dict[str, Any]]:
    """Three valid sets (company, team, individual) that align up the tree: no diagnostics."""
    company = {
        "cycle": "2024",
        "owner": "company",
        "level": "company",
        "objectives": [
            {
                "id": "O1",
                "title": "成为亚马逊 3C 类目前三的卖家",
                "type": "aspirational",
                "key_results": [
                    {
                        "id": "KR1",
                        "title": "GMV 达到 5000 万美元",
                        "start": 1000,
                        "target": 5000,
                        "weight": 60,
                        "checkins": [
                            {"date": dt.date(2024, 1, 5), "value": 1200, "note": "开局"},
                            {"date": dt.date(2024, 1, 12), "value": 1300},
                        ],
                    },
                    {"id": "KR2", "title": "输出品牌手册", "done": False, "weight": 40},
                ],
            }
        ],
    }
    team = {
        "cycle": "2024-Q1",
        "owner": "brand",
        "name": "品牌团队",
        "level": "team",
        "parent": "company",
        "objectives": [
            {
                "title": "提升品牌影响力",
                "type": "committed",
                "weight": 2,
                "aligns": "company/O1",
                "tags": ["brand"],
                "key_results": [
                    {
                        "title": "品牌提及量从 100 到 130",
                        "start": 100,
                        "target": 130,
                        "current": 110,
                    },
                    {
                        "title": "新增 KOL 合作 10 个",
                        "target": 10,
                        "status": "dropped",
                        "reason": "预算调整",
                    },
                    {"title": "广告花费降到 5 万", "start": 8, "target": 5, "score": 0.4},
                ],
            }
        ],
    }
    person = {
        "cycle": "2024-Q1",
        "owner": "xiaowang",
        "level": "individual",
        "parent": "brand",
        "objectives": [
            {
                "title": "写出社媒 SOP",
                "aligns": ["brand/O1/KR1"],
                "key_results": [
                    {
                        "title": "SOP 评审通过",
                        "done": False,
                        "checkins": [{"date": dt.date(2024, 2, 2), "value": True}],
                    }
                ],
            }
        ],
    }
    return {"company.md": company, "brand.md": team, "xiaowang.md": person}


def dump(front: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\nbody\n"


def paths_in(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside nested dicts and lists (the root excluded)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, (dict, list)):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            found.append((*here, key))
            found.extend(paths_in(child, (*here, key)))
    return found


def get(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        root = root[part]
    return root


def put(root: Any, path: tuple[Any, ...], value: Any) -> None:
    get(root, path[:-1])[path[-1]] = value


def test_the_unmutated_organisation_is_valid() -> None:
    """The mutations below start from a valid organisation, so each one is the only problem."""
    files = {name: dump(front).encode() for name, front in valid_organisation().items()}
    organisation = analyse(files.items(), SETTINGS)
    assert organisation.diagnostics == []
    assert len(organisation.sets) == 3


@st.composite
def mutated_organisation(draw: st.DrawFn) -> dict[str, bytes]:
    fronts = valid_organisation()
    name = draw(st.sampled_from(sorted(fronts)))
    front = fronts[name]
    operation = draw(st.sampled_from(["drop", "retype", "swap", "unicode", "dup-key", "lines"]))
    paths = paths_in(front)
    if operation == "drop":
        path = draw(st.sampled_from(paths))
        container = get(front, path[:-1])
        del container[path[-1]]
    elif operation == "retype":
        put(front, draw(st.sampled_from(paths)), draw(yaml_values))
    elif operation == "swap":
        first, second = draw(st.sampled_from(paths)), draw(st.sampled_from(paths))
        # A value cannot be swapped with something inside itself.
        if first[: len(second)] != second and second[: len(first)] != first:
            a, b = copy.deepcopy(get(front, first)), copy.deepcopy(get(front, second))
            put(front, first, b)
            put(front, second, a)
    texts = {file: dump(value) for file, value in fronts.items()}
    text = texts[name]
    if operation == "unicode":
        where = draw(st.integers(0, len(text)))
        text = text[:where] + draw(st.text(min_size=1, max_size=3)) + text[where:]
    elif operation == "dup-key":
        lines = text.split("\n")
        index = draw(st.integers(1, len(lines) - 3))
        lines.insert(index, lines[index])
        text = "\n".join(lines)
    elif operation == "lines":
        lines = text.split("\n")
        index = draw(st.integers(0, len(lines) - 1))
        lines[index] = draw(yaml_ish)
        text = "\n".join(lines)
    texts[name] = text
    return {file: value.encode("utf-8", "surrogatepass") for file, value in texts.items()}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_organisation())
def test_mutated_organisations_never_raise(files: dict[str, bytes]) -> None:
    organisation = analyse(files.items(), SETTINGS)
    assert_well_formed(organisation.diagnostics, files)
    assert_scores(organisation)
    # One bad file never hides another: every file is accounted for.
    assert sorted(f.path for f in organisation.files) == sorted(files)
    for loaded in organisation.files:
        if loaded.okr_set is None:
            assert any(d.severity is Severity.ERROR for d in loaded.diagnostics), loaded.path


# Huge finite numbers overflow `current - start` and `target - start` to infinities, whose
# quotient is NaN; random floats alone almost never pick three of them at once.
numbers = st.sampled_from([1.7e308, -1.7e308]) | st.floats(allow_nan=True, allow_infinity=True)


@FAST
@given(numbers, numbers, numbers, st.none() | numbers)
@example(1e308, -1e308, -1e308, None)  # (-inf) / (-inf): NaN unless refused
def test_any_numbers_score_within_the_unit_interval(
    start: float, target: float, current: float, score: float | None
) -> None:
    """Extreme, tiny, equal and non-finite numbers: refused or scored within [0, 1]."""
    fronts = valid_organisation()
    kr = fronts["brand.md"]["objectives"][0]["key_results"][0]
    kr.update(start=start, target=target, current=current)
    if score is not None:
        kr["score"] = score
    files = {file: dump(value).encode() for file, value in fronts.items()}
    organisation = analyse(files.items(), SETTINGS)
    assert_well_formed(organisation.diagnostics, files)
    assert_scores(organisation)
    finite = all(math.isfinite(x) for x in (start, target, current))
    codes = {d.code for d in organisation.diagnostics}
    if not finite:
        assert "invalid-number" in codes
