"""A parcel the warehouse registered unannounced is after-sales' case once they link it: its
refund tasks and its score proposals go to the after-sales person who linked it, while the
case still says the warehouse registered it (both databases)."""

from __future__ import annotations

from sqlalchemy import select, update

from app import migrations
from app.models import Case, CaseType, Role, SignoffResult, Stage
from app.services.cases import opening as cases
from app.services.cases import steps as case_steps
from app.services.cases import unannounced_parcels
from app.services.scores import proposals, sheet
from app.services.supervision import tasks
from app.services.supervision.deadlines import TaskKind
from tests.score_helpers import NOVEMBER, NOW, free_orders, local


def _linked_parcel(db, staff) -> str:
    """Registered by the warehouse, linked by after-sales, signed for by the warehouse."""
    warehouse, after = staff[Role.WAREHOUSE], staff[Role.AFTERSALES]
    (order_no,) = free_orders(db, Stage.SHIPPED, 1)
    parcel = db.write(
        lambda s: unannounced_parcels.register_unannounced(s, warehouse, tracking="YT7000000009")
    ).case_no
    db.write(
        lambda s: unannounced_parcels.link(
            s, after, parcel, order_no=order_no, kind=CaseType.RETURN
        )
    )
    db.write(lambda s: case_steps.signoff(s, warehouse, parcel, result=SignoffResult.AS_DESCRIBED))
    return parcel


def _my_task_keys(db, actor, kind: TaskKind) -> set[str]:
    listing = db.read(lambda s: tasks.my_tasks(s, actor))
    return {t.key for t in listing.tasks if t.kind is kind}


def test_a_linked_parcel_waits_for_its_refund_in_after_sales_tasks(shop_db, shop_staff) -> None:
    warehouse, after = shop_staff[Role.WAREHOUSE], shop_staff[Role.AFTERSALES]
    parcel = _linked_parcel(shop_db, shop_staff)
    assert parcel in _my_task_keys(shop_db, after, TaskKind.REFUND_WAITING)
    assert not any(
        t.key == parcel for t in shop_db.read(lambda s: tasks.my_tasks(s, warehouse)).tasks
    )
    # history is not rewritten: the case still says the warehouse registered it
    assert shop_db.read(lambda s: cases.get(s, parcel)).opened_by == warehouse.display_name


def test_a_late_refund_on_a_linked_parcel_is_proposed_against_after_sales(
    shop_db, shop_staff
) -> None:
    supervisor = shop_staff[Role.SUPERVISOR]
    parcel = _linked_parcel(shop_db, shop_staff)
    shop_db.write(  # the platform's default deadline passes on the 8th, never refunded
        lambda s: s.execute(
            update(Case).where(Case.case_no == parcel).values(opened_at=local(5, 10))
        )
    )
    shop_db.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    whole = shop_db.read(lambda s: sheet.read(s, supervisor, NOVEMBER))
    late = {
        (e.username, e.evidence_key) for p in whole.people for e in p.entries
        if e.rule.code == "refund_late"
    }  # fmt: skip
    assert late == {("aftersales", parcel)}


def test_upgrading_gives_a_parcel_linked_before_to_the_person_who_linked_it(
    shop_db, shop_staff
) -> None:
    """Cases linked before the owner was kept take it from the link's audit record."""
    parcel = _linked_parcel(shop_db, shop_staff)
    migrations.downgrade(shop_db, "0021")
    assert migrations.upgrade(shop_db) is True
    handled = shop_db.read(
        lambda s: s.execute(select(Case.handled_by_id).where(Case.case_no == parcel)).scalar()
    )
    assert handled == shop_staff[Role.AFTERSALES].user_id
    assert parcel in _my_task_keys(shop_db, shop_staff[Role.AFTERSALES], TaskKind.REFUND_WAITING)
