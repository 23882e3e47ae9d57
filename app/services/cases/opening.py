"""After-sales cases (售后单): opening, reading, and what every step shares.

docs/domain.md rules 5 and 6. The steps of a case live in ``case_steps``, photos in
``case_photos``, the register, scanning and the export in ``case_register``; the
state table in ``case_rules``. Services never commit: one user action is one
transaction (``Database.write``), so a refused step leaves the case as it was.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import (
    CardInParcel,
    Case,
    CasePhoto,
    CaseState,
    CaseType,
    FreightPayer,
    Order,
    PhotoPurpose,
    Stage,
)
from app.models.errors import Conflict, InvalidInput, NotFound, TransitionRefused
from app.models.formats import local, short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.cases import handovers
from app.services.cases import rules as case_rules
from app.services.cases.checks import (
    check_tracking_free,
    optional_text,
    parse_money,
    tracking_number,
)
from app.services.cases.rows import CaseDetail, PhotoMeta, case_detail
from app.services.cases.rules import CaseAction
from app.services.core import audit, audit_records, capabilities
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.orders import lookup

# the stages an order must have reached for each kind of case
OPEN_STAGES: dict[CaseType, frozenset[Stage] | None] = {
    CaseType.RETURN: frozenset({Stage.SHIPPED, Stage.DELIVERED, Stage.CLOSED}),
    CaseType.EXCHANGE: frozenset({Stage.SHIPPED, Stage.DELIVERED, Stage.CLOSED}),
    CaseType.RECALL: frozenset({Stage.SHIPPED}),  # still with the courier
    CaseType.REFUND_ONLY: None,  # any stage: a cancelled order is refunded this way
    CaseType.COMPLAINT: None,
}


def claim_photo_count(session: Session, case: Case) -> int:
    return session.execute(
        select(func.count())
        .select_from(CasePhoto)
        .where(CasePhoto.case_id == case.id, CasePhoto.purpose == PhotoPurpose.CLAIM.value)
    ).scalar_one()


def require_evidence(session: Session, case: Case) -> None:
    """Before anything is promised on a quality claim, the evidence must be there."""
    if case_rules.evidence_missing(case, claim_photo_count(session, case)):
        raise case_rules.evidence_refusal(case)


# -- loading, stamping, auditing ------------------------------------------------------------
def load(session: Session, case_no: str, *, expected_version: int | None = None) -> Case:
    """The case, locked for this transaction, checked against the version the user saw."""
    case = session.execute(
        select(Case).where(Case.case_no == (case_no or "").strip().upper()).with_for_update()
    ).scalar_one_or_none()
    if case is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no after-sales case {case_no}."),
            case_no=case_no,
        )
    if expected_version is not None and case.version != expected_version:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Case {case_no} was changed by {name} at {time} while you had it open. "
                "Reload it and try again; nothing was saved.",
            ),
            case_no=case.case_no,
            name=case.updated_by,
            time=short_time(case.updated_at),
        )
    return case


def touch(session: Session, case: Case, actor: Actor) -> None:
    case.updated_by, case.updated_at = actor.display_name, db_now(session)


def record(session: Session, actor: Actor, action: str, case: Case, **after: Any) -> None:
    """Audit one step on the case (its timeline) and on its order (the order's timeline)."""
    session.flush()
    details = {"state": case.state, **after}
    stamps = audit_records.stamps_for(case, action)
    if stamps:  # the signatures and stamps this step set, for verify to compare later
        details["stamps"] = stamps
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action=action,
        entity="case",
        entity_key=case.case_no,
        after=details,
    )
    if case.order_id is not None:
        order_no = session.execute(
            select(Order.order_no).where(Order.id == case.order_id)
        ).scalar_one()
        audit.record(
            session,
            actor_id=actor.user_id,
            actor_name=actor.display_name,
            action=action,
            entity="order",
            entity_key=order_no,
            after={"case_no": case.case_no, **details},
        )


def move(session: Session, actor: Actor, case: Case, action: CaseAction) -> CaseState:
    """The one guard: the move must be in the table, for this kind of case and person."""
    case_rules.rule_for(case, action)  # the clearest refusal first (before the roles)
    require(session, actor, capabilities.case_action(action), case)
    before = CaseState(case.state)
    # docs/domain.md rule 6: nothing is done on a quality claim before its evidence is in
    require_evidence(session, case)
    case.state = case_rules.TARGET[action].value
    touch(session, case, actor)
    return before


# -- opening ----------------------------------------------------------------------------------
def next_case_no(session: Session) -> str:
    """SH + the shop's local date + a daily sequence: SH20261124-0001."""
    prefix = "SH" + local(db_now(session)).strftime("%Y%m%d") + "-"
    last = session.execute(
        select(func.max(Case.case_no)).where(Case.case_no.like(prefix + "%"))
    ).scalar()
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:04d}"


def find_order(session: Session, order_no: str) -> Order:
    order = session.get(Order, lookup.order_id(session, order_no))
    assert order is not None
    return order


def check_stage(order: Order, kind: CaseType) -> None:
    stages = OPEN_STAGES[kind]
    if stages is not None and Stage(order.stage) not in stages:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no} is “{stage}”: a {type} case cannot be opened."
            ),
            order_no=order.order_no,
            stage=Label(Stage(order.stage).label, "Stage"),
            type=Label(kind.label, "CaseType"),
        )


