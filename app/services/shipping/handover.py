"""The hand-over to the courier (交接): scan each parcel's waybill number into the open list
of its courier, print the manifest (交接单) and confirm it: its orders are shipped.

A parcel is refused, with the reason, when its number is unknown, belongs to another
courier, is already in a list (scanned twice) or handed over, or when its order is not
packed, was cancelled, has a change or cancellation under way, or changed after it was
packed (docs/domain.md rule 2: retrieve the parcel). A refusal changes nothing.

An exchange parcel (docs/domain.md rule 6) goes the same way: the packing desk recorded its
label's number on its case, a scan finds the case by it, and confirming the manifest records
the exchange shipped on the case (its timeline and the order's note), with the same refusals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import (
    Case,
    ChangeRequest,
    Handover,
    HandoverParcel,
    Order,
    RequestKind,
    Shop,
    Stage,
    User,
)
from app.models.errors import Conflict, InvalidInput, NotFound, TransitionRefused, UserError
from app.models.formats import local, short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.printing.data import PdfResult
from app.printing.manifest import Manifest, ManifestLine, manifest_pdf
from app.printing.words import common, say
from app.services.cases import rules as case_rules
from app.services.cases import steps as case_steps
from app.services.cases.rules import CaseAction
from app.services.changes.rules import ACTIVE
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_output, url_of
from app.services.core.validation import clean_text
from app.services.dispatch.recording import Changed, Drawing, record_print
from app.services.orders import lookup as orders

COURIER = Label(QT_TRANSLATE_NOOP("Field", "Courier"))
WAYBILL = Label(QT_TRANSLATE_NOOP("Field", "Waybill number"))
SHIPPED_ALREADY = (Stage.SHIPPED, Stage.DELIVERED, Stage.CLOSED)


@dataclass(frozen=True)
class Parcel:
    """One order in a hand-over list (a parcel carrying two orders is two rows), or an
    exchange parcel: then ``case_no`` is its case and ``order_no`` the original order."""

    tracking_no: str
    order_no: str
    shop: str
    scanned_at: datetime
    case_no: str = ""


@dataclass(frozen=True)
class HandoverList:
    courier: str
    parcels: tuple[Parcel, ...]  # in scanning order
    version: int  # 0: no list open

    @property
    def count(self) -> int:
        """Parcels: distinct waybill numbers."""
        return len({p.tracking_no for p in self.parcels})


@dataclass(frozen=True)
class Scanned:
    tracking_no: str
    order_nos: tuple[str, ...]
    count: int  # parcels in the list now
    parcels: tuple[Parcel, ...] = ()  # the rows this scan added to the list
    case_no: str = ""  # an exchange parcel: its case (order_nos: the original order)


@dataclass(frozen=True)
class Confirmed:
    manifest_no: str
    courier: str
    confirmed_at: datetime
    count: int
    order_nos: tuple[str, ...]
    path: Path
    warnings: tuple[str, ...] = ()
    case_nos: tuple[str, ...] = ()  # the exchanges shipped with it


def _courier(courier: str) -> str:
    return clean_text(courier, field=COURIER, max_len=40)


def _waybill(number: str) -> str:
    return clean_text(number, field=WAYBILL, max_len=40)


def _open(session: Session, courier: str, *, lock: bool = False) -> Handover | None:
    stmt = select(Handover).where(Handover.open_courier == courier)
    if lock:
        stmt = stmt.with_for_update()
    return session.execute(stmt).scalar_one_or_none()


def _holder(session: Session, number: str) -> tuple[Handover, HandoverParcel] | None:
    row = session.execute(
        select(Handover, HandoverParcel)
        .join(HandoverParcel, HandoverParcel.handover_id == Handover.id)
        .where(HandoverParcel.tracking_no == number)
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def _already(held: tuple[Handover, HandoverParcel], courier: str, number: str) -> UserError:
    handover, parcel = held
    if handover.manifest_no is not None:
        return InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Waybill {number} was handed over already, on manifest {manifest} at {time}.",
            ),
            number=number,
            manifest=handover.manifest_no,
            time=short_time(handover.confirmed_at),
        )
    if handover.courier == courier:
        return InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Waybill {number} was scanned twice: it is in the list already (scanned at "
                "{time}). Count it once.",
            ),
            number=number,
            time=short_time(parcel.scanned_at),
        )
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError", "Waybill {number} is in the hand-over list of {other} already."
        ),
        number=number,
        other=handover.courier,
    )


def _active_requests(session: Session, ids: list[int]) -> dict[int, ChangeRequest]:
    """Each order's newest change or cancellation still under way (one query for many)."""
    found: dict[int, ChangeRequest] = {}
    for start in range(0, len(ids), 1000):
        rows = session.execute(
            select(ChangeRequest)
            .where(
                ChangeRequest.order_id.in_(ids[start : start + 1000]),
                ChangeRequest.state.in_([s.value for s in ACTIVE]),
            )
            .order_by(ChangeRequest.id)
        ).scalars()
        found.update((r.order_id, r) for r in rows)
    return found


