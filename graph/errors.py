"""Errors the graph layer raises, so callers (the API, the CLI) never handle driver exceptions."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from neo4j.exceptions import (
    AuthError,
    ClientError,
    DatabaseUnavailable,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

# The driver's errors that mean the database cannot be used now, and its error for a refused
# statement or login: the API catches one that escaped translation without importing the driver.
DRIVER_UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (ServiceUnavailable, SessionExpired, DatabaseUnavailable)
DRIVER_CLIENT_ERROR: type[Exception] = ClientError


class GraphError(RuntimeError):
    """Base class of the graph layer's errors."""


class GraphUnavailable(GraphError):
    """Neo4j cannot be reached (down, wrong address or password, session lost)."""


class GraphLoginRefused(GraphUnavailable):
    """Neo4j refuses to log in: a wrong password, or too many wrong ones lately (AuthenticationRateLimit)."""


class GraphQueryTimeout(GraphError):
    """A query ran past the configured time limit."""


class ArticleWriteError(GraphError):
    """One article could not be written; its transaction was rolled back, nothing of it is stored."""

    def __init__(self, article_id: str, title: str, cause: BaseException) -> None:
        super().__init__(f"article {article_id} ({title!r}) was not written: {cause}")
        self.article_id = article_id
        self.title = title
        self.cause = cause


def is_login_refusal(exc: BaseException) -> bool:
    """Neo4j's security errors: a wrong password, or a user locked for a while after too many
    (``Neo.ClientError.Security.AuthenticationRateLimit``, which the driver raises as a plain ClientError)."""
    code = getattr(exc, "code", None) or ""
    return isinstance(exc, ClientError) and code.startswith("Neo.ClientError.Security.")


@contextlib.contextmanager
def translate_driver_errors() -> Iterator[None]:
    """Turn the driver's connection and timeout errors into the graph layer's own."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired, DatabaseUnavailable) as exc:
        raise GraphUnavailable(f"Neo4j is unavailable: {exc}") from exc
    except AuthError as exc:
        raise GraphLoginRefused(f"Neo4j refused the credentials: {exc}") from exc
    except ClientError as exc:
        if is_login_refusal(exc):
            raise GraphLoginRefused(f"Neo4j refused the login: {exc.message}") from exc
        if exc.code and "TransactionTimedOut" in exc.code:
            raise GraphQueryTimeout(f"the query took too long: {exc.message}") from exc
        raise
    except TransientError as exc:
        if exc.code and "TransactionTimedOut" in exc.code:
            raise GraphQueryTimeout(f"the query took too long: {exc.message}") from exc
        raise
