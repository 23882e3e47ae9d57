"""Apply a platform export to a shop: what is new comes in, what moved on moves, nothing is lost.

The rules (docs/imports.md, "How an import merges"):

* a new order comes in with its items, in one chunk's transaction (together or not at all);
* an unchanged order changes nothing: no write, no new version, no audit entry;
* the platform's moves forward (paid → shipped with its tracking number, → delivered,
  closed, cancelled, refunded) are applied and audited as done by the person importing,
  naming the file; a stage never moves backwards;
* a field the platform owns that was changed here since the last import (an address the
  customer confirmed on the phone) is never overwritten: it becomes a conflict listing both
  values, for a person to settle;
* an order cancelled or refunded on the platform while printed or packed here becomes a
  request to the order printer to retrieve the slips or the parcel and void
  (docs/domain.md rule 2), not a silent stage change;
* the seller's memo becomes a note signed by the platform (“淘宝 (导入)”), never by a person;
* an unpaid order waits as "awaiting payment"; a cancelled unpaid one is recorded cancelled;
* every SKU seen is kept in the shop's catalogue.

A file goes in chunks of ``CHUNK`` orders, each its own short transaction, so the other
PCs keep working. The import run (``ImportRun``) is updated in the same transaction as its
chunk, so after a crash it says exactly how far the file got; the same file again (same
SHA-256) skips what came in and completes it, and once finished is recognised as such.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import (
    ImportRun,
    Stage,
)
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.imports import shops
from app.services.imports.chunks import (
    Batch,
    Digests,
    RefusedLine,
    any_digest,
    batches,
    read_chunks,
)
from app.services.imports.plan import (
    Counts,
    Plan,
    Snapshots,
    all_unchanged,
    bucket,
    money,
    new_stage,
    ours,
    plan_chunk,
)
from app.services.imports.records import (
    Reading,
)
from app.services.imports.runs import Context, Unwritten, file_sha256, finish, new_run
from app.services.imports.write import write_batch

CHUNK = 500  # orders per transaction: well under a second of writing on either database
SQLITE_TURN = 0.05  # seconds between chunks on SQLite: a waiting writer's turn
PREVIEW = 20  # orders shown as they will be stored


# -- what the caller gets back -------------------------------------------------------------
@dataclass(frozen=True)
class PreviewOrder:
    """An order as it will be stored: what the Import page and ``--dry-run`` show first."""

    order_no: str
    outcome: str  # new, updated, unchanged, conflict
    stage: str
    recipient: str
    phone: str
    country: str
    province: str
    city: str
    district: str
    street: str
    postcode: str
    address_lines: tuple[str, ...]
    sensitivity: str
    items: tuple[tuple[str, str, dict[str, str], int, str], ...]  # sku, title, attrs, qty, price
    buyer_message: str
    seller_memo: str
    total: str

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "outcome": self.outcome,
            "stage": self.stage,
            "recipient": self.recipient,
            "phone": self.phone,
            "country": self.country,
            "province": self.province,
            "city": self.city,
            "district": self.district,
            "street": self.street,
            "postcode": self.postcode,
            "address_lines": list(self.address_lines),
            "sensitivity": self.sensitivity,
            "items": [
                {"sku": s, "title": t, "attributes": a, "quantity": q, "price": p}
                for s, t, a, q, p in self.items
            ],
            "buyer_message": self.buyer_message,
            "seller_memo": self.seller_memo,
            "total": self.total,
        }


@dataclass
class ImportSummary:
    format: str
    shop: str
    shop_created: bool
    files: tuple[str, ...]
    sha256: str
    counts: Counts
    refused: list[RefusedLine]
    run_id: int | None = None
    dry_run: bool = False
    finished: bool = False
    cancelled: bool = False
    already_imported: bool = False  # the same finished file again: nothing was done
    resumed_after: int = 0  # records a previous, interrupted run had taken in
    preview: list[PreviewOrder] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "shop": self.shop,
            "shop_created": self.shop_created,
            "files": list(self.files),
            "sha256": self.sha256,
            "run": self.run_id,
            "dry_run": self.dry_run,
            "finished": self.finished,
            "cancelled": self.cancelled,
            "already_imported": self.already_imported,
            "resumed_after": self.resumed_after,
            "new": self.counts.new,
            "updated": self.counts.updated,
            "unchanged": self.counts.unchanged,
            "conflicts": self.counts.conflicts,
            "refused": self.counts.refused,
            "refused_rows": [r.to_json() for r in self.refused],
            "preview": [p.to_json() for p in self.preview],
        }


def preview_of(plan: Plan) -> PreviewOrder:
    r, order = plan.record, plan.existing
    stage = (plan.stage or Stage(order.stage)) if order is not None else new_stage(r)
    recipient = plan.snapshot["recipient"] if order is None else ours(order)["recipient"]
    if "recipient" in plan.changes:
        recipient = plan.changes["recipient"]
    return PreviewOrder(
        order_no=r.order_no,
        outcome=plan.outcome,
        stage=stage.value,
        recipient=recipient["name"],
        phone=recipient["phone"],
        country=recipient["country"],
        province=recipient["province"],
        city=recipient["city"],
        district=recipient["district"],
        street=recipient["street"],
        postcode=recipient["postcode"],
        address_lines=tuple(recipient["lines"]),
        sensitivity=recipient["sensitivity"],
        items=tuple(
            (i.sku, i.title, dict(i.attributes), i.quantity, money(i.price)) for i in r.items
        ),
        buyer_message=r.buyer_message,
        seller_memo=r.seller_memo,
        total=money(r.total),
    )


def import_orders(
    db: Database,
    actor: Actor,
    reading: Reading,
    paths: list[Path],
    *,
    shop: str | None = None,
    dry_run: bool = False,
    chunk: int = CHUNK,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[float, Counts], None] | None = None,
) -> ImportSummary:
    """Import an opened export (``reading.open_reading``) into a shop; see the module doc.

    ``cancel`` is asked between chunks: True stops after the chunk just written (the run
    stays unfinished, so the same file again completes it). ``dry_run`` computes the counts
    and the first orders as they will be stored, and writes nothing.
    """
    sha = file_sha256(paths)
    files = tuple(reading.files)
    if dry_run:
        return _rehearse(db, actor, reading, sha, shop)
    setup = db.write(lambda s: _start(s, actor, reading, files, sha, shop))
    summary = ImportSummary(
        format=reading.format.value,
        shop=setup.shop,
        shop_created=setup.created,
        files=files,
        sha256=sha,
        counts=Counts(),
        refused=[],
        run_id=setup.run_id,
        resumed_after=setup.resume,
    )
    if setup.finished:
        summary.already_imported = summary.finished = True
        summary.counts = setup.counts
        return summary
    ctx = Context(actor, setup.shop_id, reading.platform, files[0], setup.run_id)
    digests = None
    if db.read(partial(any_digest, shop_id=setup.shop_id)):
        digests = Digests(db.url, setup.shop_id)
    unwritten, committed, analyzed = Unwritten(), 0.0, chunk // 2
    for batch in read_chunks(reading, setup.resume, chunk, db, digests):
        made = Snapshots()  # each order's platform values: made once, checked, then planned
        if not batch.refused and (
            not batch.orders
            or db.read(
                partial(all_unchanged, shop_id=ctx.shop_id, orders=batch.orders, snapshots=made)
            )
        ):
            counts = unwritten.add(batch)  # nothing to write: no write lock taken
        else:
            if db.is_sqlite:
                # SQLite's write lock is not fair: a writer on another PC polls for it (busy
                # timeout) and would lose it to the next chunk every time; this gap is its
                # turn. Reading and comparing the next chunk fill most of it.
                time.sleep(max(0.0, SQLITE_TURN - (time.monotonic() - committed)))
            counts = db.write(
                partial(write_batch, ctx=ctx, batch=batch, unwritten=unwritten, snapshots=made)
            )
            unwritten, committed = Unwritten(), time.monotonic()
            analyzed = _statistics(db, summary.counts.new + counts.new, analyzed)
        summary.counts.add(counts)
        summary.refused.extend(batch.refused)
        if progress is not None:
            progress(batch.progress, summary.counts)
        if cancel is not None and cancel():
            db.write(partial(finish, run_id=setup.run_id, unwritten=unwritten, done=False))
            summary.cancelled = True
            return summary
    db.write(partial(finish, run_id=setup.run_id, unwritten=unwritten))
    summary.finished = True
    return summary


def _statistics(db: Database, new: int, analyzed: int) -> int:
    """PostgreSQL plans each chunk's look-up of its order numbers from the statistics of
    ``orders``; an import that multiplies a shop's orders leaves them saying the shop has
    few, and the planner then reads all of the shop's orders for every chunk (a 100,000-order
    first import slowed down with each chunk). So each time this import's new orders have
    doubled, ``ANALYZE orders`` (a sample: a fraction of a second, no lock on the rows).
    Returns the new orders the statistics know of."""
    if db.is_sqlite or new < 2 * analyzed:
        return analyzed  # SQLite plans by the unique index (shop, order number) anyway
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE orders")
        conn.commit()
    return new


@dataclass
class _Setup:
    run_id: int
    shop_id: int
    shop: str
    created: bool
    resume: int
    finished: bool
    counts: Counts


def _start(
    session: Session,
    actor: Actor,
    reading: Reading,
    files: tuple[str, ...],
    sha: str,
    shop: str | None,
) -> _Setup:
    user = require(session, actor, Action.IMPORT_ORDERS)
    row, created = shops.for_import(session, actor, shop, reading.platform)
    run = session.execute(
        select(ImportRun)
        .where(ImportRun.kind == "orders", ImportRun.shop_id == row.id, ImportRun.sha256 == sha)
        .order_by(ImportRun.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    now = db_now(session)
    if run is not None:
        counts = Counts(run.new, run.updated, run.unchanged, run.conflicts, run.refused)
        return _Setup(run.id, row.id, row.name, created, run.records_done, run.finished, counts)
    run = new_run("orders", row.id, reading.format.value, list(files), sha, user, now)
    session.add(run)
    session.flush()
    return _Setup(run.id, row.id, row.name, created, 0, False, Counts())


def _rehearse(
    db: Database, actor: Actor, reading: Reading, sha: str, shop: str | None
) -> ImportSummary:
    """Plans every chunk in read transactions: the counts and the first orders, no writes."""

    def setup(session: Session) -> tuple[shops.ShopRow, bool, bool]:
        require(session, actor, Action.IMPORT_ORDERS)
        row, created = shops.for_import(session, actor, shop, reading.platform, create=False)
        done = (
            row.id
            and session.execute(
                select(ImportRun.id).where(
                    ImportRun.kind == "orders",
                    ImportRun.shop_id == row.id,
                    ImportRun.sha256 == sha,
                    ImportRun.finished.is_(True),
                )
            ).first()
        )
        return row, created, bool(done)

    row, created, done = db.read(setup)
    summary = ImportSummary(
        format=reading.format.value,
        shop=row.name,
        shop_created=created,
        files=tuple(reading.files),
        sha256=sha,
        counts=Counts(),
        refused=[],
        dry_run=True,
        already_imported=done,
    )
    for batch in batches(reading.records, 0, CHUNK):

        def plan(session: Session, b: Batch = batch) -> list[Plan]:
            return plan_chunk(session, row.id, b.orders)

        plans = db.read(plan)
        summary.refused.extend(batch.refused)
        summary.counts.refused += len(batch.refused)
        for p in plans:
            name = bucket(p.outcome)
            setattr(summary.counts, name, getattr(summary.counts, name) + 1)
            if len(summary.preview) < PREVIEW:
                summary.preview.append(preview_of(p))
    summary.finished = True
    return summary