def _order_problem(
    session: Session,
    order: Order,
    courier: str,
    number: str,
    request: ChangeRequest | None,
) -> UserError | None:
    """Why this parcel may not go to the courier now; None if it may. ``request``: the
    order's change or cancellation under way, if any."""
    if order.courier != courier:
        return _other_courier(number, order.courier, courier)
    stage = Stage(order.stage)
    if stage is Stage.CANCELLED:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) was cancelled: keep the parcel back and "
                "return the goods to stock.",
            ),
            order_no=order.order_no,
            number=number,
        )
    if stage in SHIPPED_ALREADY:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no} (waybill {number}) is shipped already."
            ),
            order_no=order.order_no,
            number=number,
        )
    if stage is not Stage.PACKED:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) is “{stage}”, not packed: it goes through "
                "the packing desk first.",
            ),
            order_no=order.order_no,
            number=number,
            stage=Label(stage.label, "Stage"),
        )
    if request is not None:
        cancel = request.kind == RequestKind.CANCEL.value
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) has a cancellation under way, asked by "
                "{name}: keep the parcel back and ask them.",
            )
            if cancel
            else QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) has a change under way, asked by {name}: "
                "keep the parcel back; it is reprinted and packed again.",
            ),
            order_no=order.order_no,
            number=number,
            name=request.requested_by_name,
        )
    if order.packed_at is not None and order.updated_at > order.packed_at:
        who = session.get(User, order.updated_by_id) if order.updated_by_id else None
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) was changed after it was packed ({time}, "
                "{name}): the parcel may not match it. Retrieve it; the printer reprints and "
                "it is packed again.",
            ),
            order_no=order.order_no,
            number=number,
            time=short_time(order.updated_at),
            name=who.display_name if who else "—",
        )
    return None


def _other_courier(number: str, other: str, courier: str) -> UserError:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Waybill {number} belongs to {other}, not {courier}: this parcel goes with "
            "{other}'s hand-over.",
        ),
        number=number,
        other=other or "—",
        courier=courier,
    )


def _exchange_problem(case: Case, courier: str, number: str) -> UserError | None:
    """Why this exchange parcel may not go to the courier now; None if it may."""
    if case.exchange_courier != courier:
        return _other_courier(number, case.exchange_courier, courier)
    if case.exchange_at is not None:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The exchange of case {case_no} (waybill {number}) is shipped already ({time}).",
            ),
            case_no=case.case_no,
            number=number,
            time=short_time(case.exchange_at),
        )
    if case.exchange_packed_at is None:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The exchange of case {case_no} (waybill {number}) is not packed: it goes "
                "through the packing desk first.",
            ),
            case_no=case.case_no,
            number=number,
        )
    try:  # closed, or no longer an exchange to send: the case's own state table says why
        case_rules.rule_for(case, CaseAction.EXCHANGE_SHIPPED)
    except UserError as refused:
        return refused
    return None


