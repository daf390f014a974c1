"""Script never runs: hostile text in every field of the OKR files, loaded in real Chromium.

Every text a contributor writes (names, titles, units, notes, reasons, tags, check-in notes,
aligns references, file names, the Markdown body) holds script, event-handler attributes,
attribute breakers and `javascript:` / `data:` URLs. The site built from them is served on
loopback and every generated page is loaded with dialog, console and page-error listeners; a
pass over every element hovers, focuses and clicks it, the keyboard tabs through the page, and
Material's search shows the hostile text. Every payload calls `alert()` and sets
`window.__pwned`; nothing may fire. A control test proves the same pass catches each payload
when it is written into a page raw, so a silent pass means the site is safe, not the test blind.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Route

from ..build.sitetools import run_mkdocs, write_project
from .browser import serve

pytestmark = pytest.mark.e2e

JS = "window.__pwned=1;alert(1)"
SCRIPT = f"<script>{JS}</script>"
IMG = f'<img src=x onerror="{JS}">'
SVG = f'<svg onload="{JS}"></svg>'
DOUBLE = f'" onmouseover="{JS}" onfocus="{JS}" tabindex="0" x="'
SINGLE = f"' onmouseover='{JS}' onfocus='{JS}' tabindex='0' x='"
JS_URL = f"javascript:{JS}"
DATA_URL = f"data:text/html,{SCRIPT}"
ATTR_LIST = f'{{: onclick="{JS}" onmouseover="{JS}" }}'  # Python-Markdown's attr_list syntax
PAYLOADS = (SCRIPT, IMG, SVG, DOUBLE, SINGLE, JS_URL, DATA_URL, ATTR_LIST)
# Names may hold 200 characters, titles, notes and reasons 2,000: all payloads at once.
LONG = " ".join(PAYLOADS)
NAME = f"{SCRIPT}{IMG}{DOUBLE}{SINGLE}"[:200]
# Tags and units hold at most 64 characters: one payload each.
SHORT = tuple(
    text[:64]
    for text in (SCRIPT, IMG, SVG, DOUBLE, SINGLE, JS_URL, DATA_URL, f'{{: onclick="{JS}" }}')
)

BODY = """# Notes <script>@JS@</script>

@LONG@

