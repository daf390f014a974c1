"""Pure rendering: the core's organisation -> Markdown pages with HTML blocks (Jinja, autoescape)."""

from .paths import page_url, relative_url
from .site import Page, RenderOptions, each_page, render_pages, stylesheet

__all__ = [
    "Page",
    "RenderOptions",
    "each_page",
    "page_url",
    "relative_url",
    "render_pages",
    "stylesheet",
]
