"""Chinese text uses full-width punctuation: "没有问题：所有 OKR 文件都有效。", never "问题:所有".

Every Chinese text the project ships is gathered into a catalogue (a mapping from where the
text lives to the text) and checked by one function, `ascii_punctuation_in_chinese`. To check
another catalogue later (a new language file, a new page), add a function that returns its
mapping to `CATALOGUES`.

The rule: an ASCII `,` `:` `;` `(` `)` `!` `?` is wrong next to a Chinese character (spaces in
between allowed), on either side. "问题:所有" and "树冠, 团队" break it, and so do "满分?" at the
end of a sentence and "{title}:当前" after a placeholder. ASCII punctuation among Latin letters
and digits ("1:30", "KR1, KR2", "JSON)") is left alone, and so is code: placeholders, inline code,
code blocks, link targets and HTML tags are taken out of a text before it is checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_okr.core.draft import TEXTS as FILE_TEXTS
from mkdocs_okr.core.messages import MESSAGES
from mkdocs_okr.core.texts import keyboard, review
from mkdocs_okr.core.texts.checkin import TEXTS as CHECKIN_TEXTS
from mkdocs_okr.render.i18n import LABELS

ROOT = Path(__file__).resolve().parents[2]

# Han ideographs and the full-width punctuation around them: the characters of Chinese text.
CHINESE = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
ASCII_PUNCTUATION = r",:;()!?"
MISPLACED = re.compile(
    rf"[{CHINESE}] *[{ASCII_PUNCTUATION}]|[{ASCII_PUNCTUATION}] *(?=[{CHINESE}])"
)
HAS_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

# What is code, not prose, in a Markdown text; each is replaced by a neutral Latin letter so
# the punctuation next to it is still judged ("`okr check`:检查" is wrong, "`a:b`" is not).
CODE = [
    re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL),  # fenced blocks
    re.compile(r"^ {0,3}<!--.*?-->", re.MULTILINE | re.DOTALL),  # comments
    re.compile(r"`[^`\n]+`"),  # inline code
    re.compile(r"\]\([^)\s]*\)"),  # link targets: [text](url)
    re.compile(r"\]\[[^\]]*\]"),  # reference links: [text][ref]
    re.compile(r"^\[[^\]]+\]: .*$", re.MULTILINE),  # link definitions
    re.compile(r"<[^>\n]+>"),  # HTML tags and autolinks
    re.compile(r"\{[a-z_]+\}"),  # placeholders of the site's labels
    re.compile(r"^!!! .*$", re.MULTILINE),  # admonition markers
]


def prose(text: str) -> str:
    """`text` with its code, link targets, tags and placeholders replaced by `x`."""
    for pattern in CODE:
        text = pattern.sub("x", text)
    return text


def ascii_punctuation_in_chinese(texts: Mapping[str, str]) -> list[str]:
    """One line per ASCII punctuation mark next to Chinese, naming the text and showing it."""
    found: list[str] = []
    for where, text in texts.items():
        checked = prose(text)
        for match in MISPLACED.finditer(checked):
            start, end = max(match.start() - 12, 0), match.end() + 12
            found.append(f"{where}: ...{checked[start:end]}...".replace("\n", " "))
    return found


# --- the catalogues ------------------------------------------------------------------------


def site_labels() -> dict[str, str]:
    """The Chinese labels of the generated pages."""
    return {f"render/i18n.py zh.{key}": text for key, text in LABELS["zh"].items()}


def new_file_texts() -> dict[str, str]:
    """The Chinese texts `okr new` and `okr carry` write into new OKR files."""
    return {f"core/draft.py zh.{key}": text for key, text in FILE_TEXTS["zh"].items()}


def core_messages() -> dict[str, str]:
    """The Chinese texts of every diagnostic, refusal and message of the `okr` command."""
    return {f"core/texts {key}": texts["zh"] for key, texts in MESSAGES.items()}


def review_texts() -> dict[str, str]:
    """The Chinese texts of drafts and carried sets (core/texts/review.py)."""
    return {f"core/texts/review.py {key}.zh": texts["zh"] for key, texts in review.TEXTS.items()}


def keyboard_texts() -> dict[str, str]:
    """The Chinese texts of the diagnostics of a Chinese keyboard's slips."""
    return {f"core/texts/keyboard.py {key}": texts["zh"] for key, texts in keyboard.TEXTS.items()}


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs' own tags (!ENV, !relative); their values are text too."""


