"""The packing desk: the order on the dispatch note, its item check, and "packed".

docs/packing.md states the rules cited here:

* P1 the dispatch note's barcode is the order number (app/printing/dispatch_note.py); an
  exchange order's note carries the original order's number, and its case number is
  accepted too;
* P2 an order is stopped at the desk, with the reason and who to ask, when it is not
  printed yet, already packed or further on, cancelled, has a cancellation under way, has a
  change waiting for the customer or with the order printer, or its printed slips are out
  of date (docs/domain.md rule 2: retrieve the slips or parcel, the printer reprints);
* P3 an item is ticked by scanning its SKU or a product barcode mapped to it (the shop's
  ``item_barcodes``, or the catalogue's barcode); a wrong item or another size or colour
  of an ordered product is refused naming what the order wants; a shop without item
  barcodes ticks by hand (``barcodes.ticks_by_hand``);
* P4 packed: every item ticked and the label's waybill number scanned; it must be the
  order's, or becomes the order's when it has none yet. One action, one transaction: the
  scans are checked again inside it, the order moves to packed through the stage guard,
  stamped who and when.

The desk shows what the warehouse may see: phone numbers and quoted addresses in notes,
requests and messages are masked as on every screen of theirs (docs/permissions.md).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.db import db_now
from app.models import (
    Case,
    CaseState,
    CaseType,
    CatalogueItem,
    ItemBarcode,
    Order,
    PrintBatch,
    PrintedSlip,
    RequestKind,
    RequestState,
    Stage,
    User,
)
from app.models.errors import Conflict, InvalidInput, NotFound, TransitionRefused, UserError
from app.models.formats import short_time, signed
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.changes import requests as changes
from app.services.core import audit, capabilities
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import masked_text
from app.services.dispatch import senders, waybills
from app.services.dispatch import slips as print_slips
from app.services.orders import lookup
from app.services.packing import barcodes

Attributes = tuple[tuple[str, str], ...]


def _attribute_text(attributes: Attributes) -> str:
    return " ".join(f"{k}:{v}" for k, v in attributes)


@dataclass(frozen=True)
class DeskLine:
    """One item line of the order, as the packer checks it."""

    position: int
    sku: str
    title: str
    attributes: Attributes
    quantity: int

    @property
    def attribute_text(self) -> str:
        return _attribute_text(self.attributes)

    def to_json(self) -> dict[str, Any]:
        return {
            "sku": self.sku,
            "title": self.title,
            "attributes": dict(self.attributes),
            "quantity": self.quantity,
        }


@dataclass(frozen=True)
class DeskOrder:
    """What the desk shows after the dispatch note's scan; ``stops`` say why not to pack."""

    ref: str  # the number the desk packs it by (SHOP/NUMBER where two shops share it)
    order_no: str
    shop: str
    stage: str
    version: int
    courier: str
    tracking_no: str | None
    lines: tuple[DeskLine, ...]
    special: tuple[tuple[str, str], ...]  # (kind, text): invoice, card, delivery, other
    buyer_message: str
    flagged_notes: tuple[str, ...]  # signed, as the dispatch note prints them
    by_hand: bool  # the shop ticks items by hand (no item barcodes), or an exchange
    stops: tuple[UserError, ...] = ()
    case_no: str | None = None  # an exchange parcel (rule 6): its case
    # product barcode or SKU (casefolded) → the SKU, for this order's products' variants
    codes: Mapping[str, str] = field(default_factory=dict)
    # SKU → (title, attributes) of this order's products' variants the catalogue knows
    variants: Mapping[str, tuple[str, Attributes]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "shop": self.shop,
            "stage": self.stage,
            "version": self.version,
            "exchange_case": self.case_no,
            "courier": self.courier,
            "tracking_no": self.tracking_no,
            "items": [line.to_json() for line in self.lines],
            "special_requests": dict(self.special),
            "buyer_message": self.buyer_message,
            "flagged_notes": list(self.flagged_notes),
            "ticks_by_hand": self.by_hand,
            "stops": [str(s) for s in self.stops],
        }


