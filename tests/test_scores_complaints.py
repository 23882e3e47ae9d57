"""Proposals from issue 13's records: a confirmed complaint, a dispute past its deadline."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update

from app.models import Complaint, Dispute, Role, Stage
from app.models.complaint_enums import Channel, Priority
from app.services.complaints import complaints, disputes, settings
from app.services.scores import proposals, sheet
from tests.score_helpers import NOVEMBER, NOW, free_orders, local


def test_a_confirmed_complaint_and_a_late_dispute_are_proposed(shop_db, shop_staff) -> None:
    supervisor = shop_staff[Role.SUPERVISOR]
    order_no = free_orders(shop_db, Stage.SHIPPED, 1)[0]
    category = shop_db.read(lambda s: list(settings.categories(s)))[0]
    opened = shop_db.write(
        lambda s: complaints.open_complaint(
            s, supervisor, channel=Channel.IM, customer="", category=category,
            priority=Priority.GENERAL, text="客服态度不好", order_no=order_no, about="presales",
        )
    )  # fmt: skip
    shop_db.write(lambda s: complaints.confirm(s, supervisor, opened.complaint_no, "核实属实"))
    shop_db.write(
        lambda s: s.execute(
            update(Complaint)
            .where(Complaint.complaint_no == opened.complaint_no)
            .values(confirmed_at=local(15, 10))
        )
    )
    later = datetime.now().astimezone() + timedelta(days=3)  # a past deadline is refused
    shop_db.write(
        lambda s: disputes.open_dispute(
            s, supervisor, order_no, dispute_no="WQ2026111800001", deadline=later,
            claim="未收到货", owner="aftersales",
        )
    )  # fmt: skip
    # the clock of the scenario: it was opened in November and its deadline passed
    shop_db.write(
        lambda s: s.execute(
            update(Dispute)
            .where(Dispute.dispute_no == "WQ2026111800001")
            .values(deadline=local(18, 12), opened_at=local(16, 9))
        )
    )
    shop_db.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    whole = shop_db.read(lambda s: sheet.read(s, supervisor, NOVEMBER))
    found = {(e.username, e.rule.code, e.points) for p in whole.people for e in p.entries}
    assert ("presales", "complaint_confirmed", -3) in found
    assert ("aftersales", "dispute_late", -3) in found