[javascript link](javascript:@JS@) and [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
and [a titled link](https://example.com/ "@DOUBLE@") and [a link](https://example.com/@DOUBLE@).

![image](javascript:@JS@) ![svg image](data:image/svg+xml,<svg onload="@JS@">)
![png image](data:image/png;base64,iVBORw0KGgo=) ![broken](x" onerror="@JS@)

<javascript:@JS@> <data:text/html,<script>@JS@</script>> <https://example.com/"onmouseover="@JS@>

<a href="javascript:@JS@">raw link</a> <img src=x onerror="@JS@"> <iframe srcdoc="<script>@JS@</script>"></iframe>

<details open ontoggle="@JS@"><summary>toggle</summary>x</details>

<svg><animate onbegin="@JS@" attributeName="x" dur="1s"/></svg>

<div markdown="1" onmouseover="@JS@">*md in html*</div>

<style>body { background: url("javascript:@JS@") }</style>

A paragraph with attributes.
{: onclick="@JS@" onmouseover="@JS@" }

| text | link |
| --- | --- |
| <script>@JS@</script> | [x](javascript:@JS@) |

!!! note "<img src=x onerror=\\"@JS@\\">"
    <script>@JS@</script> inside an admonition.

- [x] <img src=x onerror="@JS@"> a task

`<script>@JS@</script>` in code, and:

```html
<script>@JS@</script>
```

## Retrospective <img src=x onerror="@JS@">

@LONG@

[retro link](javascript:@JS@)
"""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _tags(start: int) -> str:
    return "[" + ", ".join(_q(SHORT[(start + i) % len(SHORT)]) for i in range(3)) + "]"


def _body() -> str:
    return BODY.replace("@LONG@", LONG).replace("@DOUBLE@", DOUBLE).replace("@JS@", JS)


def _set(cycle: str, owner: str, level: str, extra: str, objectives: str) -> str:
    return (
        f"---\ncycle: {cycle}\nowner: {owner}\nname: {_q(NAME)}\nlevel: {level}\n{extra}"
        f"tags: {_tags(0)}\nobjectives:\n{objectives}---\n{_body()}"
    )


COMPANY = _set(
    "2024",
    "company",
    "company",
    "",
    f"""  - title: {_q(LONG)}
    tags: {_tags(1)}
    key_results:
      - {{title: {_q(LONG)}, target: 100, current: 40, unit: {_q(SHORT[0])}}}
""",
)

# The team's running quarter: check-ins this week (the week page), a dropped KR with a reason,
# a milestone, a KR without a target (a bar without a score), a broken `aligns` (the problems
# page quotes it).
TEAM = _set(
    "2024-Q1",
    "brand",
    "team",
    "parent: company\n",
    f"""  - title: {_q(LONG)}
    aligns: company/O1
    tags: {_tags(2)}
    key_results:
      - title: {_q(LONG)}
        target: 10
        unit: {_q(SHORT[3])}
        checkins:
          - {{date: 2024-01-05, value: 2, note: {_q(LONG)}}}
          - {{date: 2024-02-12, value: 3, note: {_q(LONG)}}}
      - title: {_q(LONG)}
        target: 5
        status: dropped
        reason: {_q(LONG)}
      - title: {_q(LONG)}
        done: false
        tags: {_tags(4)}
  - title: {_q(LONG)}
    type: aspirational
    aligns: [{_q(SCRIPT)}]
    key_results:
      - title: {_q(LONG)}
        unit: {_q(SHORT[4])}
""",
)

# Behind and silent this week (the week page's other lists).
PERSON = _set(
    "2024-Q1",
    "alice",
    "individual",
    "parent: brand\n",
    f"""  - title: {_q(LONG)}
    aligns: brand/O1/KR1
    key_results:
      - title: {_q(LONG)}
        target: 100
        unit: {_q(SHORT[5])}
        checkins:
          - {{date: 2024-01-10, value: 1, note: {_q(LONG)}}}
""",
)

# An ended quarter: graded, so the review and calibration pages show verdicts and the
# retrospective section of the body.
TEAM_BEFORE = _set(
    "2023-Q4",
    "brand",
    "team",
    "parent: company\n",
    f"""  - title: {_q(LONG)}
    type: committed
    aligns: 2024/company/O1
    key_results:
      - {{title: {_q(LONG)}, target: 10, current: 2, unit: {_q(SHORT[6])}}}
  - title: {_q(LONG)}
    type: aspirational
    aligns: 2024/company/O1
    key_results:
      - {{title: {_q(LONG)}, target: 10, current: 10, unit: {_q(SHORT[7])}}}
""",
)

# Problems page: a broken file whose values and keys are quoted in the messages.
BROKEN = f"""---
cycle: 2024-Q1
owner: {_q(SCRIPT)}
level: {_q(IMG)}
{_q(DOUBLE)}: 1
objectives:
  - title: {_q(LONG)}
    key_results:
      - {{title: {_q(LONG)}, target: {_q(SCRIPT)}}}
---
"""

# File names are contributed text too: they reach the problems page, the "source" line of a
# set page and its edit and view buttons (Material prints page.edit_url raw). A name holds no '/'.
HOSTILE_FILE_NAME = f'"><img src=x onerror="{JS}">'
FILES = {
    "2024/company.md": COMPANY,
    "2024-Q1/brand.md": TEAM,
    "2024-Q1/alice.md": PERSON,
    "2023-Q4/brand.md": TEAM_BEFORE,
    f"2024-Q1/{HOSTILE_FILE_NAME}.md": BROKEN,
}

# The example site's Markdown extensions, an edit link per set page and the edit/view buttons.
EXTRA = """repo_url: https://github.com/example/okrs
edit_uri: edit/main/docs/
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tasklist:
      custom_checkbox: true
"""

# Dispatches the events that run inline handlers on every element, and clicks every link.
# Links to http(s) and relative pages are held back from navigating (the page must stay), but
# javascript: and data: links are let through, as a reader's click would.
_POKE = """
() => {
  window.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href]');
    if (link && !['javascript:', 'data:'].includes(link.protocol)) event.preventDefault();
  }, true);
  const kinds = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove',
                 'mousedown', 'mouseup', 'focusin', 'focus', 'blur', 'toggle', 'load', 'error'];
  const everything = Array.from(document.querySelectorAll('body *'));
  for (const element of everything) {
    for (const kind of kinds) element.dispatchEvent(new Event(kind, {bubbles: true}));
    if (typeof element.focus === 'function') element.focus();
  }
  for (const element of document.querySelectorAll('.md-content *')) {
    if (typeof element.click === 'function') element.click();
  }
  return everything.length;
}
"""

_FOCUSABLE = "() => document.querySelectorAll('a[href], button, input, summary, [tabindex]').length"


class Visit:
    """What fired while one page was loaded and poked."""

    def __init__(self, page: Page, base: str) -> None:
        self.events: list[str] = []
        self.base = base
        page.route("**/*", self._request)
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.events.append(f"page error: {error}"))

    def _request(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.base):
            route.continue_()
        elif url.startswith("https://api.github.com/"):
            # Material's repository facts (stars, forks) of repo_url: this network has no GitHub.
            route.fulfill(status=200, content_type="application/json", body="{}")
        else:
            # A payload that fetches from elsewhere (an image, a frame) is a finding too.
            self.events.append(f"request to {url[:100]}")
            route.abort()

    def _dialog(self, dialog: Dialog) -> None:
        self.events.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        # Every console line counts: a payload that is blocked still logs why (CSP, data: URL).
        self.events.append(f"console {message.type}: {message.text}")


def visit(browser: Browser, url: str, search: str | None = None) -> list[str]:
    """Load `url`, hover, focus, click and tab through it; everything that fired, in order."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        parts = urlsplit(url)
        seen = Visit(page, f"{parts.scheme}://{parts.netloc}/")
        page.goto(url, wait_until="networkidle")
        if search is not None:
            page.keyboard.press("/")  # Material's search shortcut
            page.keyboard.type(search)  # Material searches on key events, not on fill()
            results = page.locator(".md-search-result__item")
            results.first.wait_for(state="visible")
            for index in range(results.count()):
                results.nth(index).hover()
        elements = page.evaluate(_POKE)
        assert elements > 0
        # Real pointer and keyboard: move over the content, then tab through the whole page.
        content = page.locator(".md-content").first
        box = content.bounding_box() if content.count() else None
        if box is not None:
            for step in range(0, int(box["height"]), 40):
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + step)
        for _ in range(page.evaluate(_FOCUSABLE) + 2):
            page.keyboard.press("Tab")
        page.wait_for_load_state("networkidle")
        if page.evaluate("typeof window.__pwned") != "undefined":
            seen.events.append("window.__pwned was set")
        return seen.events
    finally:
        context.close()


