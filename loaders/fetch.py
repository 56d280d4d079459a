"""Web pages and feeds → files the loader reads, downloaded the way a site's webmaster would want.

County and city sites are small servers, often behind rate limits that block a whole newsroom's
address after a burst. So every request names the project (and a contact, when set), robots.txt is
read first and obeyed (with its Crawl-delay, when longer than ours), one site gets one request at a
time with a pause between them, and a page once downloaded is kept on disk and never asked for again.
A feed, which changes, is asked for again, but conditionally (ETag / Last-Modified).

Only the standard library is used (urllib): httpx is a test dependency only, and nothing here needs
more than one request at a time. Each URL ends fetched or failed with a one-line reason; one failure
never stops the rest.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

from loaders.batch import MAX_FILE_BYTES, Extracted, Refusal, extract_one
from loaders.decoding import DecodingError, declared_charset, decode_bytes
from loaders.facts.lexicon import Lexicon

PROJECT = "guanxi/0.1.0"
DEFAULT_DELAY_S = 2.0
DEFAULT_TIMEOUT_S = 20.0
DEFAULT_ATTEMPTS = 3
DEFAULT_BACKOFF_S = 2.0
# A server asking for more than this with Retry-After is waited for no longer: the URL fails and the
# rest go on (run the command again later; what was fetched is kept).
MAX_RETRY_AFTER_S = 60.0
MAX_REDIRECTS = 5
# Busy or restarting servers; anything else (404, 403, 410) will not change by asking again.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# What the loader reads, by Content-Type; the suffix tells the loader how.
PAGE_SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
}


# The rules of a site that may not be asked anything.
_NOTHING = ["User-agent: *", "Disallow: /"]


class FetchError(Exception):
    """One URL could not be fetched; the message says why in one line."""


@dataclass(frozen=True)
class Fetched:
    url: str
    path: Path  # the file the loader reads
    from_cache: bool


@dataclass(frozen=True)
class Failed:
    url: str
    reason: str


@dataclass(frozen=True)
class _Response:
    status: int
    headers: Message
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses: each hop's host is checked against its robots.txt and waited for."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def user_agent(contact: str | None) -> str:
    about = "news knowledge graph loader"
    return f"{PROJECT} ({about}; +{contact})" if contact else f"{PROJECT} ({about})"


def canonical(url: str) -> str:
    """The cache's key for a URL: the fragment never reaches the server."""
    return urldefrag(url.strip())[0]