@dataclass(frozen=True)
class Tick:
    """An item scan that checked out: the line, and how many of it are still to pack."""

    position: int
    line: DeskLine
    left: int  # of this line, after this one
    done: bool  # every line is complete


@dataclass(frozen=True)
class Packed:
    order_no: str
    case_no: str | None
    waybill: str
    courier: str
    assigned: bool  # the scanned number became the order's waybill number
    packed_by: str
    packed_at: datetime
    scanned: int
    by_hand: int

    def to_json(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "exchange_case": self.case_no,
            "stage": Stage.PACKED.value if self.case_no is None else None,
            "waybill": self.waybill,
            "courier": self.courier,
            "waybill_assigned": self.assigned,
            "packed_by": self.packed_by,
            "packed_at": self.packed_at.isoformat(),
            "scanned": self.scanned,
            "ticked_by_hand": self.by_hand,
        }


# -- P1: the dispatch note's scan ----------
def scan_order(session: Session, actor: Actor, code: str) -> DeskOrder:
    """The order (or exchange parcel) a dispatch note's barcode names, with what stops it."""
    user = require(session, actor, Action.ORDER_PACK)
    text = (code or "").strip()
    if not text:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Scan the order barcode on the dispatch note.")
        )
    masked = capabilities.refusal(Action.ORDER_CONTACT, None, user.role_set) is not None
    case = _exchange_by_case_no(session, text)
    if case is not None:
        return _exchange_desk(session, case, masked)
    try:
        order_id = lookup.order_id(session, text)
    except NotFound:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Unknown barcode {code}: no order or exchange has this number. Scan the "
                "barcode at the top of the dispatch note.",
            ),
            code=text,
        ) from None
    order = _load(session, order_id)
    if order.stage in AFTER_SHIPPING:
        case = _exchange_of(session, order.id)
        if case is not None:
            return _exchange_desk(session, case, masked)
    return _order_desk(session, order, text, masked)


AFTER_SHIPPING = (Stage.SHIPPED.value, Stage.DELIVERED.value, Stage.CLOSED.value)


def _load(session: Session, order_id: int, *, for_update: bool = False) -> Order:
    stmt = (
        select(Order)
        .where(Order.id == order_id)
        .options(selectinload(Order.items), selectinload(Order.notes), joinedload(Order.shop))
    )
    if for_update:
        stmt = stmt.with_for_update(of=Order)
    return session.execute(stmt).scalar_one()


def _order_desk(session: Session, order: Order, ref: str, masked: bool) -> DeskOrder:
    place = f"{order.province}{order.city}{order.district}"

    def shown(text: str) -> str:
        return masked_text(text, district=place) if masked else text

    lines = tuple(
        DeskLine(n, i.sku, i.title, tuple((i.attributes or {}).items()), i.quantity)
        for n, i in enumerate(order.items)
    )
    codes, variants = _product_codes(session, order.shop_id, lines)
    extras = order.extras or {}
    return DeskOrder(
        ref=ref,
        order_no=order.order_no,
        shop=order.shop.name,
        stage=order.stage,
        version=order.version,
        courier=order.courier,
        tracking_no=order.tracking_no,
        lines=lines,
        special=tuple(
            (kind, shown(extras[kind])) for kind in print_slips.SPECIAL_KINDS if extras.get(kind)
        ),
        buyer_message=shown(order.buyer_message or ""),
        flagged_notes=tuple(
            shown(signed(n.text, n.created_at, n.author_name)) for n in order.notes if n.flagged
        ),
        by_hand=barcodes.ticks_by_hand(session, order.shop_id),
        stops=tuple(_stops(session, order, shown)),
        codes=codes,
        variants=variants,
    )


