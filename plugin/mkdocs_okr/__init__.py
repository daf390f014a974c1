"""mkdocs-okr: publish OKRs kept as Markdown files in git."""

__version__ = "0.1.0"
