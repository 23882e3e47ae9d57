"""Proposals from issue 13's deadlines: a refund past the platform's deadline, an exchange's
tracking number never passed to the customer."""

from __future__ import annotations

from sqlalchemy import update

from app.models import Case, CaseType, Role, Stage
from app.services.cases import opening as cases
from app.services.scores import proposals, sheet
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