def _product_codes(
    session: Session, shop_id: int, lines: Sequence[DeskLine]
) -> tuple[dict[str, str], dict[str, tuple[str, Attributes]]]:
    """Every code that names one of the order's products' variants, read once at the scan so
    that an item scan is checked without the database (P3)."""
    skus = {line.sku for line in lines}
    titles = {line.title for line in lines}
    entries = session.execute(
        select(
            CatalogueItem.sku, CatalogueItem.title, CatalogueItem.attributes, CatalogueItem.barcode
        )
        .where(CatalogueItem.shop_id == shop_id)
        .where(CatalogueItem.sku.in_(skus) | CatalogueItem.title.in_(titles))
    ).all()
    # a variant of the ordered product is what the catalogue files under the same title
    own_titles = {title for sku, title, _a, _b in entries if sku in skus} | titles
    variants = {
        sku: (title, tuple((attrs or {}).items()))
        for sku, title, attrs, _b in entries
        if title in own_titles
    }
    codes = {sku.casefold(): sku for sku in skus | set(variants)}
    codes.update({barcode: sku for sku, _t, _a, barcode in entries if barcode and sku in variants})
    mapped = session.execute(
        select(ItemBarcode.barcode, ItemBarcode.sku).where(
            ItemBarcode.shop_id == shop_id, ItemBarcode.sku.in_(skus | set(variants))
        )
    ).all()
    codes.update(dict(mapped))
    return codes, variants


# -- P2: what stops an order ----------
PRINTER = Label(QT_TRANSLATE_NOOP("Packing", "the order printer"), "Packing")


def _stops(session: Session, order: Order, shown: Any) -> list[UserError]:
    stage = Stage(order.stage)
    if stage is Stage.PACKED:
        who = session.get(User, order.packed_by_id) if order.packed_by_id else None
        return [
            TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no} is packed already ({name}, {time}). A second parcel "
                    "must not go out: ask {ask}.",
                ),
                order_no=order.order_no,
                name=who.display_name if who else "—",
                time=short_time(order.packed_at),
                ask=PRINTER,
            )
        ]
    if stage in (Stage.PAID, Stage.AWAITING_PAYMENT):
        return [
            TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no} is not printed yet: it cannot be packed from this "
                    "dispatch note. Ask {ask} (a preview or an old print is not the order's slip).",
                ),
                order_no=order.order_no,
                ask=PRINTER,
            )
        ]
    if stage is Stage.CANCELLED:
        return [
            TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no} is cancelled: do not pack it. Give the dispatch note "
                    "and label to {ask}; the goods go back to stock.",
                ),
                order_no=order.order_no,
                ask=PRINTER,
            )
        ]
    if stage is not Stage.PRINTED:
        return [
            TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError", "Order {order_no} is “{stage}”: it is not packed again here."
                ),
                order_no=order.order_no,
                stage=Label(stage.label, "Stage"),
            )
        ]
    found = _request_stops(session, order, shown)
    stale = _stale(session, order)
    return found + ([stale] if stale else [])


def _request_stops(session: Session, order: Order, shown: Any) -> list[UserError]:
    """Open requests (rule 3): the printer must act, or the customer must confirm first."""
    out: list[UserError] = []
    for r in changes.open_for_order_ids(session, [order.id]).get(order.id, []):
        if r.kind is RequestKind.CANCEL:
            out.append(
                TransitionRefused(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "Order {order_no}: a cancellation is under way (#{id}, asked by {name} "
                        "at {time}). Do not pack it: give the dispatch note and label to {ask}.",
                    ),
                    order_no=order.order_no,
                    id=r.id,
                    name=r.requested_by,
                    time=short_time(r.requested_at),
                    ask=PRINTER,
                )
            )
        elif r.state is RequestState.AWAITING_CONFIRMATION:
            out.append(
                TransitionRefused(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "Order {order_no}: change #{id} ({summary}) waits for the customer's "
                        "confirmation. Put the order aside and ask {name}.",
                    ),
                    order_no=order.order_no,
                    id=r.id,
                    summary=shown(r.summary),
                    name=r.requested_by,
                )
            )
        else:
            out.append(
                TransitionRefused(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "Order {order_no}: change #{id} ({summary}, asked by {name}) is with "
                        "the order printer. Give the dispatch note and label to {ask} to amend "
                        "or reprint them.",
                    ),
                    order_no=order.order_no,
                    id=r.id,
                    summary=shown(r.summary),
                    name=r.requested_by,
                    ask=PRINTER,
                )
            )
    return out


