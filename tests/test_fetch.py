"""`guanxi fetch` and `guanxi load --watch` against a server on 127.0.0.1 that the tests start.

The pages served are the project's own fixtures (tests/fixtures/html, tests/fixtures/articles).
Nothing may leave the machine: connections to any address but the loopback fail the test.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from guanxi import cli
from guanxi.fetching import run_fetch
from guanxi.settings import get_settings
from guanxi.watching import state_path, watch
from loaders.batch import Extracted
from loaders.fetch import Failed, Fetched, Fetcher, extract_fetched, feed_links

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "html" / "019_chengyang_gov_web.html").read_bytes()  # has its own canonical link
OTHER_PAGE = (FIXTURES / "html" / "003_web_inspection_hengrui.html").read_bytes()
GBK_PAGE = (FIXTURES / "html" / "029_qingming_gov_gb18030.html").read_bytes()
HTML = "text/html; charset=utf-8"

Reply = tuple[int, dict[str, str], bytes]


@dataclass
class Site:
    """What the test server answers, path by path, and what it was asked (path, time, headers)."""

    routes: dict[str, list[Reply]] = field(default_factory=dict)
    log: list[tuple[str, float, dict[str, str]]] = field(default_factory=list)
    base: str = ""

    def serve(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies)
        return self.base + path

    def asked(self, path: str) -> int:
        return sum(1 for p, _, _ in self.log if p == path)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def connect(sock: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"a test tried to reach {address!r}")
        real_connect(sock, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            state.log.append((self.path, time.monotonic(), dict(self.headers.items())))
            replies = state.routes.get(self.path)
            if not replies:
                status, headers, body = 404, {"Content-Type": "text/plain"}, b"not here"
            else:
                status, headers, body = replies.pop(0) if len(replies) > 1 else replies[0]
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def fetcher(tmp_path: Path, **kwargs: object) -> Fetcher:
    options: dict[str, object] = {"delay_s": 0.0, "backoff_s": 0.01, "timeout_s": 5.0}
    options.update(kwargs)
    return Fetcher(tmp_path / "cache", contact="desk@newsroom.example", **options)  # type: ignore[arg-type]


def test_robots_disallow_is_respected(site: Site, tmp_path: Path) -> None:
    site.serve("/robots.txt", (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"))
    hidden = site.serve("/private/a.html", (200, {"Content-Type": HTML}, PAGE))
    shown = site.serve("/news/a.html", (200, {"Content-Type": HTML}, PAGE))
    f = fetcher(tmp_path)
    refused = f.fetch(hidden)
    assert isinstance(refused, Failed) and "robots.txt" in refused.reason and "disallows" in refused.reason
    assert site.asked("/private/a.html") == 0
    assert isinstance(f.fetch(shown), Fetched)
    assert site.asked("/robots.txt") == 1  # read once per site and run
    assert all(h.get("User-Agent", "").startswith("guanxi/") and "desk@newsroom.example" in h["User-Agent"]
               for _, _, h in site.log)


def test_robots_for_our_agent_only(site: Site, tmp_path: Path) -> None:
    site.serve("/robots.txt", (200, {}, b"User-agent: guanxi\nDisallow: /\n\nUser-agent: *\nAllow: /\n"))
    page = site.serve("/a.html", (200, {"Content-Type": HTML}, PAGE))
    result = fetcher(tmp_path).fetch(page)
    assert isinstance(result, Failed) and "robots.txt" in result.reason


def test_requests_to_one_site_are_spaced_by_the_delay(site: Site, tmp_path: Path) -> None:
    urls = [site.serve(f"/p{i}.html", (200, {"Content-Type": HTML}, PAGE)) for i in range(3)]
    f = fetcher(tmp_path, delay_s=0.15)
    assert all(isinstance(f.fetch(url), Fetched) for url in urls)
    times = [t for _, t, _ in site.log]
    assert [p for p, _, _ in site.log] == ["/robots.txt", "/p0.html", "/p1.html", "/p2.html"]
    # Measured where the server received them: each request waited its turn after the last answer.
    assert all(later - earlier >= 0.15 for earlier, later in zip(times, times[1:], strict=False))


def test_a_page_fetched_once_is_never_asked_for_again(site: Site, tmp_path: Path) -> None:
    url = site.serve("/a.html", (200, {"Content-Type": HTML, "ETag": '"v1"'}, PAGE))
    first = fetcher(tmp_path).fetch(url)
    assert isinstance(first, Fetched) and not first.from_cache
    asked = len(site.log)
    again = fetcher(tmp_path)  # a new run, the same cache
    second = again.fetch(url + "#comments")  # the fragment never reaches a server: the same page
    assert isinstance(second, Fetched) and second.from_cache and second.path == first.path
    assert again.requests == 0 and len(site.log) == asked


def test_a_500_is_retried_and_then_succeeds(site: Site, tmp_path: Path) -> None:
    url = site.serve("/busy.html", (500, {}, b""), (503, {"Retry-After": "0"}, b""), (200, {"Content-Type": HTML}, PAGE))
    result = fetcher(tmp_path).fetch(url)
    assert isinstance(result, Fetched)
    assert site.asked("/busy.html") == 3


def test_errors_are_clear_and_the_rest_go_on(site: Site, tmp_path: Path) -> None:
    broken = site.serve("/down.html", (500, {}, b""))
    image = site.serve("/photo.png", (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n"))
    good = site.serve("/good.html", (200, {"Content-Type": HTML}, PAGE))
    f = fetcher(tmp_path)
    results = {r.url: r for r in map(f.fetch, [broken, site.base + "/missing.html", image, "ftp://x/y", good])}
    assert results[broken] == Failed(broken, "HTTP 500 Internal Server Error after 3 attempts")
    assert results[site.base + "/missing.html"] == Failed(site.base + "/missing.html", "HTTP 404 Not Found")
    assert "not an HTML page, text or PDF (Content-Type image/png)" in str(results[image])
    assert isinstance(results["ftp://x/y"], Failed)
    closed = f.fetch("http://127.0.0.1:9/a.html")  # the discard port: nothing listens
    assert isinstance(closed, Failed) and closed.reason.startswith("robots.txt of http://127.0.0.1:9 could not be read")
    assert isinstance(results[good], Fetched)
    assert not list((tmp_path / "cache").glob("*.part"))


def test_redirects_are_followed_and_the_asked_url_is_kept(site: Site, tmp_path: Path) -> None:
    old = site.serve("/old.html", (301, {"Location": "/new.html"}, b""))
    site.serve("/new.html", (200, {"Content-Type": HTML}, PAGE))
    result = fetcher(tmp_path).fetch(old)
    assert isinstance(result, Fetched) and result.url == old
    assert site.asked("/new.html") == 1


def test_the_fetched_url_is_the_articles_source(site: Site, tmp_path: Path) -> None:
    url = site.serve("/2024/page.html", (200, {"Content-Type": HTML}, PAGE))
    page = fetcher(tmp_path).fetch(url)
    assert isinstance(page, Fetched)
    extracted = extract_fetched(page)
    assert isinstance(extracted, Extracted) and extracted.document.articles
    # The page's own canonical link names another address; the one it was fetched from wins.
    assert extracted.document.url == url


def test_a_gbk_page_is_read_by_its_declared_charset(site: Site, tmp_path: Path) -> None:
    url = site.serve("/gbk.html", (200, {"Content-Type": "text/html; charset=gbk"}, GBK_PAGE))
    page = fetcher(tmp_path).fetch(url)
    assert isinstance(page, Fetched)
    assert "青茗县人民政府" in page.path.read_text(encoding="utf-8")
    extracted = extract_fetched(page)
    assert isinstance(extracted, Extracted) and extracted.document.articles


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>测试频道</title><link>{base}/</link>
<item><title>一</title><link>{base}/feed/1.html</link></item>
<item><title>二</title><link>/feed/2.html</link></item>
<item><title>一又见</title><link>{base}/feed/1.html</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>测试</title>
<entry><title>一</title><link rel="alternate" href="https://a.example/1.html"/></entry>
<entry><title>二</title><link href="/2.html"/><link rel="edit" href="/edit/2"/></entry>
</feed>"""


