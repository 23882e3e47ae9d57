"""A print batch takes numbers from the pools (docs/waybills.md): the next free ones planned
in the batch's read, claimed in the write that records it, never one twice."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, select, text
from sqlalchemy.orm import Session

from app.models import Shop, WaybillLoad, WaybillNumber
from app.models.base import UTCDateTime
from app.models.errors import InvalidInput, UserError
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.dispatch.pool_stock import DEFAULT_THRESHOLD, free_count, thresholds
from app.services.dispatch.recording import Changed
from app.services.dispatch.waybills import (
    Couriers,
)


# -- a batch takes numbers --------------------------------------------------------------------
def pooled(session: Session) -> set[tuple[str, int]]:
    """(courier code, shop id) of every pool ever loaded: their orders take pool numbers."""
    rows = session.execute(select(WaybillLoad.courier_code, WaybillLoad.shop_id).distinct())
    return {(code, shop_id) for code, shop_id in rows}


def plan(
    session: Session, needs: dict[tuple[str, int], int]
) -> dict[tuple[str, int], list[tuple[int, str]]]:
    """The next free (id, number) of each pool, as many as ``needs`` says; an exhausted pool
    is refused before anything is drawn or recorded."""
    found: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for (code, shop_id), count in needs.items():
        rows = session.execute(
            select(WaybillNumber.id, WaybillNumber.number)
            .where(
                WaybillNumber.courier_code == code,
                WaybillNumber.shop_id == shop_id,
                WaybillNumber.order_id.is_(None),
            )
            .order_by(WaybillNumber.id)
            .limit(count)
        ).all()
        if len(rows) < count:
            shop = session.get(Shop, shop_id)
            courier = Couriers(session).get(code)
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The {courier} number pool of {shop} has {left} numbers left; this batch "
                    "needs {need}. Nothing was printed or recorded: an administrator loads the "
                    "branch's next numbers (afterdesk waybills load), or print fewer orders.",
                ),
                courier=courier.name,
                shop=shop.name if shop else shop_id,
                left=len(rows),
                need=count,
            )
        found[(code, shop_id)] = [(r[0], r[1]) for r in rows]
    return found


def claim(session: Session, taken: Iterable[tuple[int, int]], now: datetime) -> None:
    """Give each pool number (id) to its order (id), each only if still free; raises
    ``Changed`` (nothing recorded, the batch drawn again) when another PC took one first."""
    pairs = list(taken)
    if not pairs:
        return
    if session.get_bind().dialect.name == "postgresql":
        ids = [p[0] for p in pairs]
        orders = [p[1] for p in pairs]
        done = _rows(
            session.execute(
                text(
                    "UPDATE waybill_numbers SET order_id = t.o, taken_at = :at"
                    " FROM unnest(CAST(:ids AS integer[]), CAST(:orders AS integer[])) AS t (id, o)"
                    " WHERE waybill_numbers.id = t.id AND waybill_numbers.order_id IS NULL"
                ),
                {"ids": ids, "orders": orders, "at": now},
            )
        )
    else:
        # one statement over a JSON array (SQLite's UPDATE … FROM): 10,000 single-row UPDATEs
        # took over a second of the batch's write lock on a loaded machine
        done = _rows(
            session.execute(
                text(
                    "UPDATE waybill_numbers SET order_id = json_extract(t.value, '$[1]'),"
                    " taken_at = :at FROM json_each(:pairs) AS t"
                    " WHERE waybill_numbers.id = json_extract(t.value, '$[0]')"
                    " AND +waybill_numbers.order_id IS NULL"
                ).bindparams(bindparam("at", type_=UTCDateTime())),
                {"pairs": json.dumps(pairs), "at": now},
            )
        )
    if done != len(pairs):
        raise Changed()  # another batch took some of these numbers first: draw again


def _rows(result: Any) -> int:
    """The rows an UPDATE changed (the Result of a Core UPDATE is a CursorResult)."""
    return int(cast(CursorResult[Any], result).rowcount)


def running_low(
    session: Session, planned: dict[tuple[str, int], list[tuple[int, str]]]
) -> list[UserError]:
    """A warning for each pool this batch leaves below its shop's threshold."""
    if not planned:
        return []
    limits = thresholds(session)
    known = Couriers(session)
    found: list[UserError] = []
    for (code, shop_id), numbers in planned.items():
        after = free_count(session, code, shop_id) - len(numbers)
        limit = limits.get(shop_id, DEFAULT_THRESHOLD)
        if after < limit:
            shop = session.get(Shop, shop_id)
            found.append(
                UserError(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "The {courier} number pool of {shop} has {left} numbers left after this "
                        "batch (the shop warns below {threshold}): ask the branch for more.",
                    ),
                    courier=known.get(code).name,
                    shop=shop.name if shop else shop_id,
                    left=after,
                    threshold=limit,
                )
            )
    return found
