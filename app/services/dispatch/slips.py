"""From orders to slip data, what the printed slips show now, and the printing settings.

Kept apart from ``app.services.dispatch.batches`` so that ``changes.acknowledge`` can record
amended slips without an import cycle.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, delete, select, text, update
from sqlalchemy.orm import Session, selectinload

from app.db import db_now
from app.models import DocLanguage, Order, PrintedSlip, Setting, Shop
from app.models.errors import InvalidInput, NotFound
from app.models.formats import signed
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.printing.data import OrderSlip, Party, SlipItem
from app.printing.words import WORDS
from app.services.core import audit, shared_settings
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text, phone_number

CUTOFF_SETTING = "print_cutoff"
DEFAULT_CUTOFF = "16:00"
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
# the order's special requests the slips print, in this order (captions: printing.words)
SPECIAL_KINDS = ("invoice", "card", "delivery", "other")


def load_orders(session: Session, ids: Sequence[int]) -> list[Order]:
    """Orders with items, notes and shop, in the order of ``ids``."""
    found: dict[int, Order] = {}
    for start in range(0, len(ids), 1000):  # keep IN lists short for both databases
        chunk = list(ids[start : start + 1000])
        stmt = (
            select(Order)
            .where(Order.id.in_(chunk))
            .options(
                selectinload(Order.items),
                selectinload(Order.notes),
                selectinload(Order.shop),
            )
        )
        found.update((o.id, o) for o in session.execute(stmt).scalars())
    return [found[i] for i in ids if i in found]


def slip_for(
    order: Order,
    *,
    batch_no: str | None = None,
    printed_at: datetime | None = None,
    reprint: bool = False,
    default_courier: str = "",
    waybill: str | None = None,
    packing_only: bool = False,
    label_elsewhere: bool = False,
) -> OrderSlip:
    """What the slips say about one order; ``default_courier`` stands in for a missing one,
    ``waybill`` for a missing waybill number (the pool's next, taken when the batch records);
    ``label_elsewhere``: the shop's e-waybill tool prints the label (``label_tool``)."""
    shop: Shop = order.shop
    extras = order.extras or {}
    return OrderSlip(
        order_no=order.order_no,
        shop_name=shop.name,
        courier=order.courier or default_courier,
        tracking_no=order.tracking_no or waybill or None,
        # only paid orders print (awaiting payment is held back): the time is there
        paid_at=order.paid_at or order.created_at,
        recipient=Party(
            order.recipient_name or "",
            order.recipient_phone or "",
            f"{order.province}{order.city}{order.district}{order.street}"
            if order.province and order.street
            else "",
        ),
        sender=Party(shop.sender_name or shop.name, shop.sender_phone, shop.return_address),
        items=tuple(
            SlipItem(i.sku, i.title, tuple((i.attributes or {}).items()), i.quantity)
            for i in order.items
        ),
        special=tuple((kind, extras[kind]) for kind in SPECIAL_KINDS if extras.get(kind)),
        buyer_id=order.buyer_id,
        buyer_message=order.buyer_message or "",
        flagged_notes=tuple(
            signed(n.text, n.created_at, n.author_name) for n in order.notes if n.flagged
        ),
        batch_no=batch_no,
        printed_at=printed_at,
        reprint=reprint,
        language=language_of(shop),
        packing_only=packing_only,
        # a number from the tool's export (waybills.WaybillSource.TOOL), or the shop's tool
        label_elsewhere=label_elsewhere or order.waybill_source == "tool",
    )


def language_of(shop: Shop) -> DocLanguage:
    """The shop's document language (a value the app no longer knows reads as Chinese)."""
    try:
        return DocLanguage(shop.doc_language)
    except ValueError:
        return DocLanguage.ZH


def slip_hash(slip: OrderSlip) -> str:
    """Fingerprint of what the slips say about the parcel (not when or in which batch)."""
    content = [
        slip.courier,
        slip.tracking_no,
        slip.recipient.name,
        slip.recipient.phone,
        slip.recipient.address,
        [[i.sku, i.title, list(i.attributes), i.quantity] for i in slip.items],
        # with the Chinese captions the slips had before kinds: earlier fingerprints still match
        [[WORDS[f"special.{kind}"][0], text] for kind, text in slip.special],
        slip.buyer_message,
        list(slip.flagged_notes),
    ]
    raw = json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def record_slips(session: Session, rows: list[tuple[int, int, int, str]], source: str) -> None:
    """(order_id, batch_id, order_version, slip_hash): the slips now say this."""
    now = db_now(session)
    ids = [r[0] for r in rows]
    for start in range(0, len(ids), 1000):
        session.execute(
            delete(PrintedSlip).where(PrintedSlip.order_id.in_(ids[start : start + 1000]))
        )
    insert_rows(
        session,
        PrintedSlip.__table__,
        [
            {
                "order_id": o,
                "batch_id": b,
                "order_version": v,
                "slip_hash": h,
                "source": source,
                "at": now,
            }
            for o, b, v, h in rows
        ],
    )


def restamp_slips(session: Session, rows: list[tuple[int, int, str]], source: str) -> None:
    """(order_id, order_version, slip_hash) of orders whose slips are recorded (their batch
    stays): the slips now say this, in one set-based UPDATE. A whole-batch reprint holds
    every other PC's write meanwhile: deleting and inserting 2,000 rows took ≈ 0.7 s, and
    SQLAlchemy building a 2,000-row VALUES list ≈ 0.4 s; three arrays cost nothing."""
    if not rows:
        return
    at = db_now(session)
    ids, versions, hashes = (list(column) for column in zip(*rows, strict=True))
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                "UPDATE printed_slips SET order_version = drawn.v, slip_hash = drawn.h,"
                " source = :source, at = :at"
                " FROM unnest(CAST(:ids AS integer[]), CAST(:versions AS integer[]),"
                " CAST(:hashes AS varchar[])) AS drawn (id, v, h)"
                " WHERE printed_slips.order_id = drawn.id"
            ),
            {"ids": ids, "versions": versions, "hashes": hashes, "source": source, "at": at},
        )
        return
    # SQLite runs in this process: one prepared statement executed per row is as quick
    table = PrintedSlip.__table__
    session.execute(
        update(table)
        .where(table.c.order_id == bindparam("oid"))
        .values(order_version=bindparam("v"), slip_hash=bindparam("h"), source=source, at=at),
        [{"oid": o, "v": v, "h": h} for o, v, h in rows],
    )


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Many rows in few statements. RETURNING makes SQLAlchemy batch them as multi-row
    INSERTs ("insertmanyvalues"); a plain executemany sends one statement per row, which
    held a 2,000-order reprint's write lock for seconds."""
    if rows:
        session.execute(table.insert().returning(*table.primary_key.columns), rows).all()


