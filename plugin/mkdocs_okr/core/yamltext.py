"""YAML written as text: scalars that read back as meant, and edits of a file's front matter.

A command that writes into a file its owner wrote by hand must not reformat it: comments, key
order, quoting and blank lines stay as they were. So no file is ever dumped by a YAML library.
ruamel.yaml only *finds* nodes (with line and column), and new text is inserted at offsets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .frontmatter import front_matter_end, parse_front_matter

# Writing values ---------------------------------------------------------------------------


def _reads_back(snippet: str, expected: Any) -> bool:
    root, builder = parse_front_matter(snippet, "<value>", 1)
    return not builder.diagnostics and root == expected


def yaml_text(text: str, flow: bool = False) -> str:
    """`text` as a YAML scalar: plain where our reader gives it back unchanged, else quoted."""
    if text and text == text.strip() and "\n" not in text and "\r" not in text:
        if flow:
            plain = not any(c in text for c in ",[]{}") and _reads_back(
                f"k: {{n: {text}}}\n", {"k": {"n": text}}
            )
        else:
            plain = _reads_back(f"k: {text}\n", {"k": text})
        if plain:
            return text
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def yaml_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def flow_list(items: list[str]) -> str:
    return "[" + ", ".join(yaml_text(item, flow=True) for item in items) + "]"


# Finding nodes in a file's front matter ----------------------------------------------------


@dataclass
class FrontMatterText:
    """A file's front matter as ruamel.yaml nodes, with the offsets to edit the file's text."""

    text: str  # the whole file
    yaml: str  # the front matter, without its `---` lines
    root: MappingNode
    newline: str  # the file's line break, kept in what is inserted
    yaml_lines: list[str]
    _line_starts: list[int]  # offset of each YAML line in `yaml`
    _base: int  # offset of the YAML in `text`

    def offset(self, mark: Any) -> int:
        """The offset in `yaml` of a ruamel.yaml mark (line, column)."""
        return int(self._line_starts[mark.line] + mark.column)

    def line_offset(self, line: int) -> int:
        """The offset in `yaml` of a YAML line (the end, past the last line)."""
        return self._line_starts[line] if line < len(self._line_starts) else len(self.yaml)

    def apply(self, edits: list[TextEdit]) -> str:
        """The file's text with `edits` (offsets in `yaml`) made, last first."""
        text = self.text
        for edit in sorted(edits, key=lambda e: e.offset, reverse=True):
            at = self._base + edit.offset
            text = text[:at] + edit.insert + text[at + edit.remove :]
        return text


@dataclass
class TextEdit:
    offset: int
    remove: int
    insert: str


def front_matter_nodes(text: str) -> FrontMatterText | str:
    """The file's front matter as nodes, or the reason (a `refusals.NOT_EDITABLE` key) why not."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    if end is None:
        return "unclosed"
    yaml = "\n".join(lines[1:end]) + "\n"
    try:
        root = YAML(typ="rt").compose(yaml)
    except Exception:  # ruamel raises many kinds; the file was readable to our reader
        return "unparsable"
    if not isinstance(root, MappingNode):
        return "not-mapping"
    yaml_lines = yaml.split("\n")
    starts = [0]
    for line in yaml_lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    base = len(lines[0]) + 1  # the YAML starts on the file's second line
    return FrontMatterText(text, yaml, root, newline, yaml_lines, starts, base)


def get(mapping: Node, key: str) -> tuple[ScalarNode, Node] | None:
    """The key and value nodes of `key` in a mapping node (None when absent or not a mapping)."""
    if not isinstance(mapping, MappingNode):
        return None
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def last_line(node: Node, yaml_lines: list[str]) -> int:
    """The last line (0-based, in the YAML) that holds part of `node`."""
    if isinstance(node, ScalarNode):
        line = node.end_mark.line
        if node.end_mark.column == 0 and line > node.start_mark.line:
            # A block scalar (`|`) ends at the start of the next line, after blank lines.
            line -= 1
            while line > node.start_mark.line and not yaml_lines[line].strip():
                line -= 1
        return int(line)
    if getattr(node, "flow_style", False):
        return int(node.end_mark.line)
    children: list[Node] = []
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            children += [key_node, value_node]
    elif isinstance(node, SequenceNode):
        children = list(node.value)
    return max((last_line(child, yaml_lines) for child in children), default=node.start_mark.line)


def insert_in_flow(yaml: str, close: int, item: str) -> TextEdit:
    """Insert `item` before the closing bracket at `close` of a flow collection."""
    before = yaml[:close].rstrip()
    if before.endswith(("[", "{")):
        return TextEdit(close, 0, item)
    if before.endswith(","):
        return TextEdit(close, 0, " " + item)
    return TextEdit(len(before), 0, ", " + item)
