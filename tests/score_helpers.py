"""A month of recorded work for the score sheet's tests: made with the services, then moved
to November 2026 (the fixed clock: proposals are judged at ``NOW``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update

from app.db import Database
from app.models import (
    Case,
    CaseType,
    ChangeRequest,
    Complaint,
    Dispute,
    EntryState,
    Order,
    Role,
    SignoffResult,
    SpecialKind,
    Stage,
)
from app.models.complaint_enums import Channel, Priority
from app.services.cases import opening as cases
from app.services.cases import unannounced_parcels
from app.services.changes import requests as changes
from app.services.complaints import complaints, disputes, settings
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from app.services.scores import entries, sheet
from app.services.scores.months import Month

NOVEMBER = Month(2026, 11)
NOW = datetime(2026, 12, 1, 9, 0).astimezone()  # the day the supervisor totals November


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute).astimezone()


def free_orders(db: Database, stage: Stage, count: int) -> list[str]:
    rows = db.read(lambda s: orders.list_page(s, stage=stage, limit=200))
    return [r.order_no for r in rows[:count]]


def move_request(db: Database, request_id: int, **times: datetime) -> None:
    db.write(
        lambda s: s.execute(
            update(ChangeRequest).where(ChangeRequest.id == request_id).values(**times)
        )
    )


def printed(db: Database, order_no: str) -> None:
    """The order went on as it was: printed, whatever was asked of it."""
    db.write(
        lambda s: s.execute(
            update(Order).where(Order.order_no == order_no).values(stage=Stage.PRINTED.value)
        )
    )


def quality_claim(
    db: Database, staff: dict[Role, Actor], order_no: str, day: int, defect: str,
    result: SignoffResult,
) -> str:  # fmt: skip
    """An exchange for a quality problem (the shop pays the freight), without a photo, opened
    on ``day``, that the warehouse signed for three days later with ``result``."""
    case_no = db.write(
        lambda s: cases.open_case(
            s, staff[Role.AFTERSALES], order_no, CaseType.EXCHANGE, quality=True,
            defect_location=defect,
        )
    ).case_no  # fmt: skip
    db.write(
        lambda s: s.execute(
            update(Case)
            .where(Case.case_no == case_no)
            .values(
                opened_at=local(day, 9),
                signoff_at=local(day + 3, 15),
                signoff_by="赵强",
                signoff_result=result.value,
            )
        )
    )
    return case_no


def month_of_work(db: Database, staff: dict[Role, Actor]) -> dict[str, str]:
    """One failure of each kind the records show, plus work done right (no proposal): the
    free-freight return is refunded within the platform's default deadline; the parcel the
    warehouse registered unannounced is not, which after-sales (who linked it) answers for."""
    presales, after = staff[Role.PRESALES], staff[Role.AFTERSALES]
    paid = free_orders(db, Stage.PAID, 4)
    shipped = free_orders(db, Stage.SHIPPED, 4)
    # a change recorded and never passed on; the order was printed as it was
    forgotten = db.write(
        lambda s: changes.request_special(
            s, presales, paid[0], special=SpecialKind.DELIVERY, text="周六上午"
        )
    )
    move_request(db, forgotten.id, requested_at=local(5, 10))
    printed(db, paid[0])
    # a cancellation recorded and never passed on; the order was printed all the same
    cancel = db.write(lambda s: changes.request_cancel(s, presales, paid[3], reason="拍错了"))
    move_request(db, cancel.id, requested_at=local(6, 14))
    printed(db, paid[3])
    # a request the printer never acknowledged
    late = db.write(
        lambda s: changes.request_special(
            s, presales, paid[1], special=SpecialKind.CARD, text="生日快乐", confirmed=True
        )
    )
    move_request(db, late.id, requested_at=local(10, 9, 50), confirmed_at=local(10, 10))
    # one acknowledged in 10 minutes: no proposal
    quick = db.write(
        lambda s: changes.request_special(
            s, presales, paid[2], special=SpecialKind.CARD, text="新婚快乐", confirmed=True
        )
    )
    db.write(lambda s: changes.acknowledge(s, staff[Role.PRINTER], quick.id))
    move_request(
        db,
        quick.id,
        requested_at=local(11, 9),
        confirmed_at=local(11, 10),
        done_at=local(11, 10, 10),
    )
    # free freight on a non-quality case, without a supervisor's approval
    free = db.write(lambda s: cases.open_case(s, after, shipped[0], CaseType.RETURN)).case_no
    db.write(
        lambda s: s.execute(
            update(Case)
            .where(Case.case_no == free)
            .values(freight_payer="shop", opened_at=local(12, 15), refund_at=local(13, 10))
        )
    )
    # a parcel that came back unannounced, linked by after-sales, never refunded
    parcel = db.write(
        lambda s: unannounced_parcels.register_unannounced(
            s, staff[Role.WAREHOUSE], tracking="YT7000000001"
        )
    ).case_no
    db.write(
        lambda s: unannounced_parcels.link(
            s, after, parcel, order_no=shipped[1], kind=CaseType.RETURN
        )
    )
    db.write(
        lambda s: s.execute(
            update(Case).where(Case.case_no == parcel).values(opened_at=local(20, 11))
        )
    )
    # quality claims: one the warehouse received without the defect's location; one with it,
    # free freight promised without a photo, and the warehouse did not find the defect
    unlocated = quality_claim(db, staff, shipped[2], 14, "", SignoffResult.AS_DESCRIBED)
    unphotographed = quality_claim(
        db, staff, shipped[3], 16, "左袖口开线", SignoffResult.NOT_AS_DESCRIBED
    )
    return {
        "forgotten": str(forgotten.id),
        "cancel": str(cancel.id),
        "unlocated": unlocated,
        "unphotographed": unphotographed,
        "late": str(late.id),
        "quick": str(quick.id),
        "free": free,
        "parcel": parcel,
    }


def set_points(db: Database, supervisor: Actor, username: str, points: int) -> None:
    """Bring a person's month to ``points`` with signed corrections (±100 at most each)."""
    change = points - 100
    while change:
        step = max(-100, min(100, change))
        db.write(
            lambda s, n=step: entries.add(
                s, supervisor, username, "correction", "band test", month=NOVEMBER, points=n
            )
        )
        change -= step