def open_case(
    session: Session,
    actor: Actor,
    order_no: str,
    kind: CaseType,
    *,
    reason: str = "",
    quality: bool = False,
    defect_location: str = "",
    no_photo_possible: bool = False,
    return_tracking: str | None = None,
    return_courier: str = "",
    card: CardInParcel = CardInParcel.UNKNOWN,
    wants: str = "",
    freight_advance: str | Decimal | None = None,
) -> CaseDetail:
    """Register a case on an order (a row of the 售后登记表)."""
    user = require(session, actor, Action.CASE_OPEN)
    order = find_order(session, order_no)
    check_stage(order, kind)
    if no_photo_possible and not quality:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "“Cannot be photographed” only applies to a quality claim."
            )
        )
    advance = parse_money(freight_advance or "0", QT_TRANSLATE_NOOP("Field", "Return freight"))
    if advance and not quality:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Not a quality problem: the customer pays the return freight. Free return "
                "freight needs a supervisor's approval on the case first.",
            )
        )
    number, courier = None, optional_text(return_courier, QT_TRANSLATE_NOOP("Field", "Courier"), 40)
    if kind is CaseType.RECALL:  # the courier brings back the very parcel it carried
        number, courier = order.tracking_no, courier or order.courier
    if return_tracking:
        if kind not in case_rules.GOODS | {CaseType.RECALL}:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "No goods come back on a {type} case."),
                type=Label(kind.label, "CaseType"),
            )
        number = tracking_number(return_tracking)
    if number:
        check_tracking_free(session, number, None)
    now = db_now(session)
    case = Case(
        case_no=next_case_no(session),
        order_id=order.id,
        type=kind.value,
        state=CaseState.OPEN.value,
        reason=optional_text(reason, QT_TRANSLATE_NOOP("Field", "Reason"), 500, True),
        quality=quality,
        defect_location=optional_text(
            defect_location, QT_TRANSLATE_NOOP("Field", "Defect location"), 200
        ),
        no_photo_possible=no_photo_possible,
        return_courier=courier,
        return_tracking_no=number,
        card_in_parcel=card.value,
        wants=optional_text(wants, QT_TRANSLATE_NOOP("Field", "Wanted in exchange"), 200),
        freight_payer=(FreightPayer.SHOP if quality else FreightPayer.CUSTOMER).value,
        return_freight=advance,
        freight_reimbursed=Decimal("0"),
        signoff_notes="",
        refund_reference="",
        exchange_courier="",
        change_request_id=handovers.for_order(session, order.id),
        opened_by_id=user.id,
        opened_by=user.display_name,
        opened_at=now,
        updated_by=user.display_name,
        updated_at=now,
    )
    session.add(case)
    record(
        session,
        actor,
        "case.open",
        case,
        type=kind.value,
        quality=quality,
        defect_location=case.defect_location,
        return_tracking_no=number,
        freight_payer=case.freight_payer,
        return_freight=str(advance),
        change_request=case.change_request_id,
    )
    return get(session, case.case_no)


def set_claim(
    session: Session,
    actor: Actor,
    case_no: str,
    *,
    quality: bool,
    defect_location: str = "",
    no_photo_possible: bool = False,
    expected_version: int | None = None,
) -> CaseDetail:
    """Record or correct the quality claim while nothing has been promised yet."""
    case = load(session, case_no, expected_version=expected_version)
    require(session, actor, Action.CASE_CLAIM, case)
    case.quality = quality
    case.defect_location = optional_text(
        defect_location, QT_TRANSLATE_NOOP("Field", "Defect location"), 200
    )
    case.no_photo_possible = no_photo_possible and quality
    if quality:
        case.freight_payer = FreightPayer.SHOP.value
    elif case.free_freight_at is None:
        case.freight_payer = FreightPayer.CUSTOMER.value
    touch(session, case, actor)
    record(
        session,
        actor,
        "case.claim",
        case,
        quality=quality,
        defect_location=case.defect_location,
        no_photo_possible=case.no_photo_possible,
    )
    return get(session, case.case_no)


# -- reading ---------------------------------------------------------------------------------
def photo_metas(session: Session, case_ids: list[int]) -> dict[int, list[PhotoMeta]]:
    rows = session.execute(
        select(
            CasePhoto.case_id,
            CasePhoto.id,
            CasePhoto.purpose,
            CasePhoto.sha256,
            CasePhoto.size,
            CasePhoto.mime,
            CasePhoto.width,
            CasePhoto.height,
            CasePhoto.filename,
            CasePhoto.added_by,
            CasePhoto.added_at,
        )
        .where(CasePhoto.case_id.in_(case_ids))
        .order_by(CasePhoto.id)
    )
    found: dict[int, list[PhotoMeta]] = {}
    for case_id, *meta in rows:
        found.setdefault(case_id, []).append(PhotoMeta(*meta))
    return found


def get(session: Session, case_no: str) -> CaseDetail:
    """One case with its photos' metadata and its timeline (who did what, when)."""
    case = session.execute(
        select(Case).where(Case.case_no == (case_no or "").strip().upper())
    ).scalar_one_or_none()
    if case is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no after-sales case {case_no}."),
            case_no=case_no,
        )
    session.flush()
    photos = photo_metas(session, [case.id]).get(case.id, [])
    return case_detail(case, case.order, photos, audit.history(session, "case", case.case_no))


def for_order(session: Session, order_no: str) -> list[CaseDetail]:
    """The order's cases, oldest first (the order's timeline shows them)."""
    order = find_order(session, order_no)
    numbers = session.execute(
        select(Case.case_no).where(Case.order_id == order.id).order_by(Case.id)
    ).scalars()
    return [get(session, n) for n in numbers]