_ConfigLoader.add_multi_constructor(
    "!", lambda loader, _suffix, node: loader.construct_scalar(node) if node.id == "scalar" else ""
)


def site_config() -> dict[str, str]:
    """Every Chinese string of the example site's mkdocs.yml (name, description, nav, toggles)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return {
        where: text for where, text in _strings(config, "mkdocs.yml") if HAS_CHINESE.search(text)
    }


def chinese_docs() -> dict[str, str]:
    """The prose of the Chinese documentation pages (docs/zh/) and of okrs/README.md."""
    pages = [*sorted((ROOT / "docs" / "zh").glob("*.md")), ROOT / "okrs" / "README.md"]
    return {str(page.relative_to(ROOT)): page.read_text(encoding="utf-8") for page in pages}


def example_organisation() -> dict[str, str]:
    """The example organisation's OKR files: every text of the front matter, and the body."""
    texts: dict[str, str] = {}
    for path in sorted((ROOT / "okrs").rglob("*.md")):
        if path.name == "README.md":
            continue
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        where = str(path.relative_to(ROOT))
        for key, text in _strings(yaml.safe_load(front), where):
            if HAS_CHINESE.search(text):
                texts[key] = text
        texts[f"{where} (body)"] = body
    return texts


def command_texts() -> dict[str, str]:
    """The Chinese texts of `okr score`, `--from-csv`, `apply-issue` and `remind`."""
    return {f"{key}.zh": value["zh"] for key, value in CHECKIN_TEXTS.items()}


CATALOGUES: dict[str, Callable[[], dict[str, str]]] = {
    "okr commands": command_texts,
    "site labels": site_labels,
    "new OKR files": new_file_texts,
    "core messages": core_messages,
    "drafts and carried sets": review_texts,
    "mkdocs.yml": site_config,
    "Chinese docs": chinese_docs,
    "example organisation": example_organisation,
    "keyboard diagnostics": keyboard_texts,
}


@pytest.mark.parametrize("catalogue", list(CATALOGUES))
def test_chinese_texts_use_full_width_punctuation(catalogue: str) -> None:
    texts = CATALOGUES[catalogue]()
    assert texts, f"{catalogue}: no Chinese text found, the catalogue reads the wrong place"
    assert ascii_punctuation_in_chinese(texts) == []


# --- the rule itself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "没有问题:所有 OKR 文件都有效。",
        "公司战略目标是树冠,团队目标是树干",
        "树冠 , 团队",
        "说明原因;下个周期",
        "全部数据(JSON)",
        "满分:挑战够吗?",
        "太好了!",
        "{title}:当前 {current}",
        "运行 `okr check`:检查文件",
        "目标(O)和关键结果",
        "在 Instagram(美国)上",
    ],
)
def test_ascii_punctuation_next_to_chinese_is_found(text: str) -> None:
    found = ascii_punctuation_in_chinese({"sample": text})
    assert found and found[0].startswith("sample: ...")


@pytest.mark.parametrize(
    "text",
    [
        "没有问题：所有 OKR 文件都有效。",
        "全部数据（JSON）",
        "KR1, KR2 和 KR3",
        "时间 1:30 开会",
        "见 [文件格式](format.md#fields) 一节",
        "运行 `okr check --format json` 检查",
        "```yaml\ntitle: 目标:不检查代码\n```\n正文。",
        '<span class="a:b">文字</span>',
    ],
)
def test_full_width_punctuation_and_code_pass(text: str) -> None:
    assert ascii_punctuation_in_chinese({"sample": text}) == []