def confirm_all(db: Database, supervisor: Actor) -> None:
    """The supervisor confirms every proposal of November."""
    whole = db.read(lambda s: sheet.read(s, supervisor, NOVEMBER))
    for person in whole.people:
        for e in person.entries:
            if e.state is EntryState.PROPOSED:
                db.write(lambda s, i=e.id: entries.confirm(s, supervisor, i))


def complaint_and_late_dispute(
    db: Database, staff: dict[Role, Actor], dispute_no: str = "WQ2026111800001"
) -> tuple[str, str, str]:
    """A complaint confirmed against pre-sales on 15 November and a dispute whose deadline
    (18 November) passed with no outcome, owned by after-sales, on the same order:
    (complaint number, dispute number, order number)."""
    supervisor = staff[Role.SUPERVISOR]
    order_no = free_orders(db, Stage.SHIPPED, 1)[0]
    category = db.read(lambda s: list(settings.categories(s)))[0]
    opened = db.write(
        lambda s: complaints.open_complaint(
            s, supervisor, channel=Channel.IM, customer="", category=category,
            priority=Priority.GENERAL, text="客服态度不好", order_no=order_no, about="presales",
        )
    )  # fmt: skip
    db.write(lambda s: complaints.confirm(s, supervisor, opened.complaint_no, "核实属实"))
    db.write(
        lambda s: s.execute(
            update(Complaint)
            .where(Complaint.complaint_no == opened.complaint_no)
            .values(confirmed_at=local(15, 10))
        )
    )
    later = datetime.now().astimezone() + timedelta(days=3)  # a past deadline is refused
    db.write(
        lambda s: disputes.open_dispute(
            s, supervisor, order_no, dispute_no=dispute_no, deadline=later, claim="未收到货",
            owner="aftersales",
        )
    )  # fmt: skip
    # the clock of the scenario: it was opened in November and its deadline passed
    db.write(
        lambda s: s.execute(
            update(Dispute)
            .where(Dispute.dispute_no == dispute_no)
            .values(deadline=local(18, 12), opened_at=local(16, 9))
        )
    )
    return opened.complaint_no, dispute_no, order_no
