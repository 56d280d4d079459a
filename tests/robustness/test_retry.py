"""Neo4j going away during a load: transient errors are retried with back-off a bounded number of
times, then the load stops with a clear message, and no article is ever half written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from neo4j.exceptions import ClientError, ConstraintError, ServiceUnavailable, SessionExpired, TransientError
from rich.console import Console

from graph.errors import GraphUnavailable
from graph.retry import RetriesExhausted, RetryPolicy, with_retries
from graph.writer import GraphWriter
from guanxi import loading
from guanxi.settings import Settings

from .conftest import FIXTURE_ARTICLES

POLICY = RetryPolicy(attempts=4, first_delay_s=0.5, max_delay_s=2.0, jitter=0.0)


def neo4j_error(cls: type[Exception], code: str, message: str = "simulated") -> Exception:
    return cls._hydrate_neo4j(code=code, message=message)  # type: ignore[attr-defined,no-any-return]


class FakeTx:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def run(self, text: object, params: object = None) -> Any:
        self.log.append(str(text)[:20])

        class Result:
            def consume(self) -> Any:
                class Summary:
                    class counters:  # noqa: N801 - mimics the driver's attribute
                        nodes_created = relationships_created = properties_set = 0
                        nodes_deleted = relationships_deleted = 0
                return Summary()

            def __iter__(self) -> Iterator[Any]:
                return iter(())

            def single(self, strict: bool = False) -> Any:
                return (0,)  # nothing left for search to index

        return Result()


class FlakyDriver:
    """Fails the first ``failures`` write transactions with ``error``, then works; counts commits."""

    def __init__(self, failures: int, error: Exception) -> None:
        self.failures = failures
        self.error = error
        self.attempts = 0
        self.committed: list[list[str]] = []

    @contextmanager
    def session(self, **_: object) -> Iterator[Any]:
        driver = self

        class Session:
            def execute_write(self, work: Any, *args: Any) -> Any:
                driver.attempts += 1
                log: list[str] = []
                result = work(FakeTx(log), *args)
                if driver.failures > 0:  # the statements ran, then the commit failed: rolled back
                    driver.failures -= 1
                    raise driver.error
                driver.committed.append(log)
                return result

            def execute_read(self, work: Any, *args: Any) -> Any:
                return work(FakeTx([]), *args)

        yield Session()

    def verify_connectivity(self) -> None:
        return None

    def close(self) -> None:
        return None


def a_document() -> Any:
    from loaders.batch import Extracted, extract_one

    outcome = extract_one(FIXTURE_ARTICLES / "013_web_township_signing.txt")
    assert isinstance(outcome, Extracted)
    return outcome.document


def writer_for(driver: FlakyDriver, sleeps: list[float]) -> GraphWriter:
    writer = GraphWriter(driver, retry=POLICY, sleep=sleeps.append)  # type: ignore[arg-type]
    writer.resolve = False  # resolution reads the graph; the fake has none
    return writer


@pytest.mark.parametrize("error", [
    ServiceUnavailable("connection refused"),
    SessionExpired("the connection was lost"),
    neo4j_error(TransientError, "Neo.TransientError.General.DatabaseUnavailable"),
    neo4j_error(TransientError, "Neo.TransientError.Transaction.DeadlockDetected"),
    # Two loaders merging the same new node at once: the second's MERGE finds it when run again.
    neo4j_error(ConstraintError, "Neo.ClientError.Schema.ConstraintValidationFailed",
                "Node(12) already exists with label `Entity` and property `id` = 'per-1'"),
])
def test_transient_errors_are_retried_with_growing_waits_and_each_article_commits_once(error: Exception) -> None:
    driver = FlakyDriver(failures=2, error=error)
    sleeps: list[float] = []
    summary = writer_for(driver, sleeps).write_document(a_document())
    assert sleeps == [0.5, 1.0]
    assert summary.articles == 1 and summary.failed == 0
    # the document node with its one article, committed exactly once, then the names copied for
    # search; the failed attempts left nothing
    assert len(driver.committed) == 2
    assert driver.attempts == 4


def test_a_server_that_stays_down_stops_the_load_after_the_last_attempt() -> None:
    driver = FlakyDriver(failures=100, error=ServiceUnavailable("connection refused"))
    sleeps: list[float] = []
    with pytest.raises(GraphUnavailable, match="gave up after 4 attempts"):
        writer_for(driver, sleeps).write_document(a_document())
    assert sleeps == [0.5, 1.0, 2.0]  # capped at max_delay_s
    assert driver.attempts == 4 and driver.committed == []


def test_errors_that_would_fail_again_are_not_retried() -> None:
    timed_out = neo4j_error(TransientError, "Neo.TransientError.Transaction.TransactionTimedOut")
    syntax = neo4j_error(ClientError, "Neo.ClientError.Statement.SyntaxError")
    for error in (timed_out, syntax):
        calls: list[int] = []

        def work(error: Exception = error, calls: list[int] = calls) -> None:
            calls.append(1)
            raise error

        with pytest.raises(type(error)):
            with_retries(work, POLICY, sleep=lambda _: None)
        assert calls == [1]


def test_retries_exhausted_names_the_attempts_and_the_last_error() -> None:
    def work() -> None:
        raise ServiceUnavailable("refused")

    with pytest.raises(RetriesExhausted) as caught:
        with_retries(work, RetryPolicy(attempts=2, first_delay_s=1.0, jitter=0.0), sleep=lambda _: None)
    assert str(caught.value) == "gave up after 2 attempts over 1 s: refused"


def test_the_console_command_says_neo4j_went_away_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("003_web_inspection_hengrui.txt", "013_web_township_signing.txt"):
        (folder / name).write_bytes((FIXTURE_ARTICLES / name).read_bytes())
    # The first file's document and article go in; the server dies before the second file.
    driver = FlakyDriver(failures=0, error=ServiceUnavailable("connection refused"))
    real_write = GraphWriter.write_document
    calls: list[int] = []

    def write_then_die(self: GraphWriter, doc: Any, settle: bool = True) -> Any:
        calls.append(1)
        if len(calls) == 2:
            driver.failures = 100
        return real_write(self, doc, settle)

    monkeypatch.setattr("graph.server.open_driver", lambda settings: driver)
    monkeypatch.setattr(GraphWriter, "ensure_schema", lambda self: 0)
    monkeypatch.setattr(GraphWriter, "resolve", False)
    monkeypatch.setattr(GraphWriter, "write_document", write_then_die)
    console = Console(record=True, width=200)
    code = loading.run_load([folder], Settings(), console,
                            retry=RetryPolicy(attempts=3, first_delay_s=0.01, jitter=0.0))
    text = console.export_text()
    assert code == 2
    assert "Neo4j is not answering (ServiceUnavailable); attempt 1 of 3 failed" in text
    assert "Neo4j became unavailable while loading" in text and "013_web_township_signing.txt" in text
    assert "gave up after 3 attempts" in text
    assert "Nothing of the unfinished article was written; 1 article(s) stored before it" in text
    assert "Run the same command again" in text


class SchemaDriver:
    """Runs schema statements, failing those for which ``fails(number, text)`` gives an error."""

    def __init__(self, fails: Callable[[int, str], Exception | None]) -> None:
        self.fails = fails
        self.ran: list[str] = []

    @contextmanager
    def session(self, **_: object) -> Iterator[Any]:
        driver = self

        class Session:
            def run(self, text: str, params: object = None) -> Any:
                driver.ran.append(text)
                error = driver.fails(len(driver.ran), text)
                if error is not None:
                    raise error

                class Done:
                    def consume(self) -> None:
                        return None

                    def single(self, strict: bool = False) -> Any:
                        return (0,)  # the index exists; nothing is left to index

                return Done()

            def execute_write(self, work: Any) -> Any:
                return work(self)

        yield Session()


def test_two_loaders_creating_the_schema_at_once_retry_the_deadlock() -> None:
    deadlock = neo4j_error(TransientError, "Neo.TransientError.Transaction.DeadlockDetected")
    # The other loader holds the lock on the first constraint when this one's second statement runs.
    driver = SchemaDriver(lambda number, _: deadlock if number == 2 else None)
    sleeps: list[float] = []
    writer = GraphWriter(driver, retry=POLICY, sleep=sleeps.append)  # type: ignore[arg-type]
    assert writer.ensure_schema() > 0
    assert sleeps == [0.5]


def test_an_index_the_other_loader_just_created_counts_as_created() -> None:
    # IF NOT EXISTS is not atomic: the slower of two loaders is told an equivalent index exists.
    raced = neo4j_error(ClientError, "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists")
    driver = SchemaDriver(lambda _, text: raced if "FULLTEXT" in text else None)
    sleeps: list[float] = []
    writer = GraphWriter(driver, retry=POLICY, sleep=sleeps.append)  # type: ignore[arg-type]
    assert writer.ensure_schema() > 0
    assert sleeps == []  # nothing to wait for: the index is there
    assert "CALL db.awaitIndexes(300)" in driver.ran