def slips_amended(session: Session, order: Order) -> None:
    """The printer amended the printed slips by hand (a done amend/retrieve request)."""
    current = session.get(PrintedSlip, order.id)
    if current is None:  # never printed: nothing in the warehouse to match
        return
    session.flush()  # the order's version after the acknowledgement's own changes
    slip = slip_for(order)
    record_slips(session, [(order.id, current.batch_id, order.version, slip_hash(slip))], "amended")


# -- settings ---------------------------------------------------------------------------
def cutoff(session: Session) -> str:
    """The same-day dispatch cut-off, HH:MM (docs/domain.md rule 4: 16:00 unless set)."""
    setting = session.get(Setting, CUTOFF_SETTING)
    return cutoff_of(setting.value if setting else None)


def cutoff_of(value: str | None) -> str:
    """The cut-off a stored setting says (the default when unset or unreadable)."""
    return value if value and _HHMM.match(value) else DEFAULT_CUTOFF


def parse_cutoff(text: str) -> str:
    match = _HHMM.match((text or "").strip())
    if not match:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{text}” is not a time of day: write it as 16:00."),
            text=text,
        )
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def set_cutoff(session: Session, actor: Actor, text: str) -> str:
    require(session, actor, Action.CUTOFF_SET)
    value = parse_cutoff(text)
    shared_settings.save(session, actor, CUTOFF_SETTING, value, DEFAULT_CUTOFF)
    return value


def shop_by_name(session: Session, name: str) -> Shop:
    shop = session.execute(select(Shop).where(Shop.name == name.strip())).scalar_one_or_none()
    if shop is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no shop “{name}”."), name=name)
    return shop


def set_sender(
    session: Session,
    actor: Actor,
    shop_name: str,
    *,
    name: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    doc_language: str | None = None,
) -> dict[str, str]:
    """The sender block printed on the shop's labels and the language of its documents
    (administrators only); a value left at None stays as it is."""
    require(session, actor, Action.SHOP_EDIT)
    shop = shop_by_name(session, shop_name)
    before = _sender(shop)
    if name is not None:
        shop.sender_name = clean_text(
            name, field=Label(QT_TRANSLATE_NOOP("Field", "Sender")), max_len=64
        )
    if phone is not None:
        shop.sender_phone = phone_number(phone, field=Label(QT_TRANSLATE_NOOP("Field", "Phone")))
    if address is not None:
        shop.return_address = clean_text(
            address, field=Label(QT_TRANSLATE_NOOP("Field", "Return address")), max_len=300
        )
    if doc_language is not None:
        shop.doc_language = parse_doc_language(doc_language).value
    after = _sender(shop)
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="shop.sender",
        entity="shop",
        entity_key=shop.name,
        before=before,
        after=after,
    )
    return after


def _sender(shop: Shop) -> dict[str, str]:
    return {
        "name": shop.sender_name,
        "phone": shop.sender_phone,
        "address": shop.return_address,
        "doc_language": language_of(shop).value,
    }


def parse_doc_language(text: str) -> DocLanguage:
    try:
        return DocLanguage((text or "").strip().lower())
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Unknown document language “{text}”: use zh (Chinese), en (English) or both.",
            ),
            text=text,
        ) from None
