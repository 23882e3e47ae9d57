"""My tasks' first page, read while the password is checked.

My tasks is the first page after sign-in, so its first rows are what a person waits for every
morning. In a fresh process that read (~60-90 ms) came after the password check (argon2, slow
on purpose, ~60-140 ms) and the window's build. Started at the click on Sign in, beside the
check, for the account named, it is ready by the time the window is. It is shown only if the
check signs in that same account as it was read (same roles); a refused sign-in drops it
unseen. Reading ahead reveals nothing: this PC reads the database either way.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future

from sqlalchemy.orm import Session

from app.db import Database
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.supervision import tasks as task_lists
from app.services.supervision.tasks import TaskList

log = logging.getLogger(__name__)
Ahead = tuple[Actor, TaskList] | None

FRESH_S = 30.0  # the page is built at once after sign-in; an older read is not shown

_lock = threading.Lock()
_pending: tuple[str, Database, float, Future[Ahead]] | None = None


def start(db: Database, username: str) -> Future[Ahead]:
    """Read the first page of the account named, in a thread of its own (the read's answer)."""
    global _pending
    future: Future[Ahead] = Future()
    with _lock:
        _pending = ((username or "").strip().lower(), db, time.monotonic(), future)

    def read() -> None:
        try:
            future.set_result(db.read(lambda s: _first_page(s, username)))
        except Exception:  # the page reads again itself; a read ahead never shows an error
            log.warning("My tasks read ahead failed", exc_info=True)
            future.set_result(None)

    threading.Thread(target=read, name="first-tasks", daemon=True).start()
    return future


def _first_page(session: Session, username: str) -> Ahead:
    actor = accounts.actor_named(session, username)
    if actor is None or not may(Action.TASKS_READ, actor):
        return None
    return actor, task_lists.first_page(session, actor)


def drop() -> None:
    """The sign-in was refused: forget what was read."""
    global _pending
    with _lock:
        _pending = None


def take(actor: Actor, db: Database | None) -> Callable[[], TaskList | None] | None:
    """The page read ahead for ``actor`` in ``db`` in the last ``FRESH_S`` seconds (once; call
    the answer off the GUI thread: it waits for the read), or None. The page it gives is None
    when it was read for someone else (the roles changed meanwhile) or the read failed."""
    global _pending
    with _lock:
        pending, _pending = _pending, None
    if pending is None:
        return None
    username, read_in, started, ahead = pending
    if username != actor.username or read_in is not db or time.monotonic() - started > FRESH_S:
        return None

    def wait() -> TaskList | None:
        result = ahead.result()
        return result[1] if result is not None and result[0] == actor else None

    return wait
