"""What search finds: the copy of each name that the full-text index holds, brought up to date for
many articles at once.

Neo4j applies a committed transaction's full-text updates as one Lucene refresh, about 5 ms of CPU
whether the transaction added one name or a hundred; nearly every article adds an event, so indexing
names in each article's own transaction cost a third of the server's work on a load
(bench/README.md). An article's write marks the nodes whose indexed copy is behind (``unindexed``,
cypher/write.cypher); ``index_pending`` copies them in a few large transactions. The marks are
committed with the article, so a loader that dies before copying leaves nothing unsearchable for
long: the next load's ``ensure_schema`` copies them.
"""

from __future__ import annotations

import neo4j

from graph.cypher import query

# Articles between two copies while a load runs: search lags the load by about a second, and the
# copy's fixed cost is spread over a hundred articles.
ARTICLES_PER_COPY = 100
_BATCH = 5000


def index_older_graph(session: neo4j.Session) -> None:
    """Give every node of a graph stored before the indexed copy existed its copy."""
    session.run(query("index_older_graph")).consume()  # type: ignore[arg-type]


def index_older_articles(session: neo4j.Session) -> None:
    """Give every article of a graph stored before the text index existed the label it reads."""
    session.run(query("index_older_articles")).consume()  # type: ignore[arg-type]


def index_pending(driver: neo4j.Driver, database: str) -> int:
    """Copy the names of every marked node into what the full-text index reads. Returns how many."""
    with driver.session(database=database, notifications_min_severity="OFF") as session:
        return copy_pending(session)


def copy_pending(session: neo4j.Session) -> int:
    done = 0
    while True:
        count = session.execute_write(
            lambda tx: tx.run(query("index_for_search"), {"batch": _BATCH}).single(strict=True)[0])
        done += count
        if count < _BATCH:
            return done


def await_search(driver: neo4j.Driver, database: str) -> None:
    """Return once the full-text index holds what was committed: it is eventually consistent, and a
    load or a correction must be searchable when it returns."""
    with driver.session(database=database) as session:
        session.execute_read(lambda tx: tx.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume())


def settle_search(driver: neo4j.Driver, database: str) -> None:
    """Copy what is pending, then wait until search finds it."""
    index_pending(driver, database)
    await_search(driver, database)
