"""Find the OKR folder and the plugin options of a site from its mkdocs.yml, without MkDocs.

The `okr` command must judge files exactly as the plugin does, so it reads the same options
with the same function (`options.read_options`).
mkdocs.yml often holds tags for MkDocs' own loader (`!!python/name:...`, `!ENV`); we read it
with a loader that turns any unknown tag into None, since we only want our plugin's options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import yaml

from .clock import today as resolve_today
from .core.messages import language_of

if TYPE_CHECKING:
    # Imported where used: reading options builds pydantic models and the renderer loads Jinja,
    # which a warm `okr check` must not pay for.
    from .core.settings import Settings
    from .options import PluginOptions
    from .render import RenderOptions


class _TolerantLoader(yaml.SafeLoader):
    pass


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def read_config(config_file: Path) -> dict[str, Any] | None:
    """The mkdocs.yml as plain data (unknown tags read as None), or None if unreadable."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except Exception:  # PyYAML raises more than YAMLError on odd input (RecursionError ...)
        return None
    return config if isinstance(config, dict) else None


def plugin_options(config_file: Path) -> dict[str, Any] | None:
    """The `okr` plugin's options in a mkdocs.yml, {} when listed bare, None when absent."""
    config = read_config(config_file)
    if config is None:
        return None
    for entry in config.get("plugins") or []:
        if entry == "okr":
            return {}
        if isinstance(entry, dict) and "okr" in entry:
            options = entry["okr"]
            return options if isinstance(options, dict) else {}
    plugins = config.get("plugins")
    if isinstance(plugins, dict) and "okr" in plugins:
        options = plugins["okr"]
        return options if isinstance(options, dict) else {}
    return None


@dataclass(frozen=True)
class WrittenOptions:
    """The plugin's options as a mkdocs.yml writes them, not validated yet."""

    written: dict[str, Any] | None
    """The options under `plugins: - okr:`; None when the plugin is not listed."""
    base: Path
    """The folder `okrs_dir` is relative to: mkdocs.yml's, or the current one without it."""

    @property
    def text(self) -> str:
        """The options as text that differs whenever they do (dates and numbers keep their
        type in a repr): the result cache is keyed on it, so a warm `okr check` needs no
        validation."""
        return repr(self.written)


def written_options(config_file: Path | None) -> WrittenOptions | None:
    """The plugin's options in a mkdocs.yml (or none, when there is no ./mkdocs.yml); None
    when the configuration file named does not exist."""
    if config_file is not None and not config_file.is_file():
        return None
    config_file = config_file or Path("mkdocs.yml")
    written = plugin_options(config_file) if config_file.is_file() else None
    return WrittenOptions(written, config_file.parent if written is not None else Path("."))


def find_options(config_file: Path | None) -> tuple[PluginOptions, Path, list[str]]:
    """The plugin's options and the OKR folder from a mkdocs.yml (or the defaults, ./okrs).

    Every option is checked, the site's too: a mkdocs.yml that would stop the build is refused
    here with the same message."""
    from .options import PluginOptions, read_options

    found = written_options(config_file)
    if found is None:
        problem = f"the configuration file '{config_file}' does not exist"
        return PluginOptions(), Path("okrs"), [problem]
    options, problems = read_options(found.written)
    return options, found.base / options.settings.okrs_dir, problems


def repo_link(
    repo_url: str | None,
    edit_uri: str | None,
    docs_dir: str,
    okrs_dir: str,
    given: str | None,
    kind: str,
) -> str | None:
    """A link prefix into the repository's OKR folder (kind `edit` or `blob`).

    `given` is the plugin's own edit_uri/source_uri; without it the link is derived from
    MkDocs' edit_uri by swapping the docs folder for the OKR folder (edit/main/docs/ ->
    edit/main/okrs/), and edit/ for blob/ to view a file.
    """
    if not repo_url:
        return None
    uri = given
    if uri is None:
        docs = Path(docs_dir).name
        stem = (edit_uri or "").rstrip("/")
        if not stem.endswith(docs):
            return None
        uri = stem[: -len(docs)] + okrs_dir.strip("/") + "/"
        if kind == "blob":
            uri = uri.replace("edit/", "blob/", 1)
    return urljoin(repo_url.rstrip("/") + "/", uri.rstrip("/") + "/")


def site_language(config_file: Path | None) -> str:
    """en or zh: the site's `theme.language` in mkdocs.yml (English when absent)."""
    config = read_config(config_file or Path("mkdocs.yml")) or {}
    theme = config.get("theme")
    return language_of(theme.get("language") if isinstance(theme, dict) else None)


LANGUAGE_VARIABLE = "OKR_LANG"


def reader_language(asked: str | None, site: str | None) -> str:
    """The language messages are shown in: `asked` (`--lang`), else the environment variable
    OKR_LANG, else the site's `site` language (`theme.language`); en or zh."""
    return language_of(asked or os.environ.get(LANGUAGE_VARIABLE) or site)


def command_language(asked: str | None, config_file: Path | None) -> str:
    """The language of the `okr` command's messages: `--lang`, OKR_LANG or mkdocs.yml."""
    if asked or os.environ.get(LANGUAGE_VARIABLE):
        return reader_language(asked, None)
    return site_language(config_file)


def render_options(config_file: Path, settings: Settings, today: str | None) -> RenderOptions:
    """The options the plugin would render with, read from a mkdocs.yml (for `okr render`).

    `find_options` has reported any invalid option already; here such an option is its default.
    """
    from .options import read_options
    from .render import RenderOptions

    config = read_config(config_file) or {}
    site = read_options(plugin_options(config_file))[0].site
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    assert isinstance(theme, dict)
    custom_dir = theme.get("custom_dir")
    repo_url = config.get("repo_url")
    edit_uri = config.get("edit_uri", _default_edit_uri(repo_url))
    docs_dir = str(config.get("docs_dir", "docs"))

    def link(given: str | None, kind: str) -> str | None:
        return repo_link(repo_url, edit_uri, docs_dir, settings.okrs_dir, given, kind)

    return RenderOptions(
        today=resolve_today(today or site.today),
        pages_dir=site.pages_dir.strip("/"),
        language=site_language(config_file),
        directory_urls=config.get("use_directory_urls", True) is not False,
        edit_url=link(site.edit_uri, "edit"),
        source_url=link(site.source_uri, "blob"),
        template_dirs=(str(config_file.parent / custom_dir),)
        if isinstance(custom_dir, str)
        else (),
        repo_url=repo_url if isinstance(repo_url, str) else None,  # check-in dialog hook
    )


def _default_edit_uri(repo_url: Any) -> str | None:
    # MkDocs' own default for GitHub and GitLab repositories.
    if isinstance(repo_url, str) and ("github.com" in repo_url or "gitlab.com" in repo_url):
        return "edit/master/docs/"
    return None