def _stale(session: Session, order: Order) -> UserError | None:
    """The order changed after its slips were printed, and the change shows on them."""
    slip = session.get(PrintedSlip, order.id)
    if slip is None or order.version <= slip.order_version:
        return None  # printed before AfterDesk recorded slips, or nothing changed since
    if print_slips.slip_hash(print_slips.slip_for(order)) == slip.slip_hash:
        return None  # the change does not show on the slips
    batch_no = session.execute(
        select(PrintBatch.batch_no).where(PrintBatch.id == slip.batch_id)
    ).scalar_one()
    who = session.get(User, order.updated_by_id) if order.updated_by_id else None
    return TransitionRefused(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Order {order_no} changed after its slips were printed (batch {batch_no}, "
            "{printed}; changed by {name} at {time}): this dispatch note and label are out of "
            "date. Give them to {ask} for a reprint.",
        ),
        order_no=order.order_no,
        batch_no=batch_no,
        printed=short_time(slip.at),
        name=who.display_name if who else "—",
        time=short_time(order.updated_at),
        ask=PRINTER,
    )


# -- exchanges (docs/domain.md rule 6) ------------------------------------------------------------
CASE_NO = re.compile(r"SH\d{8}-\d+", re.IGNORECASE)  # cases.opening.next_case_no


def _exchange_by_case_no(session: Session, text: str) -> Case | None:
    if not CASE_NO.fullmatch(text):  # an order number: no query (the desk's scan is timed)
        return None
    return session.execute(
        select(Case).where(Case.case_no == text.upper(), Case.type == CaseType.EXCHANGE.value)
    ).scalar_one_or_none()


def _exchange_of(session: Session, order_id: int) -> Case | None:
    """The order's exchange whose parcel the printer printed and that has not left yet."""
    return (
        session.execute(
            select(Case)
            .where(
                Case.order_id == order_id,
                Case.type == CaseType.EXCHANGE.value,
                Case.exchange_print_count > 0,
                Case.exchange_at.is_(None),
                Case.state != CaseState.CLOSED.value,
            )
            .order_by(Case.id.desc())
        )
        .scalars()
        .first()
    )


def _exchange_desk(session: Session, case: Case, masked: bool) -> DeskOrder:
    order = _load(session, case.order_id) if case.order_id else None
    if order is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "Case {case_no} has no order to send an exchange for."),
            case_no=case.case_no,
        )
    place = f"{order.province}{order.city}{order.district}"
    wants = case.wants.strip() or "—"
    stops: list[UserError] = []
    if case.exchange_packed_at is not None:
        stops.append(
            TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The exchange of case {case_no} is packed already ({name}, {time}). A "
                    "second parcel must not go out: ask {ask}.",
                ),
                case_no=case.case_no,
                name=case.exchange_packed_by or "—",
                time=short_time(case.exchange_packed_at),
                ask=PRINTER,
            )
        )
    elif case.exchange_print_count == 0 or case.exchange_at is not None:
        stops.append(
            TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Case {case_no} has no exchange parcel waiting to be packed (not printed, "
                    "or sent already). Ask {ask}.",
                ),
                case_no=case.case_no,
                ask=PRINTER,
            )
        )
    return DeskOrder(
        ref=case.case_no,
        order_no=order.order_no,
        shop=order.shop.name,
        stage=order.stage,
        version=case.version,
        courier=case.exchange_courier or order.courier,
        tracking_no=case.exchange_tracking_no,
        lines=(
            DeskLine(
                0, case.case_no, masked_text(wants, district=place) if masked else wants, (), 1
            ),
        ),
        special=(),
        buyer_message="",
        flagged_notes=(),
        by_hand=True,  # what the customer wants is free text, not a SKU: the packer ticks it
        stops=tuple(stops),
        case_no=case.case_no,
        codes={case.case_no.casefold(): case.case_no},
    )


# -- P3: the item check ----------
def remaining(order: DeskOrder, ticked: Mapping[int, int]) -> list[DeskLine]:
    return [line for line in order.lines if ticked.get(line.position, 0) < line.quantity]


def _left_text(order: DeskOrder, ticked: Mapping[int, int]) -> str:
    return "; ".join(
        f"{x.title} {x.attribute_text} ({x.sku}) ×{x.quantity - ticked.get(x.position, 0)}"
        for x in remaining(order, ticked)
    )