def _build(project: Path, files: dict[str, str]) -> Path:
    write_project(project, files, extra=EXTRA)
    config = (
        (project / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace(
            "  font: false\n",
            "  font: false\n  features:\n    - content.action.edit\n    - content.action.view\n",
        )
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("hostile"), FILES)


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve(hostile_site) as url:
        yield url


def _generated_pages(site: Path) -> list[str]:
    return sorted(
        path.parent.relative_to(site).as_posix() + "/"
        for path in (site / "okr").rglob("index.html")
    )


def test_the_hostile_site_has_every_kind_of_page(hostile_site: Path) -> None:
    pages = set(_generated_pages(hostile_site))
    expected = {
        "okr/",
        "okr/week/",
        "okr/calibration/",
        "okr/problems/",
        "okr/2024/",
        "okr/2024/company/",
        "okr/2024-Q1/",
        "okr/2024-Q1/brand/",
        "okr/2024-Q1/alice/",
        "okr/2024-Q1/tree/",
        "okr/2024-Q1/review/",
        "okr/2023-Q4/brand/",
        "okr/2023-Q4/review/",
        "okr/owners/brand/",
    }
    assert expected <= pages
    # The payloads really reach the pages that show them (as text), or this test proves nothing.
    week = (hostile_site / "okr" / "week" / "index.html").read_text(encoding="utf-8")
    assert "okr-moved" in week and "okr-silent" in week
    review = (hostile_site / "okr" / "2023-Q4" / "review" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "okr-verdict--missed" in review and "okr-body" in review
    problems = (hostile_site / "okr" / "problems" / "index.html").read_text(encoding="utf-8")
    assert problems.count("&lt;script&gt;") >= 2 and "&lt;img src=x" in problems


def test_no_script_runs_on_any_generated_page(
    browser: Browser, hostile_site: Path, hostile_url: str
) -> None:
    pages = _generated_pages(hostile_site)
    assert len(pages) >= 18  # an owner with one set has no history page of their own
    fired = {page: events for page in pages if (events := visit(browser, hostile_url + page))}
    assert fired == {}


def test_a_hostile_file_name_runs_no_script(browser: Browser, tmp_path: Path) -> None:
    # A valid OKR set in a file whose name breaks out of an attribute: its name is part of the
    # set page's edit and view links.
    site = _build(tmp_path, {"2024/company.md": COMPANY, f"2024-Q1/{HOSTILE_FILE_NAME}.md": TEAM})
    html = (site / "okr" / "2024-Q1" / "brand" / "index.html").read_text(encoding="utf-8")
    assert "md-content__button" in html  # Material's edit button is there to be tested
    with serve(site) as url:
        assert visit(browser, url + "okr/2024-Q1/brand/") == []


def test_no_script_runs_from_search_results(browser: Browser, hostile_url: str) -> None:
    # Material's search shows titles and text from its index, where the escaped text of the
    # pages is text again: the results must not turn it back into markup.
    assert visit(browser, hostile_url + "okr/", search="onerror") == []


@pytest.mark.parametrize(
    "raw",
    [
        SCRIPT,
        IMG,
        SVG,
        f'<span tabindex="0" onfocus="{JS}">focus me</span>',
        f'<span onmouseover="{JS}">hover me</span>',
        f'<a href="{JS_URL}">click me</a>',
        f'<button onclick="{JS}">press me</button>',
        f'<a href="{DATA_URL}">data link</a>',
    ],
    ids=["script", "img", "svg", "focus", "hover", "javascript-link", "click", "data-link"],
)
def test_the_visit_catches_a_payload_that_runs(browser: Browser, tmp_path: Path, raw: str) -> None:
    """The control: the same payloads written into a page raw are caught by the same visit."""
    (tmp_path / "index.html").write_text(
        f"<!doctype html><html><head><title>raw</title></head><body><div class='md-content'>{raw}</div></body></html>",
        encoding="utf-8",
    )
    with serve(tmp_path) as url:
        events = visit(browser, url)
    assert events, raw
