"""The packing desk's scan of a dispatch note (docs/packing.md P1, P2): the order or exchange
parcel its barcode names, read with its lines and codes, and what stops it being packed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

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
from app.models.errors import InvalidInput, NotFound, TransitionRefused, UserError
from app.models.formats import short_time, signed
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.changes import requests as changes
from app.services.core import capabilities
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import masked_text
from app.services.dispatch import slips as print_slips
from app.services.orders import lookup
from app.services.packing import barcodes
from app.services.packing.desk_order import (
    Attributes,
    DeskLine,
    DeskOrder,
)


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
    case = exchange_by_case_no(session, text)
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
    order = load_order(session, order_id)
    if order.stage in AFTER_SHIPPING:
        case = _exchange_of(session, order.id)
        if case is not None:
            return _exchange_desk(session, case, masked)
    return _order_desk(session, order, text, masked)


AFTER_SHIPPING = (Stage.SHIPPED.value, Stage.DELIVERED.value, Stage.CLOSED.value)


def load_order(session: Session, order_id: int, *, for_update: bool = False) -> Order:
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


def exchange_by_case_no(session: Session, text: str) -> Case | None:
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
    order = load_order(session, case.order_id) if case.order_id else None
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