def _orders_of(session: Session, number: str) -> tuple[list[Order], Case | None]:
    """The orders with this waybill number or, when none has it, the exchange case."""
    found = list(
        session.execute(
            select(Order).where(Order.tracking_no == number).order_by(Order.id)
        ).scalars()
    )
    if found:
        return found, None
    case = session.execute(
        select(Case).where(Case.exchange_tracking_no == number)
    ).scalar_one_or_none()
    if case is None or case.order_id is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "UserError",
                "No order has waybill number {number}: check the label, or record the number "
                "on its order first.",
            ),
            number=number,
        )
    return [], case


def scan(session: Session, actor: Actor, courier: str, waybill: str) -> Scanned:
    """Add the parcel with this waybill number to the courier's open list (opened if none)."""
    require(session, actor, Action.HANDOVER_SCAN)
    courier, number = _courier(courier), _waybill(waybill)
    held = _holder(session, number)
    if held is not None:
        raise _already(held, courier, number)
    found, case = _orders_of(session, number)
    if case is not None:
        problem = _exchange_problem(case, courier, number)
        if problem is not None:
            raise problem
    requests = _active_requests(session, [o.id for o in found])
    for order in found:
        problem = _order_problem(session, order, courier, number, requests.get(order.id))
        if problem is not None:
            raise problem
    now = db_now(session)
    handover = _open(session, courier, lock=True)
    if handover is None:
        handover = Handover(
            courier=courier,
            open_courier=courier,
            opened_at=now,
            opened_by_id=actor.user_id,
            confirmed_by_name="",
            parcel_count=0,
        )
        session.add(handover)
    try:
        with session.begin_nested():  # another PC scanned the same parcel a moment ago
            session.flush()
            rows = [(o.id, None) for o in found] if case is None else [(None, case.id)]
            for order_id, case_id in rows:
                session.add(
                    HandoverParcel(
                        handover_id=handover.id,
                        order_id=order_id,
                        case_id=case_id,
                        tracking_no=number,
                        scanned_at=now,
                        scanned_by_id=actor.user_id,
                    )
                )
            handover.parcel_count += 1
            session.flush()
    except IntegrityError:
        again = _holder(session, number)
        if again is None:
            raise
        raise _already(again, courier, number) from None
    added = _parcels(session, handover.id, number)
    return Scanned(
        number,
        tuple(p.order_no for p in added),
        handover.parcel_count,
        added,
        case.case_no if case is not None else "",
    )


def remove(session: Session, actor: Actor, courier: str, waybill: str) -> int:
    """Take a parcel out of the open list before the manifest is confirmed; parcels left."""
    require(session, actor, Action.HANDOVER_SCAN)
    courier, number = _courier(courier), _waybill(waybill)
    handover = _open(session, courier, lock=True)
    gone = 0
    if handover is not None:
        gone = _count(
            session.execute(
                delete(HandoverParcel).where(
                    HandoverParcel.handover_id == handover.id,
                    HandoverParcel.tracking_no == number,
                )
            )
        )
    if handover is None or not gone:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "UserError", "Waybill {number} is not in the hand-over list of {courier}."
            ),
            number=number,
            courier=courier,
        )
    handover.parcel_count -= 1
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="handover.remove",
        entity="handover",
        entity_key=courier,
        before={"tracking_no": number},
        after=None,
    )
    return handover.parcel_count


def _count(result: Any) -> int:
    """Rows an UPDATE or DELETE touched."""
    return cast(CursorResult[Any], result).rowcount


def _parcels(session: Session, handover_id: int, number: str | None = None) -> tuple[Parcel, ...]:
    """The list's rows (only those of ``number``, if given); an exchange's row names the
    original order through its case."""
    stmt = (
        select(
            HandoverParcel.tracking_no,
            Order.order_no,
            Shop.name,
            HandoverParcel.scanned_at,
            func.coalesce(Case.case_no, ""),
        )
        .outerjoin(Case, Case.id == HandoverParcel.case_id)
        .join(Order, Order.id == func.coalesce(HandoverParcel.order_id, Case.order_id))
        .join(Shop, Shop.id == Order.shop_id)
        .where(HandoverParcel.handover_id == handover_id)
        .order_by(HandoverParcel.id)
    )
    if number is not None:
        stmt = stmt.where(HandoverParcel.tracking_no == number)
    return tuple(Parcel(*r) for r in session.execute(stmt))


