"""Texts of OKR files and helpers for the `okr` command's tests (fixtures: conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

COMPANY = """---
cycle: 2024
owner: company
name: 3C 电子公司
level: company
objectives:
  - title: 成为亚马逊 3C 前三
    key_results:
      - title: GMV 达到 1000 万美元
        target: 1000
        current: 400
---
公司全年目标。
"""

BRAND = """---
cycle: 2024-Q1
owner: brand
name: 品牌团队
level: team
parent: company
objectives:
  - title: 提升品牌影响力
    aligns: company/O1/KR1
    key_results:
      - title: 1月31日前 Instagram 增长 10000 个目标国家粉丝
        target: 10000
        checkins:
          - {date: 2024-01-05, value: 1200, note: 两条视频爆了}
          - {date: 2024-01-12, value: 6000}
---
"""

# An individual objective that aligns to nothing: a warning (`unaligned`), not an error.
UNALIGNED = """---
cycle: 2024-Q1
owner: social-media
level: individual
parent: brand
objectives:
  - title: 写一套社媒 SOP
    key_results:
      - title: 输出 SOP
        done: false
---
"""

# Line 4: `level` is not one of company, team, individual.
BROKEN = """---
cycle: 2024-Q1
owner: ads
level: teem
parent: company
objectives:
  - title: 广告
    aligns: company/O1
    key_results:
      - {title: ROAS, start: 2, target: 4}
---
"""


# A site whose mkdocs.yml holds tags for MkDocs' own loader, which `okr` must tolerate.
MKDOCS_YML = """\
site_name: OKR
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - toc:
      permalink: !ENV [PERMALINK, true]
plugins:
  - search
  - okr:
      okrs_dir: goals
      cycles:
        FY24: {start: 2024-04-01, end: 2025-03-31}
"""

FISCAL = """---
cycle: FY24
owner: company
level: company
objectives:
  - title: 财年目标
    key_results:
      - {title: GMV, target: 10}
---
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


Run = Callable[..., Result]
