"""The hand-over manifest (交接单, docs/shipments.md): drawn from a read, previewed, and
confirmed in one short write that ships its orders and exchanges and closes the list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import (
    Case,
    Handover,
    HandoverParcel,
    Order,
    Shop,
    Stage,
)
from app.models.errors import Conflict, InvalidInput
from app.models.formats import local
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing.data import PdfResult
from app.printing.manifest import Manifest, ManifestLine, manifest_pdf
from app.printing.words import common, say
from app.services.cases import steps as case_steps
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_output, url_of
from app.services.dispatch.recording import Changed, Drawing, record_print
from app.services.orders import moves
from app.services.shipping.handover_couriers import list_courier, of_list
from app.services.shipping.handover_rules import (
    Parcel,
    active_requests,
    exchange_problem,
    list_parcels,
    open_list,
    order_problem,
    parcel_rows,
)


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


def next_manifest_no(session: Session, now: datetime) -> str:
    prefix = f"H{local(now):%Y%m%d}-"
    taken = session.execute(
        select(func.count()).select_from(Handover).where(Handover.manifest_no.like(prefix + "%"))
    ).scalar_one()
    return f"{prefix}{taken + 1:04d}"


def _language(session: Session, handover_id: int) -> str:
    # from the list's rows to their shops: joining the orders to the rows by "its order or its
    # case's" compared every order with every row (4 minutes for 2,000 parcels at a million)
    shops = session.execute(
        parcel_rows(Shop.doc_language).where(HandoverParcel.handover_id == handover_id).distinct()
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
    handover = open_list(session, courier)
    if handover is None or handover.parcel_count == 0:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The hand-over list of {courier} is empty: scan the parcels first."
            ),
            courier=courier,
        )
    parcels = list_parcels(session, handover.id)
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
    return manifest_pdf(_draw(session, actor, list_courier(session, courier).name).manifest)


def _ship(session: Session, actor: Actor, drawn: _Drawn) -> None:
    """The short write: still the list that was drawn, every order still fit to go; then the
    orders move to shipped (the stage guard's move, stamped) and the list is closed."""
    handover = session.get(Handover, drawn.handover_id, with_for_update=True)
    if handover is None or handover.version != drawn.version or handover.open_courier is None:
        raise Changed()
    if next_manifest_no(session, drawn.manifest.confirmed_at) != drawn.manifest.manifest_no:
        raise Changed()
    ids = list(drawn.order_ids)
    requests = active_requests(session, ids)
    courier = of_list(session, handover.courier)
    loaded: list[Order] = []
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        loaded += session.execute(select(Order).where(Order.id.in_(chunk))).scalars()
    for order in sorted(loaded, key=lambda o: o.id):
        number = order.tracking_no or ""
        problem = order_problem(session, order, courier, number, requests.get(order.id))
        if problem is not None:
            raise problem
    exchanges: list[Case] = []
    for case_id in drawn.case_ids:
        case = session.get(Case, case_id, with_for_update=True)
        number = case.exchange_tracking_no or "" if case is not None else ""
        if case is None or not number:
            raise Changed()
        problem = exchange_problem(case, courier, number)
        if problem is not None:
            raise problem
        exchanges.append(case)
    now = db_now(session)
    if moves.move_many(session, actor, ids, Stage.PACKED, Stage.SHIPPED, now) != len(ids):
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
    courier = db.read(lambda s: list_courier(s, courier).name)
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