def current(session: Session, actor: Actor, courier: str) -> HandoverList:
    """The courier's open list (empty, version 0, when none is open)."""
    require(session, actor, Action.HANDOVER_READ)
    courier = _courier(courier)
    handover = _open(session, courier)
    if handover is None:
        return HandoverList(courier, (), 0)
    return HandoverList(courier, _parcels(session, handover.id), handover.version)


def open_lists(session: Session, actor: Actor) -> list[tuple[str, int]]:
    """Each courier with an open list, and its parcel count."""
    require(session, actor, Action.HANDOVER_READ)
    rows = session.execute(
        select(Handover.courier, Handover.parcel_count)
        .where(Handover.open_courier.is_not(None))
        .order_by(Handover.courier)
    )
    return [(c, n) for c, n in rows]


def couriers(session: Session, actor: Actor) -> list[str]:
    """The couriers parcels are packed for (the page's choice), most recent first."""
    require(session, actor, Action.HANDOVER_READ)
    rows = session.execute(
        select(Order.courier)
        .where(Order.stage == Stage.PACKED.value, Order.courier != "")
        .group_by(Order.courier)
        .order_by(func.count().desc())
    )
    found = [c for (c,) in rows]
    exchanges = session.execute(  # exchange parcels packed and not yet handed over
        select(Case.exchange_courier)
        .where(Case.exchange_packed_at.is_not(None), Case.exchange_at.is_(None))
        .distinct()
    ).scalars()
    found += [c for c in exchanges if c and c not in found]
    return found + [c for c, _ in open_lists(session, actor) if c not in found]


def next_manifest_no(session: Session, now: datetime) -> str:
    prefix = f"H{local(now):%Y%m%d}-"
    taken = session.execute(
        select(func.count()).select_from(Handover).where(Handover.manifest_no.like(prefix + "%"))
    ).scalar_one()
    return f"{prefix}{taken + 1:04d}"


def _language(session: Session, handover_id: int) -> str:
    shops = session.execute(
        select(Shop.doc_language)
        .join(Order, Order.shop_id == Shop.id)
        .join(Case, Case.order_id == Order.id, isouter=True)
        .join(
            HandoverParcel,
            (HandoverParcel.order_id == Order.id) | (HandoverParcel.case_id == Case.id),
        )
        .where(HandoverParcel.handover_id == handover_id)
        .distinct()
    ).scalars()
    return common(shops).value


@dataclass(frozen=True)
class _Drawn:
    handover_id: int
    version: int
    manifest: Manifest
    order_ids: tuple[int, ...]
    case_ids: tuple[int, ...] = ()  # the exchange parcels
    order_nos: tuple[str, ...] = ()
    case_nos: tuple[str, ...] = ()


def _draw(session: Session, actor: Actor, courier: str) -> _Drawn:
    require(session, actor, Action.HANDOVER_CONFIRM)
    handover = _open(session, courier)
    if handover is None or handover.parcel_count == 0:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The hand-over list of {courier} is empty: scan the parcels first."
            ),
            courier=courier,
        )
    parcels = _parcels(session, handover.id)
    rows = session.execute(
        select(HandoverParcel.order_id, HandoverParcel.case_id)
        .where(HandoverParcel.handover_id == handover.id)
        .order_by(HandoverParcel.id)
    ).all()
    now = db_now(session)
    language = _language(session, handover.id)
    seen: set[str] = set()
    lines = []
    for p in parcels:  # a parcel of two orders is one line naming both
        if p.tracking_no in seen:
            continue
        seen.add(p.tracking_no)
        nos = [_named(q, language) for q in parcels if q.tracking_no == p.tracking_no]
        lines.append(ManifestLine(p.tracking_no, " / ".join(nos)))
    manifest = Manifest(
        manifest_no=next_manifest_no(session, now),
        courier=courier,
        confirmed_at=now,
        handed_over_by=actor.display_name,
        lines=tuple(lines),
        language=language,  # type: ignore[arg-type]
    )
    return _Drawn(
        handover.id,
        handover.version,
        manifest,
        tuple(o for o, _ in rows if o is not None),
        tuple(c for _, c in rows if c is not None),
        tuple(p.order_no for p in parcels if not p.case_no),
        tuple(p.case_no for p in parcels if p.case_no),
    )


