"""Retrying a unit of work while Neo4j restarts or briefly drops connections.

The driver's managed transactions already retry inside one session for
``max_transaction_retry_time``; that does not survive a server restart that outlasts it, nor a
session whose connection died. This wraps a whole unit (open a session, run one transaction) and
tries again with exponential back-off, a bounded number of times. Because each unit is a single
transaction, a failed attempt leaves nothing behind and the next attempt starts from zero.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from neo4j.exceptions import ConstraintError, ServiceUnavailable, SessionExpired, TransientError

T = TypeVar("T")

# DatabaseUnavailable is a TransientError subclass, so a database still starting is retried too.
RETRYABLE: tuple[type[BaseException], ...] = (TransientError, ServiceUnavailable, SessionExpired)


class RetriesExhausted(RuntimeError):
    """Every attempt failed with a transient error; ``last`` is the final one."""

    def __init__(self, attempts: int, waited_s: float, last: BaseException) -> None:
        super().__init__(
            f"gave up after {attempts} attempt{'s' if attempts != 1 else ''} over {waited_s:.0f} s: {last}"
        )
        self.attempts = attempts
        self.waited_s = waited_s
        self.last = last


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    first_delay_s: float = 0.5
    max_delay_s: float = 8.0
    # Spreads the retries of several loaders so they do not hit a restarting server together.
    jitter: float = 0.1

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        base = min(self.max_delay_s, self.first_delay_s * (2 ** (attempt - 1)))
        return base * (1 + random.uniform(-self.jitter, self.jitter)) if self.jitter else base


DEFAULT_POLICY = RetryPolicy()
NO_RETRY = RetryPolicy(attempts=1)


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, ConstraintError):
        # Two loaders that MERGE the same new node at once: one commits, the other fails the
        # uniqueness check. Run again, its MERGE finds the node.
        return "already exists" in str(exc)
    if not isinstance(exc, RETRYABLE):
        return False
    # A query that ran past its time limit would only run past it again.
    code = getattr(exc, "code", None) or ""
    return "TransactionTimedOut" not in code


def with_retries(
    work: Callable[[], T],
    policy: RetryPolicy = DEFAULT_POLICY,
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[int, float, BaseException], None] | None = None,
) -> T:
    """Run ``work`` until it succeeds, a non-transient error escapes, or the attempts run out.

    ``on_retry(attempt, delay_s, error)`` is called before each wait, e.g. to tell the user.
    """
    waited = 0.0
    attempt = 0
    while True:
        attempt += 1
        try:
            return work()
        except Exception as exc:
            if not is_retryable(exc):
                raise
            if attempt >= policy.attempts:
                raise RetriesExhausted(attempt, waited, exc) from exc
            delay = policy.delay(attempt)
            if on_retry is not None:
                on_retry(attempt, delay, exc)
            sleep(delay)
            waited += delay
