"""Documents → Neo4j. One article per transaction, batched UNWIND statements, MERGE everywhere.

Writing the same document twice creates no node and no relationship: nodes are merged on the
stable ids of guanxi/ids.py, relationships on their endpoints plus the article they come from.
If anything in an article fails, its transaction rolls back and none of that article is stored.

One story in several documents (a .txt and its .html, a reprint) has one article id, its body's
fingerprint (guanxi/fingerprint.py). One copy gives the article its text and facts, the best by
copy_key whatever the load order (simplified script, then the earliest issue); a better copy's write
replaces a worse one's facts as a reload does, and a worse copy only adds its link, so nothing is
counted twice. Each document holds the article through its own PART_OF, and a document that no
longer holds it takes away only that link while another document still does.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import neo4j
from neo4j.exceptions import AuthError, DatabaseUnavailable, ServiceUnavailable, SessionExpired
from pydantic import BaseModel, Field

from graph.collect import PLACEMENT_KEYS, article_rows, placement
from graph.cypher import combined, query
from graph.errors import ArticleWriteError, GraphError, GraphUnavailable, translate_driver_errors
from graph.lookup import Neo4jLookup
from graph.resolution import prefix_windows, resolve_rows
from graph.retry import DEFAULT_POLICY, RetriesExhausted, RetryPolicy, with_retries
from graph.rows import ArticleRows
from graph.schema import ensure_schema
from graph.search_index import ARTICLES_PER_COPY, index_pending, settle_search
from guanxi.facts import Article, Document
from guanxi.fingerprint import copy_key
from guanxi.ids import article_id, document_id

Row = dict[str, Any]
Statement = tuple[str, dict[str, Any]]  # a named query of cypher/ and its parameters
# Rewrites an article's statements inside its transaction (resolution reads the graph there).
Prepare = Callable[[Any], list[Statement]]

T = TypeVar("T")


class ArticleWrite(BaseModel):
    article_id: str
    title: str
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    # Facts an earlier load read from this article and this one did not: replaced, so removed.
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    error: str | None = None


class WriteSummary(BaseModel):
    documents: int = 0
    articles: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    failed: int = 0
    articles_removed: int = 0
    # Articles the document no longer holds that another document still does: only its link went.
    articles_released: int = 0
    per_article: list[ArticleWrite] = Field(default_factory=list)

    def add(self, other: WriteSummary) -> None:
        self.documents += other.documents
        self.articles += other.articles
        self.nodes_created += other.nodes_created
        self.relationships_created += other.relationships_created
        self.properties_set += other.properties_set
        self.nodes_deleted += other.nodes_deleted
        self.relationships_deleted += other.relationships_deleted
        self.failed += other.failed
        self.articles_removed += other.articles_removed
        self.articles_released += other.articles_released
        self.per_article.extend(other.per_article)


@dataclass(frozen=True)
class ArticlePlan:
    """What one article's transaction writes: the document's row when it rides with this article
    (write_document), the article node (``head``, merge_article) and its facts' rows."""

    document: Row | None
    head: Row
    rows: ArticleRows

    def with_rows(self, rows: ArticleRows) -> ArticlePlan:
        return replace(self, rows=rows)

    def statements(self) -> list[Statement]:
        """(query name, parameters) in the order they run. The document's statement goes even with no
        row: every article then sends one query text, planned (and replanned as the graph grows)
        once instead of twice."""
        common = {"article_id": self.head["article_id"], "load_id": self.head["load_id"]}
        prune = {**common, "stale": False}
        return [("merge_document", {"rows": [self.document] if self.document else []}),
                ("merge_article", self.head),
                *((name, {**common, "rows": rows}) for name, rows in self.rows.batches()),
                ("prune_article", prune), ("prune_article_nodes", prune)]


def _after_document(head: Prepare, prepare: Prepare | None, statements: list[Statement]) -> Prepare:
    """The document's read (stale articles) first, then the statements, in one transaction."""
    return lambda tx: head(tx) + (prepare(tx) if prepare else statements)