def check_url(url: str) -> str | None:
    """Why ``url`` cannot be fetched (None: it can)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "not an http:// or https:// address"
    if not parts.hostname:
        return "no host in the address"
    return None


def _site(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _status_text(status: int) -> str:
    try:
        return f"HTTP {status} {http.client.responses[status]}"
    except KeyError:
        return f"HTTP {status}"


def _retry_after(headers: Message) -> float | None:
    value = headers.get("Retry-After")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class Fetcher:
    """Fetches pages into ``cache_dir``, politely. One instance per run: it remembers each site's
    robots.txt and the time of its last request."""

    def __init__(
        self,
        cache_dir: Path,
        contact: str | None = None,
        delay_s: float = DEFAULT_DELAY_S,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        attempts: int = DEFAULT_ATTEMPTS,
        backoff_s: float = DEFAULT_BACKOFF_S,
        max_bytes: int = MAX_FILE_BYTES,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.cache_dir = Path(cache_dir)
        self.user_agent = user_agent(contact)
        self.delay_s = delay_s
        self.timeout_s = timeout_s
        self.attempts = max(1, attempts)
        self.backoff_s = backoff_s
        self.max_bytes = max_bytes
        self.requests = 0  # sent to servers in this run (robots.txt included)
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}
        self._site_delay: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._unreachable: dict[str, str] = {}  # sites whose robots.txt did not answer, and why
        self._opener = urllib.request.build_opener(_NoRedirect)

    # -- the cache ---------------------------------------------------------------------------

    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]

    def _meta_path(self, url: str) -> Path:
        return self.cache_dir / f"{self._key(url)}.json"

    def cached(self, url: str) -> tuple[Path, dict[str, str]] | None:
        """The file already fetched for ``url`` and what the server said of it, if any."""
        url = canonical(url)
        try:
            meta = json.loads(self._meta_path(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        path = self.cache_dir / str(meta.get("file", ""))
        return (path, meta) if meta.get("file") and path.is_file() else None

    def _store(self, url: str, final_url: str, response: _Response, data: bytes, suffix: str) -> Path:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        key = self._key(url)
        path = self.cache_dir / f"{key}{suffix}"
        # Written beside, then renamed: a run killed half way leaves no half page that looks fetched.
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        partial.replace(path)
        meta = {
            "url": url,
            "final_url": final_url,
            "file": path.name,
            "content_type": response.headers.get("Content-Type", ""),
            "etag": response.headers.get("ETag", ""),
            "last_modified": response.headers.get("Last-Modified", ""),
            "fetched": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        meta_path = self._meta_path(url)
        partial = meta_path.with_name(meta_path.name + ".part")
        partial.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        partial.replace(meta_path)
        return path

    # -- requests ----------------------------------------------------------------------------

    def _wait_turn(self, site: str) -> None:
        last = self._last.get(site)
        if last is not None:
            wait = last + max(self.delay_s, self._site_delay.get(site, 0.0)) - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _open(self, url: str, headers: dict[str, str]) -> _Response:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers})
        try:
            with self._opener.open(request, timeout=self.timeout_s) as answer:
                body = answer.read(self.max_bytes + 1)
                return _Response(answer.status, answer.headers, body)
        except urllib.error.HTTPError as exc:  # 3xx, 4xx, 5xx: a response all the same
            return _Response(exc.code, exc.headers, b"")

    def _request(self, url: str, headers: dict[str, str] | None = None) -> _Response:
        """One URL, retried with backoff while the server is busy, failing, or not answering."""
        site = _site(url)
        problem = ""
        for attempt in range(1, self.attempts + 1):
            self._wait_turn(site)
            self.requests += 1
            try:
                response = self._open(url, headers or {})
            except (OSError, http.client.HTTPException) as exc:
                reason = getattr(exc, "reason", exc)
                problem = f"no answer ({type(reason).__name__}: {reason})" if str(reason) else "no answer"
                response = None
            finally:
                # Counted from the end of a request: a slow answer is no reason to ask again sooner.
                self._last[site] = self._clock()
            if response is not None and response.status not in RETRY_STATUSES:
                return response
            if response is not None:
                problem = _status_text(response.status)
            if attempt == self.attempts:
                break
            pause = self.backoff_s * 2 ** (attempt - 1)
            if response is not None and (asked := _retry_after(response.headers)) is not None:
                if asked > MAX_RETRY_AFTER_S:
                    raise FetchError(f"{problem}, the server asks to wait {asked:.0f} s")
                pause = max(pause, asked)
            self._sleep(pause)
        tries = f" after {self.attempts} attempts" if self.attempts > 1 else ""
        raise FetchError(f"{problem}{tries}")

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        site = _site(url)
        parser = self._robots.get(site)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            response, _ = self._follow(site + "/robots.txt", {}, robots=False)
        except FetchError as exc:
            # A site whose robots.txt does not answer may be down or blocking us: ask nothing of it.
            parser.parse(_NOTHING)
            self._unreachable[site] = f"robots.txt of {site} could not be read: {exc}"
        else:
            if 200 <= response.status < 300:
                parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
            elif response.status in (401, 403):  # as urllib.robotparser reads them
                parser.parse(_NOTHING)
            else:  # 404 and the like: no rules
                parser.parse([])
            delay = parser.crawl_delay(self.user_agent)
            if delay:
                self._site_delay[site] = float(delay)
        self._robots[site] = parser
        return parser

    def allowed(self, url: str) -> bool:
        return self._robots_for(url).can_fetch(self.user_agent, url)

    def _follow(self, url: str, headers: dict[str, str], robots: bool = True) -> tuple[_Response, str]:
        """The response at the end of ``url``'s redirects, and the address it came from."""
        for _ in range(MAX_REDIRECTS + 1):
            if robots and not self.allowed(url):
                raise FetchError(self._unreachable.get(_site(url), f"robots.txt of {_site(url)} disallows it"))
            response = self._request(url, headers)
            location = response.headers.get("Location") if response.status in REDIRECTS else None
            if not location:
                return response, url
            url = canonical(urljoin(url, location))
            if (why := check_url(url)) is not None:
                raise FetchError(f"redirected to {url}: {why}")
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    # -- pages and feeds ---------------------------------------------------------------------

    def fetch(self, url: str) -> Fetched | Failed:
        """A page, from the cache when it was fetched before (no request is made then)."""
        url = canonical(url)
        if (why := check_url(url)) is not None:
            return Failed(url, why)
        hit = self.cached(url)
        if hit is not None:
            return Fetched(url, hit[0], from_cache=True)
        try:
            response, final_url = self._follow(url, {"Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5"})
            suffix, data = self._page(response)
        except FetchError as exc:
            return Failed(url, str(exc))
        return Fetched(url, self._store(url, final_url, response, data, suffix), from_cache=False)

    def _page(self, response: _Response) -> tuple[str, bytes]:
        if response.status != 200:
            raise FetchError(_status_text(response.status))
        body = response.body
        if len(body) > self.max_bytes:
            raise FetchError(f"larger than {self.max_bytes / 1e6:.0f} MB")
        header = response.headers.get("Content-Type", "")
        kind = header.split(";")[0].strip().lower()
        if body[:5] == b"%PDF-":
            kind = "application/pdf"
        elif not kind and re.search(rb"<\s*(?:!doctype\s+html|html|body)\b", body[:4096], re.IGNORECASE):
            kind = "text/html"
        suffix = PAGE_SUFFIXES.get(kind)
        if suffix is None:
            raise FetchError(f"not an HTML page, text or PDF (Content-Type {kind or 'not given'})")
        if suffix == ".pdf":
            return suffix, body
        try:
            # The server's charset, else the page's <meta charset>: a hint the text may overrule.
            text, _ = decode_bytes(body, declared=declared_charset(body, header))
        except DecodingError:
            return suffix, body  # the loader refuses it with the decoder's own reason
        # Kept as UTF-8: the page's own <meta charset> may still say gb2312, and must not be believed.
        return suffix, text.encode("utf-8")

    def fetch_feed(self, url: str) -> list[str]:
        """The links of a feed's items, asked for conditionally when the feed was fetched before."""
        url = canonical(url)
        if (why := check_url(url)) is not None:
            raise FetchError(why)
        hit = self.cached(url)
        headers = {"Accept": "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"}
        if hit is not None:
            if hit[1].get("etag"):
                headers["If-None-Match"] = hit[1]["etag"]
            if hit[1].get("last_modified"):
                headers["If-Modified-Since"] = hit[1]["last_modified"]
        response, final_url = self._follow(url, headers)
        if response.status == 304 and hit is not None:
            return feed_links(hit[0].read_bytes(), url)
        if response.status != 200:
            raise FetchError(_status_text(response.status))
        if len(response.body) > self.max_bytes:
            raise FetchError(f"larger than {self.max_bytes / 1e6:.0f} MB")
        links = feed_links(response.body, final_url)
        self._store(url, final_url, response, response.body, ".xml")
        return links


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse_xml(data: bytes) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError) as first:  # ValueError: 'multi-byte encodings are not supported'
        # expat knows no GB2312 or Big5, which Chinese sites' feeds often declare: decode, drop the
        # declaration, parse the text.
        try:
            text = decode_bytes(data)[0]
        except DecodingError:
            text = data.decode("utf-8", errors="replace")
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
        try:
            return ElementTree.fromstring(text)
        except ElementTree.ParseError:
            raise FetchError(f"not an RSS or Atom feed ({first})") from None


