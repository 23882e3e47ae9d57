"""The import run's record (``ImportRun``): started, advanced in each chunk's transaction,
finished; so after a crash it says how far the file got, and the same file (its SHA-256)
is recognised.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.db import db_now
from app.models import (
    ImportRun,
)
from app.services.core.actor import Actor
from app.services.imports.chunks import Batch, RefusedLine
from app.services.imports.plan import Counts


@dataclass
class Context:
    """Who imports which file into which shop, in which run: what each chunk cites."""

    actor: Actor
    shop_id: int
    platform: str
    file: str  # the orders file's name, cited in every audit entry
    run_id: int


@dataclass
class Unwritten:
    """Chunks found unchanged by a read, so never written: the run records them with the
    next write (after a crash they are read again, and found unchanged again)."""

    taken: int = 0
    last_line: int = 0
    counts: Counts = field(default_factory=Counts)

    def add(self, batch: Batch) -> Counts:
        counts = Counts(unchanged=len(batch.orders) + batch.unparsed)
        self.taken += batch.taken
        self.last_line = max(self.last_line, batch.last_line)
        self.counts.add(counts)
        return counts


def advance(
    session: Session, run_id: int, done: Unwritten, refused: list[RefusedLine], now: datetime
) -> None:
    """The run's progress, in the transaction of what it counts."""
    run = session.get(ImportRun, run_id, with_for_update=True)
    assert run is not None
    run.records_done += done.taken
    run.last_line = max(run.last_line, done.last_line)
    for name in ("new", "updated", "unchanged", "conflicts", "refused"):
        setattr(run, name, getattr(run, name) + getattr(done.counts, name))
    if refused:
        run.refused_rows = [*run.refused_rows, *(stored(r) for r in refused)]
    run.updated_at = now


def stored(row: RefusedLine) -> dict[str, Any]:
    return {
        "line": row.line,
        "order_no": row.order_no,
        "problem": row.problem.template,
        "params": {k: str(v) for k, v in row.problem.params.items()},
        "raw": row.raw,
        **({"more": list(row.more)} if row.more else {}),
    }


def file_sha256(paths: Iterable[Path]) -> str:
    """One digest over the files, whatever order they were given in (Taobao's orders file
    and its items file are one export); each file read in blocks, never whole."""
    digests = []
    for path in paths:
        one = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                one.update(block)
        digests.append(one.hexdigest())
    return hashlib.sha256("".join(sorted(digests)).encode()).hexdigest()


def new_run(
    kind: str, shop_id: int, fmt: str, files: list[str], sha: str, user: Any, now: datetime
) -> ImportRun:
    """A run that has taken nothing in yet (its counts start at 0 before any flush)."""
    return ImportRun(
        kind=kind,
        shop_id=shop_id,
        format=fmt,
        files=files,
        sha256=sha,
        by_id=user.id,
        by_name=user.display_name,
        started_at=now,
        updated_at=now,
        finished=False,
        cancelled=False,
        records_done=0,
        last_line=0,
        **dict.fromkeys(("new", "updated", "unchanged", "conflicts", "refused"), 0),
        refused_rows=[],
    )


def finish(
    session: Session, run_id: int, unwritten: Unwritten | None = None, done: bool = True
) -> None:
    """The end of the file (``done``) or of this sitting (cancelled)."""
    if unwritten is not None:
        advance(session, run_id, unwritten, [], db_now(session))
    run = session.get(ImportRun, run_id)
    assert run is not None
    run.finished, run.updated_at = done, db_now(session)