def _unless_a_better_copy(prepare: Prepare | None, plan: ArticlePlan, holders: dict[str, Row]) -> Prepare:
    """The article's statements, or only its document's link when the graph holds the story from a
    better copy in another document (``holders``: cypher/write.cypher document_articles): the facts
    stay that copy's, whichever copy was loaded last."""
    head = plan.head

    def work(tx: Any) -> list[Statement]:
        held = holders.get(head["article_id"])
        if held is not None and held["copy_key"] is not None and held["document_id"] != head["document_id"] \
                and held["copy_key"] < head["copy_key"]:
            return [("merge_document", {"rows": [plan.document] if plan.document else []}),
                    ("link_article", {key: head[key] for key in ("document_id", "article_id", "index", "title",
                                                                 *PLACEMENT_KEYS)})]
        return prepare(tx) if prepare else plan.statements()

    return work


def _run_consumed(tx: neo4j.ManagedTransaction, name: str, params: dict[str, Any]) -> None:
    tx.run(query(name), params).consume()  # type: ignore[arg-type]


def _add_counters(target: ArticleWrite, counters: neo4j.SummaryCounters) -> None:
    target.nodes_created += counters.nodes_created
    target.relationships_created += counters.relationships_created
    target.properties_set += counters.properties_set
    target.nodes_deleted += counters.nodes_deleted
    target.relationships_deleted += counters.relationships_deleted