def test_feed_links_of_rss_and_atom() -> None:
    assert feed_links(RSS.format(base="http://h").encode(), "http://h/rss.xml") == [
        "http://h/feed/1.html", "http://h/feed/2.html"]
    assert feed_links(ATOM.encode(), "https://a.example/atom.xml") == [
        "https://a.example/1.html", "https://a.example/2.html"]
    # A feed declaring GB2312, which expat cannot read by itself.
    gb = RSS.format(base="http://h").replace("utf-8", "gb2312").encode("gb18030")
    assert len(feed_links(gb, "http://h/rss.xml")) == 2


def test_a_feeds_items_are_fetched_and_loaded_with_their_urls(site: Site, tmp_path: Path) -> None:
    feed = site.serve("/rss.xml", (200, {"Content-Type": "application/rss+xml", "ETag": '"f1"'},
                                   RSS.format(base=site.base).encode()))
    site.serve("/feed/1.html", (200, {"Content-Type": HTML}, PAGE))
    site.serve("/feed/2.html", (200, {"Content-Type": HTML}, OTHER_PAGE))
    loaded: list[list[Fetched]] = []

    def load(pages: list[Fetched]) -> int:
        loaded.append(pages)
        return 0

    f = fetcher(tmp_path)
    code, summary = run_fetch(f, [], [feed], load, Console(record=True), every_s=1.0, rounds=2,
                              sleep=lambda s: None)
    assert code == 0 and summary.fetched == 2 and summary.rounds == 2
    # Loaded once: the second round finds nothing new in the feed.
    assert len(loaded) == 1
    assert [p.url for p in loaded[0]] == [site.base + "/feed/1.html", site.base + "/feed/2.html"]
    # The feed itself is asked for again each round, conditionally.
    assert site.asked("/rss.xml") == 2 and site.log[-1][2].get("If-None-Match") == '"f1"'