def _stem(sku: str, attributes: Attributes) -> str:
    """The product part of a SKU built as PRODUCT-VALUE-VALUE (XZ-01-黑-40 → XZ-01), for a
    product the catalogue does not know."""
    parts = sku.split("-")
    values = {v for _k, v in attributes}
    while len(parts) > 1 and parts[-1] in values:
        parts.pop()
    return "-".join(parts)


def check_item(order: DeskOrder, ticked: Mapping[int, int], code: str) -> Tick:
    """One item scan against what is still to pack (no database: P3)."""
    text = (code or "").strip()
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Scan the item's barcode."))
    if order.stops:
        raise order.stops[0]
    sku = order.codes.get(text) or order.codes.get(text.casefold())
    lines = [line for line in order.lines if sku is not None and line.sku == sku]
    for line in lines:
        done = ticked.get(line.position, 0)
        if done < line.quantity:
            after = {**ticked, line.position: done + 1}
            return Tick(line.position, line, line.quantity - done - 1, not remaining(order, after))
    if lines:
        line = lines[0]
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "One too many: {title} {attributes} ({sku}) is ticked {quantity} times already, "
                "as many as ordered. Put this one back.",
            ),
            title=line.title,
            attributes=line.attribute_text,
            sku=line.sku,
            quantity=line.quantity,
        )
    wanted = remaining(order, ticked)
    scanned = sku or text
    known = order.variants.get(scanned)
    for line in wanted:
        same = (
            known[0] == line.title
            if known is not None
            else scanned.startswith(_stem(line.sku, line.attributes) + "-")
            and _stem(line.sku, line.attributes) != line.sku
        )
        if same and known is not None and known[1]:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Wrong size or colour: {code} is {its}. This order wants {title} "
                    "{attributes} ({sku}).",
                ),
                code=text,
                its=_attribute_text(known[1]),
                title=line.title,
                attributes=line.attribute_text,
                sku=line.sku,
            )
        if same:  # the catalogue does not know its size: the code alone says it
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Wrong size or colour: {code}. This order wants {title} {attributes} ({sku}).",
                ),
                code=text,
                title=line.title,
                attributes=line.attribute_text,
                sku=line.sku,
            )
    raise InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Wrong item: {code} is not in this order (not one of its SKUs or product "
            "barcodes). Still to pack: {left}.",
        ),
        code=text,
        left=_left_text(order, ticked) or "—",
    )


def tick_by_hand(order: DeskOrder, ticked: Mapping[int, int], position: int) -> Tick:
    """A line ticked by hand, in a shop without item barcodes (or an exchange)."""
    if order.stops:
        raise order.stops[0]
    if not order.by_hand:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Items of {shop} are checked by scanning their barcodes, not ticked by hand "
                "(the shop's setting, on the Shops page).",
            ),
            shop=order.shop,
        )
    line = next((x for x in order.lines if x.position == position), None)
    if line is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "There is no such item line in this order.")
        )
    done = ticked.get(position, 0)
    if done >= line.quantity:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{title} {attributes} ({sku}) is ticked off already."),
            title=line.title,
            attributes=line.attribute_text,
            sku=line.sku,
        )
    after = {**ticked, position: done + 1}
    return Tick(position, line, line.quantity - done - 1, not remaining(order, after))


# -- P4: packed ----------
WAYBILL = re.compile(r"[A-Za-z0-9\-]{6,40}")


