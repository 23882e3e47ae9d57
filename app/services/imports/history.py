"""The import history: every run with its counts and refused rows, and the open conflicts.

Everyone may read it (the capability table's ``import.history``); the Import page's summary
and ``afterdesk import history`` show the same rows.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import ImportConflict, ImportRun, Order, Shop, Stage
from app.models.errors import InvalidInput, NotFound, TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.cells import csv_row
from app.services.core.outputs import check_output, url_of, write_beside


@dataclass(frozen=True)
class RunView:
    id: int
    kind: str
    shop: str
    format: str
    files: tuple[str, ...]
    sha256: str
    by: str
    started_at: datetime
    updated_at: datetime
    finished: bool
    records_done: int
    last_line: int
    new: int
    updated: int
    unchanged: int
    conflicts: int
    refused: int
    refused_rows: tuple[dict[str, Any], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "shop": self.shop,
            "format": self.format,
            "files": list(self.files),
            "sha256": self.sha256,
            "by": self.by,
            "started_at": self.started_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "finished": self.finished,
            "records_done": self.records_done,
            "last_line": self.last_line,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "refused": self.refused,
            "refused_rows": [
                {k: v for k, v in row.items() if k != "raw"} for row in self.refused_rows
            ],
        }


@dataclass(frozen=True)
class ConflictView:
    id: int
    run_id: int
    order_no: str
    shop: str
    field: str
    ours: Any
    theirs: Any
    settled_by: str | None
    settled_at: datetime | None
    settled_how: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "run": self.run_id,
            "order_no": self.order_no,
            "shop": self.shop,
            "field": self.field,
            "ours": self.ours,
            "theirs": self.theirs,
            "settled_by": self.settled_by,
            "settled_at": self.settled_at.isoformat() if self.settled_at else None,
            "settled_how": self.settled_how,
        }


def runs(session: Session, actor: Actor, *, limit: int = 100) -> list[RunView]:
    """The newest imports first."""
    require(session, actor, Action.IMPORT_HISTORY)
    rows = session.execute(
        select(ImportRun, Shop.name)
        .join(Shop, Shop.id == ImportRun.shop_id)
        .order_by(ImportRun.id.desc())
        .limit(limit)
    ).all()
    return [
        RunView(
            r.id,
            r.kind,
            shop,
            r.format,
            tuple(r.files),
            r.sha256,
            r.by_name,
            r.started_at,
            r.updated_at,
            r.finished,
            r.records_done,
            r.last_line,
            r.new,
            r.updated,
            r.unchanged,
            r.conflicts,
            r.refused,
            tuple(r.refused_rows or ()),
        )
        for r, shop in rows
    ]


def conflicts(
    session: Session, actor: Actor, *, run_id: int | None = None, open_only: bool = True
) -> list[ConflictView]:
    """Fields changed here since the last import that the platform says otherwise."""
    require(session, actor, Action.IMPORT_HISTORY)
    stmt = (
        select(ImportConflict, Order.order_no, Shop.name)
        .join(Order, Order.id == ImportConflict.order_id)
        .join(Shop, Shop.id == Order.shop_id)
        .order_by(ImportConflict.id)
    )
    if run_id is not None:
        stmt = stmt.where(ImportConflict.run_id == run_id)
    if open_only:
        stmt = stmt.where(ImportConflict.settled_at.is_(None))
    return [
        ConflictView(
            c.id,
            c.run_id,
            order_no,
            shop,
            c.field,
            c.ours,
            c.theirs,
            c.settled_by_name,
            c.settled_at,
            c.settled_how,
        )
        for c, order_no, shop in session.execute(stmt).all()
    ]


def save_refused(
    session: Session, actor: Actor, run_id: int, target: Path, *, overwrite: bool = False
) -> int:
    """The refused rows of a run as a CSV (UTF-8 with BOM, so Excel opens it), as read plus
    the line and the reason, to fix and import again; returns how many rows."""
    require(session, actor, Action.IMPORT_HISTORY)
    run = session.get(ImportRun, run_id)
    if run is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no import {id}."), id=run_id)
    check_output(url_of(session), target, overwrite=overwrite)
    refused = list(run.refused_rows or ())
    columns: dict[str, None] = {}
    for row in refused:
        for raw in (row.get("raw") or {}, *row.get("more", ())):
            columns.update(dict.fromkeys(raw))

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(["行号 line", "问题 problem", *columns])
            for row in refused:
                problem = str(row.get("problem", "")).format(**row.get("params", {}))
                # each row of the order (a row per item), so the fixed file has all its items;
                # the rows are the customer's text as the platform gave it: never a formula
                for raw in (row.get("raw") or {}, *row.get("more", ())):
                    cells = (raw.get(c, "") for c in columns)
                    out.writerow(csv_row([row["line"], problem, *cells]))

    write_beside(Path(target), write)
    return len(refused)


SETTLED_AS = ("ours", "theirs")


def settle(session: Session, actor: Actor, conflict_id: int, keep: str) -> ConflictView:
    """A person decides a conflict: keep AfterDesk's value, or take the platform's.

    The platform's value is taken only while nothing is printed (awaiting payment or paid):
    past that, a change costs what rule 2 says and goes through a change request.
    """
    from app.db import db_now
    from app.services.imports import write

    require(session, actor, Action.IMPORT_ORDERS)
    if keep not in SETTLED_AS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Keep “ours” (AfterDesk's value) or “theirs”.")
        )
    conflict = session.get(ImportConflict, conflict_id, with_for_update=True)
    if conflict is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no conflict {id}."), id=conflict_id)
    order = session.get(Order, conflict.order_id)
    assert order is not None
    if conflict.settled_at is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Conflict {id} was settled already by {name}."),
            id=conflict_id,
            name=conflict.settled_by_name,
        )
    now = db_now(session)
    if keep == "theirs":
        if Stage(order.stage) not in (Stage.AWAITING_PAYMENT, Stage.PAID):
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no} is “{stage}”: record the platform's value as a change "
                    "request (the slips must follow), then settle keeping ours.",
                ),
                order_no=order.order_no,
                stage=Label(Stage(order.stage).label, "Stage"),
            )
        write.set_field(session, order, conflict.field, conflict.theirs)
        order.updated_at, order.updated_by_id = now, actor.user_id
    conflict.settled_by_name, conflict.settled_at, conflict.settled_how = (
        actor.display_name,
        now,
        keep,
    )
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="import.settle",
        entity="order",
        entity_key=order.order_no,
        before={conflict.field: conflict.ours},
        after={
            conflict.field: conflict.theirs if keep == "theirs" else conflict.ours,
            "kept": keep,
            "conflict": conflict.id,
        },
    )
    shop = session.get(Shop, order.shop_id)
    return ConflictView(
        conflict.id,
        conflict.run_id,
        order.order_no,
        shop.name if shop else "",
        conflict.field,
        conflict.ours,
        conflict.theirs,
        conflict.settled_by_name,
        conflict.settled_at,
        conflict.settled_how,
    )
