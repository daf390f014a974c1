"""Cycles: the built-in id forms, custom cycles from the settings, containment."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_okr.core import Settings, analyse, settings_from_mapping
from mkdocs_okr.core.cycles import Calendar, Cycle, builtin, smallest_enclosing

D = dt.date


def cycle_of(cycle_id: str, calendar: Calendar | None = None) -> Cycle:
    cycle = (calendar or Calendar()).get(cycle_id)
    assert cycle is not None, cycle_id
    return cycle


@pytest.mark.parametrize(
    ("cycle_id", "kind", "start", "end"),
    [
        ("2024", "year", D(2024, 1, 1), D(2024, 12, 31)),
        ("2024-H1", "half", D(2024, 1, 1), D(2024, 6, 30)),
        ("2024-H2", "half", D(2024, 7, 1), D(2024, 12, 31)),
        ("2024-Q1", "quarter", D(2024, 1, 1), D(2024, 3, 31)),
        ("2024-Q2", "quarter", D(2024, 4, 1), D(2024, 6, 30)),
        ("2024-Q3", "quarter", D(2024, 7, 1), D(2024, 9, 30)),
        ("2024-Q4", "quarter", D(2024, 10, 1), D(2024, 12, 31)),
        ("2024-B1", "bimonth", D(2024, 1, 1), D(2024, 2, 29)),
        ("2024-B2", "bimonth", D(2024, 3, 1), D(2024, 4, 30)),
        ("2024-B6", "bimonth", D(2024, 11, 1), D(2024, 12, 31)),
        ("2024-01", "month", D(2024, 1, 1), D(2024, 1, 31)),
        ("2024-07", "month", D(2024, 7, 1), D(2024, 7, 31)),
        ("2024-12", "month", D(2024, 12, 1), D(2024, 12, 31)),
    ],
)
def test_builtin_forms(cycle_id: str, kind: str, start: dt.date, end: dt.date) -> None:
    cycle = builtin(cycle_id)
    assert cycle == Cycle(start, end, cycle_id, kind)


@pytest.mark.parametrize(
    ("cycle_id", "last_day", "days"),
    [
        ("2024-02", D(2024, 2, 29), 29),  # leap year
        ("2023-02", D(2023, 2, 28), 28),
        ("2000-02", D(2000, 2, 29), 29),  # divisible by 400: leap
        ("2100-02", D(2100, 2, 28), 28),  # divisible by 100, not by 400: not leap
        ("2023-B1", D(2023, 2, 28), 59),
        ("2024-Q1", D(2024, 3, 31), 91),
        ("2023-Q1", D(2023, 3, 31), 90),
    ],
)
def test_february_and_leap_years(cycle_id: str, last_day: dt.date, days: int) -> None:
    cycle = builtin(cycle_id)
    assert cycle is not None
    assert cycle.end == last_day
    assert cycle.days == days


def test_year_lengths() -> None:
    assert (cycle_of("2024").days, cycle_of("2023").days) == (366, 365)


@pytest.mark.parametrize(
    "cycle_id",
    [
        "2024-Q0",
        "2024-Q5",
        "2024-H0",
        "2024-H3",
        "2024-B0",
        "2024-B7",
        "2024-00",
        "2024-13",
        "2024-1",
        "2024-q1",
        "2024-h1",
        "24",
        "20245",
        "2024-",
        "-2024",
        " 2024",
        "2024 ",
        "2024-Q1-extra",
        "1899",
        "3000",
        "２０２４",
        "",
        "FY24",
    ],
)
def test_invalid_ids(cycle_id: str) -> None:
    assert builtin(cycle_id) is None
    assert Calendar().get(cycle_id) is None
    assert not Calendar().is_cycle_id(cycle_id)


def test_custom_cycles_from_settings() -> None:
    settings, problems = settings_from_mapping(
        {"cycles": {"FY24": {"start": "2024-04-01", "end": "2025-03-31"}}}
    )
    assert problems == []
    calendar = settings.calendar()
    fiscal = cycle_of("FY24", calendar)
    assert fiscal == Cycle(D(2024, 4, 1), D(2025, 3, 31), "FY24", "custom")
    assert fiscal.days == 365
    assert calendar.get("2024-Q3") == builtin("2024-Q3")  # built-ins still work beside it
    assert Settings().calendar().get("FY24") is None  # only where configured


@pytest.mark.parametrize(
    ("name", "cycle"),
    [
        ("2024-Q1", {"start": "2024-01-01", "end": "2024-03-31"}),  # a built-in id
        ("fy 24", {"start": "2024-01-01", "end": "2024-03-31"}),  # a space
        ("FY24", {"start": "2024-03-31", "end": "2024-01-01"}),  # ends before it starts
        ("FY24", {"start": "2024-02-30", "end": "2024-03-31"}),  # no such day
    ],
)
def test_invalid_custom_cycles_are_reported(name: str, cycle: dict[str, str]) -> None:
    settings, problems = settings_from_mapping({"cycles": {name: cycle}})
    assert problems and all(p.startswith("plugins.okr.") for p in problems)
    assert settings.cycles == {}  # the defaults, not half of the bad configuration


def test_containment() -> None:
    year, half, quarter, month = map(cycle_of, ("2024", "2024-H1", "2024-Q1", "2024-02"))
    assert year.contains(half) and half.contains(quarter) and quarter.contains(month)
    assert year.contains(year)
    assert not quarter.contains(year)
    assert not month.contains(quarter)
    q2, q3 = cycle_of("2024-Q2"), cycle_of("2024-Q3")
    assert half.contains(q2) and not half.contains(q3) and not quarter.contains(q2)
    assert not cycle_of("2023").contains(quarter)
    bimonth = cycle_of("2024-B2")  # March-April straddles Q1 and Q2
    assert not quarter.contains(bimonth) and not q2.contains(bimonth)
    assert half.contains(bimonth)


def test_contains_date_includes_both_ends() -> None:
    quarter = cycle_of("2024-Q1")
    assert quarter.contains_date(D(2024, 1, 1))
    assert quarter.contains_date(D(2024, 3, 31))
    assert not quarter.contains_date(D(2023, 12, 31))
    assert not quarter.contains_date(D(2024, 4, 1))


def test_custom_cycle_containment() -> None:
    calendar = Calendar({"FY24": (D(2024, 4, 1), D(2025, 3, 31))})
    fiscal = cycle_of("FY24", calendar)
    assert fiscal.contains(cycle_of("2024-Q2"))
    assert fiscal.contains(cycle_of("2025-Q1"))
    assert not fiscal.contains(cycle_of("2024-Q1"))
    assert not fiscal.contains(cycle_of("2024"))


def test_smallest_enclosing_prefers_itself_then_the_smallest_cycle_around() -> None:
    known = [cycle_of(i) for i in ["2024", "2024-H1", "2024-Q1", "2024-Q2", "2023"]]

    def around(cycle_id: str, candidates: list[Cycle]) -> str | None:
        found = smallest_enclosing(cycle_of(cycle_id), candidates, lambda c: c)
        return found.id if found else None

    assert around("2024-Q1", known) == "2024-Q1"
    assert around("2024-Q1", list(reversed(known))) == "2024-Q1"
    assert around("2024-02", known) == "2024-Q1"
    assert around("2024-Q2", [c for c in known if c.id != "2024-Q2"]) == "2024-H1"
    assert around("2024-Q3", known) == "2024"
    assert around("2025-Q1", known) is None


def _file(cycle: str) -> bytes:
    return (
        f"---\ncycle: {cycle}\nowner: company\nlevel: company\nobjectives:\n"
        "  - title: 增长\n    key_results:\n      - {title: GMV, target: 100}\n---\n"
    ).encode()


def test_files_name_builtin_and_custom_cycles() -> None:
    custom = Settings.model_validate(
        {"cycles": {"FY24": {"start": "2024-04-01", "end": "2025-03-31"}}}
    )
    assert analyse([("a.md", _file("2024"))], Settings()).sets[0].cycle == cycle_of("2024")
    assert analyse([("a.md", _file("2024-B2"))], Settings()).sets[0].cycle.kind == "bimonth"
    organisation = analyse([("a.md", _file("FY24"))], custom)
    assert organisation.diagnostics == []
    assert organisation.sets[0].cycle.id == "FY24"
    for cycle, settings in [("FY24", Settings()), ("2024-Q5", custom), ("2024-13", custom)]:
        unknown = analyse([("a.md", _file(cycle))], settings)
        assert unknown.sets == []
        assert [(d.code, d.line, d.column) for d in unknown.diagnostics] == [
            ("invalid-cycle", 2, 8)
        ]