def pack(
    session: Session,
    actor: Actor,
    ref: str,
    *,
    items: Sequence[str] = (),
    by_hand: Mapping[int, int] | None = None,
    waybill: str,
    expected_version: int | None = None,
) -> Packed:
    """Pack the order (or exchange) ``ref``: the item scans and hand ticks are checked again
    here, the waybill number confirms the label, and the order moves to packed (P4)."""
    user = require(session, actor, Action.ORDER_PACK)
    if _exchange_by_case_no(session, (ref or "").strip()) is None:
        # the order is locked before it is checked: nobody changes it between check and move
        with contextlib.suppress(NotFound):  # the desk's own message follows
            _load(session, lookup.order_id(session, ref), for_update=True)
    desk = scan_order(session, actor, ref)
    if expected_version is not None and desk.version != expected_version:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} changed while it was on the packing desk: scan its dispatch "
                "note again. Nothing was saved.",
            ),
            order_no=desk.order_no,
        )
    if desk.stops:
        raise desk.stops[0]
    ticked: dict[int, int] = {}
    for code in items:
        tick = check_item(desk, ticked, code)
        ticked[tick.position] = ticked.get(tick.position, 0) + 1
    hand = 0
    for position, count in sorted((by_hand or {}).items()):
        for _ in range(count):
            tick = tick_by_hand(desk, ticked, position)
            ticked[tick.position] = ticked.get(tick.position, 0) + 1
            hand += 1
    if remaining(desk, ticked):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Not everything is checked yet. Still to pack: {left}."),
            left=_left_text(desk, ticked),
        )
    number = (waybill or "").strip()
    if not number:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "Scan the waybill number on the shipping label to confirm it."
            )
        )
    if desk.tracking_no and waybills.normalise(number) != waybills.normalise(desk.tracking_no):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Label and order do not belong together: the label says {scanned}, order "
                "{order_no} has waybill number {number}. Find this order's label.",
            ),
            scanned=number,
            order_no=desk.order_no,
            number=desk.tracking_no,
        )
    if not WAYBILL.fullmatch(number):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{number}” is not a tracking number."), number=number
        )
    now = db_now(session)
    facts = {"waybill": number, "scanned": len(items), "by_hand": hand}
    if desk.case_no is not None:
        return _pack_exchange(session, actor, user.display_name, desk, number, now, facts)
    order = _load(session, lookup.order_id(session, desk.ref), for_update=True)
    assigned, courier = False, order.courier
    if not order.tracking_no:
        courier = assign_waybill(session, actor, order, number)
        assigned = True
    lookup.move_stage(session, actor, order, Stage.PACKED)
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=user.display_name,
        action="order.packed",
        entity="order",
        entity_key=order.order_no,
        after={**facts, "courier": courier, "waybill_assigned": assigned},
    )
    return Packed(
        order.order_no, None, number, courier, assigned, user.display_name, now, len(items), hand
    )


def assign_waybill(session: Session, actor: Actor, order: Order, number: str) -> str:
    """A typed or scanned waybill number (a hand-written label) becomes the order's, through
    the waybill numbers' own door (``waybills.assign_waybill``: the courier's pattern, never
    another order's number, the printed slips completed by it). The courier is the order's
    or its shop's default. Returns the courier."""
    courier = order.courier or senders.default_couriers(session).get(order.shop_id, "")
    if not courier:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} has no courier, and its shop no default courier: ask {ask} "
                "to set one before the label's number can be recorded.",
            ),
            order_no=order.order_no,
            ask=PRINTER,
        )
    ref = lookup.SHOP_SEPARATOR.join((order.shop.name, order.order_no))
    waybills.assign_waybill(session, actor, ref, courier, number)
    return order.courier


def _pack_exchange(
    session: Session,
    actor: Actor,
    name: str,
    desk: DeskOrder,
    number: str,
    now: datetime,
    facts: dict[str, Any],
) -> Packed:
    from app.services.cases import opening as cases
    from app.services.cases.checks import check_tracking_free

    case = cases.load(session, desk.ref, expected_version=desk.version)
    # the label's number is the exchange parcel's: the courier's hand-over finds the case by
    # it (docs/shipments.md), so it is no order's and no other case's
    waybills.refuse_taken(session, None, number)
    check_tracking_free(session, number, case, exchange=True)
    shop_id = case.order.shop_id if case.order else 0
    case.exchange_tracking_no = number
    case.exchange_courier = desk.courier or senders.default_couriers(session).get(shop_id, "")
    case.exchange_packed_by, case.exchange_packed_at = name, now
    cases.touch(session, case, actor)
    cases.record(session, actor, "case.exchange_packed", case, **facts)
    return Packed(
        desk.order_no,
        case.case_no,
        number,
        case.exchange_courier,
        False,
        name,
        now,
        facts["scanned"],
        facts["by_hand"],
    )