def test_cli_fetch_loads_each_page_with_its_url(site: Site, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    good = site.serve("/a.html", (200, {"Content-Type": HTML}, PAGE))
    missing = site.base + "/gone.html"
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's pages\n{missing}\n\n{good}\n", encoding="utf-8")
    calls: list[dict[Path, str]] = []

    def fake_load(paths: list[Path], settings: object, console: object, **kwargs: object) -> int:
        urls = kwargs["urls"]
        assert isinstance(urls, dict) and set(urls) == set(paths)
        calls.append(urls)
        return 0

    monkeypatch.setattr("guanxi.loading.run_load", fake_load)
    monkeypatch.setenv("GUANXI_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli.app, ["fetch", "--list", str(listing), "--delay", "0"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1, result.output  # one address failed; the other was loaded
    assert "HTTP 404 Not Found" in result.output and "1 page(s) fetched" in result.output
    assert [list(c.values()) for c in calls] == [[good]]
    assert all(path.is_relative_to(tmp_path / "home" / "fetch-cache") for path in calls[0])


ARTICLE = FIXTURES / "articles" / "001_hequan_weekly_signing.txt"
SECOND = FIXTURES / "articles" / "009_web_executive_meeting.txt"


def test_watch_picks_up_a_file_added_after_it_started(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / "a.txt")
    state = state_path(tmp_path / "home", folder)
    loads: list[list[str]] = []

    def load(files: list[Path]) -> int:
        loads.append([f.name for f in files])
        return 0

    def meanwhile(_: float) -> None:  # a page dropped in while the watch waits
        shutil.copy(SECOND, folder / "b.txt")

    summary = watch(folder, load, state, interval_s=5, rounds=2, sleep=meanwhile, settle_s=0)
    assert loads == [["a.txt"], ["b.txt"]]
    assert summary.files == 2 and summary.rounds == 2

    # Started again: the state remembers both files, so neither is read again...
    assert watch(folder, load, state, interval_s=5, rounds=1, settle_s=0).files == 0
    # ...until one changes.
    (folder / "a.txt").write_text(ARTICLE.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    watch(folder, load, state, interval_s=5, rounds=1, settle_s=0)
    assert loads[-1] == ["a.txt"]


def test_watch_tries_again_when_neo4j_was_lost(tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / "a.txt")
    codes = [2, 0]
    loads: list[int] = []

    def load(files: list[Path]) -> int:
        loads.append(len(files))
        return codes.pop(0)

    summary = watch(folder, load, tmp_path / "state.json", 1, rounds=3, sleep=lambda s: None, settle_s=0)
    assert loads == [1, 1] and summary.failed_rounds == 1 and summary.files == 1


def test_cli_watch_stops_cleanly_on_ctrl_c(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / "a.txt")
    os.utime(folder / "a.txt", (time.time() - 60, time.time() - 60))  # copied in well before: settled
    loaded: list[Path] = []

    def fake_load(paths: list[Path], settings: object, console: object, **kwargs: object) -> int:
        loaded.extend(paths)
        return 0

    def interrupt(_: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("guanxi.loading.run_load", fake_load)
    monkeypatch.setattr("guanxi.watching.time.sleep", interrupt)
    monkeypatch.setenv("GUANXI_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli.app, ["load", "--watch", str(folder), "--interval", "1"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert [p.name for p in loaded] == ["a.txt"]
    assert "stopped: 1 file(s) loaded in 1 of 1 look(s)" in result.output


def test_declared_charset_from_the_header_then_the_page() -> None:
    from loaders.decoding import declared_charset

    page = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head>'
    assert declared_charset(page) == "gb2312"
    assert declared_charset(page, "text/html; charset=UTF-8") == "utf-8"
    assert declared_charset(b'<meta charset="big5">') == "big5"
    assert declared_charset(b"<html><body>no declaration</body></html>", "text/html") is None
