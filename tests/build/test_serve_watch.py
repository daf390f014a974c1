"""Saving an OKR file during `mkdocs serve` rebuilds the site: the plugin watches the OKR folder
itself (watching.py), by the rule of MkDocs' own watcher (every file's stamp, every half second),
and asks the server for a rebuild the way MkDocs' own watch does."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from mkdocs_okr.plugin import OkrPlugin
from mkdocs_okr.watching import FolderWatch, folder_stamps, rebuild_request

from .sitetools import COMPANY, write_project


def _touch_later(path: Path, text: str) -> None:
    """Write `text` with a modification time surely after the last look's (coarse clocks)."""
    path.write_text(text, encoding="utf-8")
    stamp = time.time_ns() + 5_000_000_000
    os.utime(path, ns=(stamp, stamp))


def test_stamps_see_a_save_a_new_file_a_removal_and_a_rename_over(tmp_path: Path) -> None:
    folder = tmp_path / "okrs"
    (folder / "2024").mkdir(parents=True)
    first = folder / "2024" / "company.md"
    first.write_text("a", encoding="utf-8")
    before = folder_stamps(str(folder))
    assert list(before) == [str(first)]

    _touch_later(first, "b")  # same size, later time
    saved = folder_stamps(str(folder))
    assert saved != before

    replacement = folder / "2024" / "new.tmp"
    replacement.write_text("b", encoding="utf-8")
    os.utime(replacement, ns=(saved[str(first)][0],) * 2)
    os.replace(replacement, first)  # an editor's atomic save: same size and time, new file
    assert folder_stamps(str(folder)) != saved

    (folder / "2024" / "team.md").write_text("c", encoding="utf-8")
    added = folder_stamps(str(folder))
    assert str(folder / "2024" / "team.md") in added
    first.unlink()
    assert str(first) not in folder_stamps(str(folder))


def test_stamps_follow_a_linked_folder_once(tmp_path: Path) -> None:
    folder = tmp_path / "okrs"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "company.md").write_text("a", encoding="utf-8")
    (folder / "2024" / "loop").symlink_to(folder)  # would never end if followed every time
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "team.md").write_text("b", encoding="utf-8")
    (folder / "shared").symlink_to(shared)
    stamps = folder_stamps(str(folder))
    assert str(folder / "shared" / "team.md") in stamps
    assert len(stamps) == 2


def test_a_watch_calls_back_after_a_save_and_stops(tmp_path: Path) -> None:
    (tmp_path / "set.md").write_text("a", encoding="utf-8")
    changed = threading.Event()
    watch = FolderWatch(str(tmp_path), changed.set, interval=0.02)
    watch.start()
    try:
        time.sleep(0.1)
        assert not changed.is_set()  # nothing saved yet: no rebuild
        _touch_later(tmp_path / "set.md", "b")
        assert changed.wait(5)
    finally:
        watch.stop()
    assert not any(thread.name == "okr-folder-watch" for thread in threading.enumerate())


def _serve_plugin(project: Path) -> tuple[OkrPlugin, LiveReloadServer]:
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    config = plugin.on_config(config)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(project))
    server.server_close()  # the test only needs its watching, not its socket
    assert plugin.on_serve(server, config=config, builder=server.builder) is server
    return plugin, server


def test_a_saved_set_asks_mkdocs_server_for_a_rebuild(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"2024/company.md": COMPANY})
    plugin, server = _serve_plugin(project)
    try:
        # MkDocs' own poller does not also look at the folder.
        assert str((project / "okrs").resolve()) not in server._watched_paths
        assert not server._want_rebuild
        _touch_later(project / "okrs" / "2024" / "company.md", COMPANY.replace("40", "50"))
        deadline = time.monotonic() + 5
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server._want_rebuild
    finally:
        plugin.on_shutdown()
    assert plugin.folder_watch is None


def test_a_server_of_another_kind_watches_the_folder_itself(tmp_path: Path) -> None:
    class OtherServer:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    project = write_project(tmp_path, {"2024/company.md": COMPANY})
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    config = plugin.on_config(config)
    server = OtherServer()
    assert rebuild_request(server) is None
    assert plugin.on_serve(server, config=config, builder=None) is server
    assert server.watched == [str((project / "okrs").resolve())]
    assert plugin.folder_watch is None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_real_serve_shows_a_saved_checkin(tmp_path: Path, engine: str) -> None:
    project = write_project(tmp_path, {"2024/company.md": COMPANY})
    port = _free_port()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", engine, "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    page = f"http://127.0.0.1:{port}/okr/2024/company/"
    try:
        deadline = time.monotonic() + 120
        while _page(page) is None and time.monotonic() < deadline:
            assert server.poll() is None, (tmp_path / "serve.log").read_text(encoding="utf-8")
            time.sleep(0.1)
        first = _page(page)
        assert first is not None and "Revenue" in first and "Profit" not in first
        (project / "okrs" / "2024" / "company.md").write_text(
            COMPANY.replace("Revenue", "Profit"), encoding="utf-8"
        )
        deadline = time.monotonic() + 60
        while "Profit" not in (_page(page) or "") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Profit" in (_page(page) or ""), (tmp_path / "serve.log").read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_a_watch_rests_while_the_site_builds_and_then_sees_what_was_saved(
    tmp_path: Path,
) -> None:
    (tmp_path / "set.md").write_text("a", encoding="utf-8")
    changed = threading.Event()
    watch = FolderWatch(str(tmp_path), changed.set, interval=0.02)
    watch.start()
    try:
        watch.building()
        _touch_later(tmp_path / "set.md", "b")
        assert not changed.wait(0.3)
        watch.built()
        assert changed.wait(5)
    finally:
        watch.stop()