class GraphWriter:
    """Stores Documents. ``continue_on_error`` records a failed article and goes on to the next."""

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str = "neo4j",
        continue_on_error: bool = False,
        retry: RetryPolicy = DEFAULT_POLICY,
        on_retry: Callable[[int, float, BaseException], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.driver = driver
        self.database = database
        self.continue_on_error = continue_on_error
        self.retry = retry
        self.on_retry = on_retry
        self._sleep = sleep
        self._unindexed_articles = 0  # written since names were last copied for search
        self._count_lock = threading.Lock()  # writer threads share one GraphWriter

    def _write_unit(self, statements: list[Statement], result: ArticleWrite,
                    prepare: Prepare | None = None) -> None:
        """One transaction in a fresh session, tried again while Neo4j restarts (graph/retry.py).

        A fresh session per attempt: the old one may hold a connection the restart killed.
        ``prepare(tx)`` rewrites the statements inside the transaction first (entity resolution reads
        the graph there, so a retry resolves again against what is stored by then).
        """

        def work(tx: neo4j.ManagedTransaction) -> None:
            self._run_statements(tx, prepare(tx) if prepare else statements, result)

        def attempt() -> None:
            # No notifications: Correction nodes rightly do not exist before a first correction.
            with self.driver.session(database=self.database, notifications_min_severity="OFF") as session:
                session.execute_write(work)

        self._retried(attempt)

    def ensure_schema(self) -> int:
        # Two loaders starting at once create the same constraints together, and Neo4j answers one
        # of them with a deadlock (a transient error): the statements are idempotent, run them again.
        return self._retried(lambda: ensure_schema(self.driver, self.database))

    def add_prefix_keys(self) -> int:
        """Give organisations stored by an older version or a bulk import their prefix keys
        (graph/resolution.py prefix_windows), so short forms find them. Returns how many."""
        done = 0
        with translate_driver_errors(), self.driver.session(database=self.database) as session:
            while True:
                rows = session.execute_read(lambda tx: [r.data() for r in tx.run(query("orgs_without_prefix_key"))])
                if not rows:
                    return done
                batch = [{"id": r["id"], "prefix_names": prefix_windows(r["name"], *r["aliases"])} for r in rows]
                session.execute_write(_run_consumed, "set_prefix_keys", {"rows": batch})
                done += len(batch)

    def prepare(self) -> None:
        """Before a load: the schema, and the keys resolution needs on a graph an older version or
        a bulk import stored."""
        self.ensure_schema()
        self.add_prefix_keys()
        self.add_lookup_keys()

    def add_lookup_keys(self, batch: int = 2000) -> int:
        """Give a graph stored before LookupKeys existed its keys (cypher/write.cypher
        merge_lookup_keys), so resolution finds its people, organisations and projects. Returns how
        many nodes were keyed: none once any key exists, as every write since keeps them."""
        done = 0
        with translate_driver_errors(), self.driver.session(database=self.database) as session:
            missing = session.execute_read(lambda tx: [r["missing"] for r in tx.run(query("lookup_keys_missing"))])
            if any(missing):
                ids = session.execute_read(lambda tx: [r["id"] for r in tx.run(query("keyed_entity_ids"))])
                for start in range(0, len(ids), batch):
                    rows = [{"id": i} for i in ids[start:start + batch]]
                    session.execute_write(_run_consumed, "merge_lookup_keys", {"rows": rows})
                    done += len(rows)
        return done

    def write_document(self, doc: Document, settle: bool = True) -> WriteSummary:
        """Store one document, an article per transaction. ``settle``: return only once search finds
        it; a batch passes False and settles once at the end (write_documents, guanxi load)."""
        doc_id = doc.id or document_id(doc.source + "\x1f" + "\x1f".join(a.title for a in doc.articles))
        summary = WriteSummary(documents=1)
        pub = doc.publication
        as_of_default = pub.date
        with translate_driver_errors():
            doc_write = ArticleWrite(article_id="", title="")
            ids = [art.id or article_id(doc_id, position, art.title, art.text)
                   for position, art in enumerate(doc.articles)]
            stale: list[str] = []
            document_row = {"id": doc_id, "source": doc.source, "encoding": doc.encoding,
                            "publication_name": pub.name, "publication_date": pub.date, "issue": pub.issue,
                            "url": doc.url}

            holders: dict[str, Row] = {}  # the copy each story already in the graph shows

            def read_stale(tx: Any) -> list[Statement]:
                # Once per document, in its first article's transaction: one round trip, not one per
                # article. A writer storing another copy of a story meanwhile may make the later copy
                # win that once; the facts are still one copy's, never both.
                for row in tx.run(query("document_articles"), {"document_id": doc_id, "article_ids": ids}):
                    stale[:] = row["stale"]
                    holders.clear()
                    holders.update((h["id"], h) for h in row["held"])
                return []

            # The document node rides with its first article written: a transaction of its own cost
            # each document a commit and four round trips (bench/README.md).
            document_written = False
            for position, (art, art_id) in enumerate(zip(doc.articles, ids, strict=True)):
                index = art.index if art.id else position
                result = ArticleWrite(article_id=art_id, title=art.title)
                riding = None if document_written else document_row
                plan = self.article_plan(doc_id, art, art_id, index, art.date or as_of_default, riding,
                                         published=pub.date)
                statements = plan.statements()
                # The id the story had before ids were fingerprints: corrections made then name it.
                former = article_id(doc_id, index, art.title)
                prepare = self._resolver(doc, art, plan, [former] if former != art_id else [])
                prepare = _unless_a_better_copy(prepare, plan, holders)
                if not document_written:
                    prepare = _after_document(read_stale, prepare, statements)
                try:
                    self._write_unit(statements, result, prepare)
                except (GraphError, ServiceUnavailable, SessionExpired, DatabaseUnavailable, AuthError):
                    raise  # the server, not the article: stop here (translated to GraphUnavailable)
                except Exception as exc:
                    if not self.continue_on_error:
                        raise ArticleWriteError(art_id, art.title, exc) from exc
                    result = ArticleWrite(article_id=art_id, title=art.title, error=str(exc))
                    summary.failed += 1
                else:
                    summary.articles += 1
                    document_written = True
                    self._copy_for_search_now_and_then()
                summary.per_article.append(result)
                summary.nodes_created += result.nodes_created
                summary.relationships_created += result.relationships_created
                summary.properties_set += result.properties_set
                summary.nodes_deleted += result.nodes_deleted
                summary.relationships_deleted += result.relationships_deleted
            if not document_written:  # no article, or none could be written: the document alone
                document = [("merge_document", {"rows": [document_row]})]
                self._write_unit(document, doc_write, _after_document(read_stale, None, document))
                summary.nodes_created += doc_write.nodes_created
                summary.relationships_created += doc_write.relationships_created
                summary.properties_set += doc_write.properties_set
            self._remove_stale_articles(doc_id, stale, summary)
        if settle:
            self.settle()
        return summary

    # --- resolution hook (graph/resolution.py) -----------------------------------------------

    resolve = True  # False writes ids derived from names alone, as before resolution existed

    def _resolver(self, doc: Document, art: Article, plan: ArticlePlan,
                  former_ids: list[str] | None = None) -> Prepare | None:
        """The article's statements with people, companies and projects matched to the graph's nodes
        and manual corrections applied, read in the article's own write transaction. ``former_ids``:
        other ids the article had, which a split correction may name."""
        if not self.resolve:
            return None
        publication, art_id = doc.publication.name, plan.head["article_id"]
        return lambda tx: plan.with_rows(
            resolve_rows(plan.rows, art, art_id, publication, Neo4jLookup(tx, former_ids))).statements()

    def _remove_stale_articles(self, doc_id: str, stale: list[str], summary: WriteSummary) -> None:
        """Articles an earlier load of the document stored and this one did not (their title, split or
        text changed): the document lets go of each; one that no other document holds loses its facts
        (prune_article under a load id nothing carries) and its node. The decision is the server's,
        in the same transaction (cypher/write.cypher release_article)."""
        for art_id in stale:
            gone = {"article_id": art_id, "document_id": doc_id, "load_id": "-", "stale": True}
            removed = ArticleWrite(article_id=art_id, title="")
            self._write_unit([("release_article", gone), ("prune_article", gone), ("prune_article_nodes", gone),
                              ("delete_article", gone)], removed)
            # Only a deleted article deletes a node (itself, its events and signings); one another
            # document still holds loses a relationship and nothing else.
            if removed.nodes_deleted:
                summary.articles_removed += 1
            else:
                summary.articles_released += 1
            summary.nodes_deleted += removed.nodes_deleted
            summary.relationships_deleted += removed.relationships_deleted

    def write_documents(self, docs: Iterable[Document]) -> WriteSummary:
        total = WriteSummary()
        try:
            for doc in docs:
                total.add(self.write_document(doc, settle=False))
        finally:
            self.settle()
        return total

    def settle(self) -> None:
        """Wait until search finds what was written (graph/search_index.py)."""
        with self._count_lock:
            self._unindexed_articles = 0
        self._retried(lambda: settle_search(self.driver, self.database))

    def _copy_for_search_now_and_then(self) -> None:
        # Search lags a long load by at most ARTICLES_PER_COPY articles, not until its end.
        with self._count_lock:
            self._unindexed_articles += 1
            if self._unindexed_articles < ARTICLES_PER_COPY:
                return
            self._unindexed_articles = 0
        self._retried(lambda: index_pending(self.driver, self.database))

    def _retried(self, work: Callable[[], T]) -> T:
        """``work`` tried again while Neo4j restarts (graph/retry.py); GraphUnavailable once it gives up."""
        with translate_driver_errors():
            try:
                return with_retries(work, self.retry, sleep=self._sleep, on_retry=self.on_retry)
            except RetriesExhausted as exc:
                raise GraphUnavailable(f"Neo4j is unavailable: {exc}") from exc

    def article_plan(self, doc_id: str, art: Article, art_id: str, index: int, as_of: str | None,
                     document: Row | None = None, *, published: str | None = None) -> ArticlePlan:
        """What the article's transaction writes, ids from names alone (resolution comes in the
        transaction). ``document``: the document's own row, which rides with its first article
        written. ``published``: the document's issue or web date, which ranks this copy of the story
        against others (guanxi/fingerprint.py copy_key)."""
        load_id = uuid.uuid4().hex  # marks what this load wrote, so prune_article can tell old from new
        head = {"document_id": doc_id, "article_id": art_id, "title": art.title, "subtitle": art.subtitle,
                "date": art.date, "index": index, "text": art.text or None, "load_id": load_id,
                "copy_key": copy_key(art.text, published, doc_id), **placement(art)}
        return ArticlePlan(document, head, article_rows(art, art_id, as_of))

    @staticmethod
    def _run_statements(tx: neo4j.ManagedTransaction, statements: list[Statement],
                        result: ArticleWrite) -> None:
        # A retried transaction starts again from zero, so the counters are reset first.
        result.nodes_created = result.relationships_created = result.properties_set = 0
        result.nodes_deleted = result.relationships_deleted = 0
        text, params = combined(statements)
        _add_counters(result, tx.run(text, params).consume().counters)  # type: ignore[arg-type]


def load_documents(writer: GraphWriter, docs: Iterable[Document]) -> WriteSummary:
    """Schema first, then every document; what the CLI's ``guanxi load`` needs."""
    writer.prepare()
    return writer.write_documents(docs)
