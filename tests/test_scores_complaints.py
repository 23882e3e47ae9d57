"""Proposals from issue 13's records: a confirmed complaint, a dispute past its deadline."""

from __future__ import annotations

from app.models import Role
from app.services.scores import proposals, sheet
from tests.score_helpers import NOVEMBER, NOW, complaint_and_late_dispute


def test_a_confirmed_complaint_and_a_late_dispute_are_proposed(shop_db, shop_staff) -> None:
    supervisor = shop_staff[Role.SUPERVISOR]
    complaint_and_late_dispute(shop_db, shop_staff)
    shop_db.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    whole = shop_db.read(lambda s: sheet.read(s, supervisor, NOVEMBER))
    found = {(e.username, e.rule.code, e.points) for p in whole.people for e in p.entries}
    assert ("presales", "complaint_confirmed", -3) in found
    assert ("aftersales", "dispute_late", -3) in found