def feed_links(data: bytes, base_url: str) -> list[str]:
    """The item links of an RSS 2.0, RSS 1.0 or Atom feed, in the feed's order, once each."""
    root = _parse_xml(data)
    if _local(root.tag) not in ("rss", "RDF", "feed", "channel"):
        raise FetchError(f"not an RSS or Atom feed (its root is <{_local(root.tag)}>)")
    links: list[str] = []
    for element in root.iter():
        name = _local(element.tag)
        found: str | None = None
        if name == "item":  # RSS 2.0, RSS 1.0
            for child in element:
                if _local(child.tag) == "link" and (child.text or "").strip():
                    found = child.text.strip() if child.text else None
                    break
            else:
                guid = next((c for c in element if _local(c.tag) == "guid"), None)
                if guid is not None and guid.get("isPermaLink", "true") == "true" and guid.text:
                    found = guid.text.strip()
        elif name == "entry":  # Atom
            for child in element:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate" and child.get("href"):
                    found = child.get("href")
                    break
        if found:
            url = canonical(urljoin(base_url, found))
            if check_url(url) is None and url not in links:
                links.append(url)
    return links


def read_list(path: Path) -> list[str]:
    """The addresses in a list file: one a line; blank lines and lines starting with # are skipped."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def fetch_all(fetcher: Fetcher, urls: Iterable[str],
              on_result: Callable[[Fetched | Failed], None] | None = None) -> list[Fetched | Failed]:
    """Every URL once, in order; a failed one is reported and the rest go on."""
    results: list[Fetched | Failed] = []
    seen: set[str] = set()
    for url in urls:
        key = canonical(url)
        if key in seen:
            continue
        seen.add(key)
        result = fetcher.fetch(key)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def extract_fetched(page: Fetched, lexicon: Lexicon | None = None) -> Extracted | Refusal:
    """A fetched page's facts, with the address it was fetched from as its articles' source."""
    result = extract_one(page.path, lexicon=lexicon)
    if isinstance(result, Extracted):
        result.document.url = page.url
    return result
