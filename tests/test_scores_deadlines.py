"""Proposals from issue 13's deadlines: a refund past the platform's deadline, an exchange's
tracking number never passed to the customer."""

from __future__ import annotations

from sqlalchemy import select, update

from app.models import Case, CaseType, Order, Role, Stage
from app.services.cases import opening as cases
from app.services.scores import proposals, sheet
from app.services.supervision import clock, deadline_settings
from tests.score_helpers import NOVEMBER, NOW, free_orders, local


def test_a_late_refund_and_an_exchange_number_never_told_are_proposed(shop_db, shop_staff) -> None:
    after, supervisor = shop_staff[Role.AFTERSALES], shop_staff[Role.SUPERVISOR]
    first, second, third = free_orders(shop_db, Stage.SHIPPED, 3)
    late = shop_db.write(lambda s: cases.open_case(s, after, first, CaseType.RETURN)).case_no
    untold = shop_db.write(lambda s: cases.open_case(s, after, second, CaseType.EXCHANGE)).case_no
    told = shop_db.write(lambda s: cases.open_case(s, after, third, CaseType.EXCHANGE)).case_no
    move = lambda no, **values: shop_db.write(  # noqa: E731
        lambda s: s.execute(update(Case).where(Case.case_no == no).values(**values))
    )
    move(late, opened_at=local(5, 10), platform_deadline=local(12, 10))
    move(untold, opened_at=local(6, 10), exchange_at=local(10, 15))
    move(told, opened_at=local(6, 11), exchange_at=local(10, 15), customer_told_at=local(10, 17))
    shop_db.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    whole = shop_db.read(lambda s: sheet.read(s, supervisor, NOVEMBER))
    found = {(e.rule.code, e.evidence_key) for p in whole.people for e in p.entries}
    assert ("refund_late", late) in found
    assert ("exchange_no_not_told", untold) in found
    assert ("exchange_no_not_told", told) not in found


def test_a_case_without_an_entered_deadline_is_judged_by_its_shops_default(
    shop_db, shop_staff, monkeypatch
) -> None:
    """The shop's own platform refund deadline (48 h here, the team's 72 h) counts from the
    case's opening, as My tasks shows it; a deadline entered on the case wins."""
    after, supervisor = shop_staff[Role.AFTERSALES], shop_staff[Role.SUPERVISOR]
    numbers = free_orders(shop_db, Stage.SHIPPED, 5)
    opened = [
        shop_db.write(lambda s, no=no: cases.open_case(s, after, no, CaseType.RETURN)).case_no
        for no in numbers
    ]
    never, in_time, past_shop, entered, not_yet = opened
    shop = shop_db.read(
        lambda s: s.execute(select(Order.shop_id).where(Order.order_no == numbers[0])).scalar()
    )
    shop_db.write(
        lambda s: s.execute(update(Order).where(Order.order_no.in_(numbers)).values(shop_id=shop))
    )
    shop_db.write(
        lambda s: deadline_settings.set_duration(
            s, shop_staff[Role.ADMIN], "platform_refund", "48", shop=shop
        )
    )
    move = lambda no, **values: shop_db.write(  # noqa: E731
        lambda s: s.execute(update(Case).where(Case.case_no == no).values(**values))
    )
    move(never, opened_at=local(5, 10))  # due the 7th at 10:00, never refunded
    move(in_time, opened_at=local(10, 10), refund_at=local(12, 9))  # 47 h: in time
    move(past_shop, opened_at=local(14, 10), refund_at=local(17, 9))  # 71 h: late for the shop
    move(entered, opened_at=local(5, 10), platform_deadline=local(20, 10), refund_at=local(15, 9))
    move(not_yet, opened_at=local(30, 20))  # due 2 December 20:00: not passed on the 1st
    monkeypatch.setenv(clock.ENV, NOW.isoformat())
    for _ in range(2):  # proposed once, however often the supervisor asks
        shop_db.write(lambda s: proposals.propose(s, supervisor, NOVEMBER))
    whole = shop_db.read(lambda s: sheet.read(s, supervisor, NOVEMBER))
    late = [e.evidence_key for p in whole.people for e in p.entries if e.rule.code == "refund_late"]
    assert sorted(late) == sorted([never, past_shop])
    # the reason names the shop's deadline, the one My tasks shows
    reasons = {e.evidence_key: e for p in whole.people for e in p.entries}
    assert "2026-11-07 10:00" in reasons[never].reason_text()