def _named(parcel: Parcel, language: str) -> str:
    """The manifest's words for a row: the order number, or 换货 and the exchange's case (the
    original order's number would not fit the column; the case names it)."""
    if not parcel.case_no:
        return parcel.order_no
    return f"{say(language, 'exchange')} {parcel.case_no}"


def preview(session: Session, actor: Actor, courier: str) -> PdfResult:
    """The manifest as it will print now; nothing is recorded."""
    return manifest_pdf(_draw(session, actor, _courier(courier)).manifest)


def _ship(session: Session, actor: Actor, drawn: _Drawn) -> None:
    """The short write: still the list that was drawn, every order still fit to go; then the
    orders move to shipped (the stage guard's move, stamped) and the list is closed."""
    handover = session.get(Handover, drawn.handover_id, with_for_update=True)
    if handover is None or handover.version != drawn.version or handover.open_courier is None:
        raise Changed()
    if next_manifest_no(session, drawn.manifest.confirmed_at) != drawn.manifest.manifest_no:
        raise Changed()
    ids = list(drawn.order_ids)
    requests = _active_requests(session, ids)
    loaded: list[Order] = []
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        loaded += session.execute(select(Order).where(Order.id.in_(chunk))).scalars()
    for order in sorted(loaded, key=lambda o: o.id):
        number = order.tracking_no or ""
        problem = _order_problem(session, order, handover.courier, number, requests.get(order.id))
        if problem is not None:
            raise problem
    exchanges: list[Case] = []
    for case_id in drawn.case_ids:
        case = session.get(Case, case_id, with_for_update=True)
        number = case.exchange_tracking_no or "" if case is not None else ""
        if case is None or not number:
            raise Changed()
        problem = _exchange_problem(case, handover.courier, number)
        if problem is not None:
            raise problem
        exchanges.append(case)
    now = db_now(session)
    if orders.move_many(session, actor, ids, Stage.PACKED, Stage.SHIPPED, now) != len(ids):
        raise Changed()
    for case in exchanges:
        case_steps.exchange_handed_over(session, actor, case, drawn.manifest.manifest_no, now)
    handover.open_courier = None
    handover.manifest_no = drawn.manifest.manifest_no
    handover.confirmed_at = now
    handover.confirmed_by_id = actor.user_id
    handover.confirmed_by_name = actor.display_name
    session.flush()
    # one entry for the manifest (2,000 entries would flood the log): handover_parcels
    # names each order, and the entry lists their numbers
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="handover.confirm",
        entity="handover",
        entity_key=drawn.manifest.manifest_no,
        before={"stage": Stage.PACKED.value},
        after={
            "stage": Stage.SHIPPED.value,
            "courier": handover.courier,
            "waybills": [line.tracking_no for line in drawn.manifest.lines],
        },
    )


def confirm(
    db: Database, actor: Actor, courier: str, out: Path | str, *, overwrite: bool = False
) -> Confirmed:
    """Print the manifest to ``out`` and ship its orders: one transaction, the file in place
    only once it is recorded (app/services/dispatch/recording.py)."""
    courier = _courier(courier)
    target = db.read(lambda s: check_output(url_of(s), out, overwrite=overwrite))

    def draw(_previous: Changed | None) -> Drawing[Confirmed]:
        drawn = db.read(lambda s: _draw(s, actor, courier))
        pdf = manifest_pdf(drawn.manifest)
        m = drawn.manifest
        result = Confirmed(
            m.manifest_no,
            courier,
            m.confirmed_at,
            len(m.lines),
            drawn.order_nos,
            target,
            pdf.warnings,
            drawn.case_nos,
        )
        return Drawing([(target, pdf.data)], lambda s: _ship(s, actor, drawn), result)

    return record_print(
        db,
        draw,
        gave_up=lambda: Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The hand-over list of {courier} kept changing while the manifest was printed; "
                "nothing was recorded. Try again.",
            ),
            courier=courier,
        ),
    )
