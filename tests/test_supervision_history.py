"""Reminders, reassignments, escalations, the daily review and complaints' steps are signed,
dated and append-only like notes (issue 13): the database refuses to rewrite or delete them,
whoever asks (migration 0023), and ``audit verify`` names one rewritten behind its back
(app/services/core/audit_signed.py). SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.db import Database
from app.models import CaseType, Role
from app.models.complaint_enums import Channel, Priority
from app.services.cases import opening as cases
from app.services.complaints import complaints
from app.services.core import audit
from app.services.core.actor import Actor
from app.services.supervision import followups
from app.services.supervision import review as reviews
from tests.audit_helpers import disable_guards
from tests.case_helpers import shipped_orders

HISTORY = ("task_followups", "daily_reviews", "complaint_steps")


def add_history(db: Database, staff: dict[Role, Actor], order_no: str = "") -> dict[str, Any]:
    """A reminder and a reassignment, the day's review, a complaint with two steps."""
    after, boss = staff[Role.AFTERSALES], staff[Role.SUPERVISOR]
    order_no = order_no or shipped_orders(db, 1)[0]
    case = db.write(lambda s: cases.open_case(s, after, order_no, CaseType.REFUND_ONLY))
    reminded = db.write(
        lambda s: followups.remind(s, boss, "refund_waiting", case.case_no, "今天退款")
    )
    moved = db.write(
        lambda s: followups.reassign(s, boss, "refund_waiting", case.case_no, "supervisor")
    )
    db.write(lambda s: reviews.mark_done(s, boss))
    opened = db.write(
        lambda s: complaints.open_complaint(
            s, after, channel=Channel.PHONE, customer="tb_王", category="发错货",
            priority=Priority.URGENT, text="发错颜色",
        )
    )  # fmt: skip
    db.write(lambda s: complaints.respond(s, after, opened.complaint_no, "已致歉"))
    return {"case": case.case_no, "reminded": reminded, "moved": moved,
            "complaint": opened.complaint_no}  # fmt: skip


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


@pytest.mark.parametrize("table", HISTORY)
@pytest.mark.parametrize("verb", ["UPDATE {} SET by_name = '李四'", "DELETE FROM {}"])
def test_raw_sql_cannot_rewrite_or_delete_the_supervisions_records(
    shop_db, shop_staff, table: str, verb: str
) -> None:
    add_history(shop_db, shop_staff)
    before = _count(shop_db, table)
    with pytest.raises(DBAPIError, match="append-only"), shop_db.engine.begin() as conn:
        conn.execute(text(verb.format(table)))
    with shop_db.engine.connect() as conn:
        names = conn.execute(text(f"SELECT DISTINCT by_name FROM {table}")).scalars().all()
    assert _count(shop_db, table) == before > 0 and "李四" not in names
    if not shop_db.is_sqlite:  # row triggers do not fire on TRUNCATE: a trigger of its own
        with pytest.raises(DBAPIError, match="append-only"), shop_db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {table} CASCADE"))
    assert shop_db.read(audit.verify).ok


def _details(db: Database) -> list[tuple[str, str]]:
    return sorted((p.kind, p.detail) for p in db.read(audit.verify).problems)


def test_a_rewritten_reminder_review_or_step_is_named_by_audit_verify(shop_db, shop_staff) -> None:
    done = add_history(shop_db, shop_staff)
    reminded, no = done["reminded"], done["complaint"]
    disable_guards(shop_db)
    with shop_db.engine.begin() as conn:
        conn.execute(text("UPDATE task_followups SET text = '不用退' WHERE id = :i"),
                     {"i": reminded.id})  # fmt: skip
        conn.execute(text("UPDATE daily_reviews SET by_name = '李四'"))
        conn.execute(text("UPDATE complaint_steps SET text = '客户没意见' WHERE kind = 'respond'"))
        step = conn.execute(text("SELECT id FROM complaint_steps WHERE kind = 'respond'"))
        step_id = step.scalar_one()
    task = f"refund_waiting:{done['case']}"
    day = shop_db.read(reviews.today).isoformat()
    assert _details(shop_db) == [
        ("differs", f"complaint {no}, step {step_id}: text recorded “已致歉”, now “客户没意见”"),
        ("differs", f"follow-up {reminded.id} ({task}): text recorded “今天退款”, now “不用退”"),
        ("differs", f"review of {day} by 李四: by recorded “陈静”, now “李四”"),
    ]


def test_removed_and_slipped_in_records_are_named(shop_db, shop_staff) -> None:
    done = add_history(shop_db, shop_staff)
    moved, no = done["moved"], done["complaint"]
    empty = "DELETE FROM {}" if shop_db.is_sqlite else "TRUNCATE {} CASCADE"
    disable_guards(shop_db)
    with shop_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM task_owners"))  # it refers to the reassignment
        conn.execute(text("DELETE FROM task_followups WHERE id = :i"), {"i": moved.id})
        conn.execute(text(empty.format("daily_reviews")))
        conn.execute(
            text(
                "INSERT INTO complaint_steps (id, complaint_id, kind, text, by_id, by_name, at)"
                " SELECT 99999, complaint_id, 'resolve', '已解决', by_id, by_name, at"
                " FROM complaint_steps WHERE kind = 'respond'"
            )
        )
    day = shop_db.read(reviews.today).isoformat()
    assert _details(shop_db) == [
        ("removed", f"follow-up {moved.id} (refund_waiting:{done['case']}) is gone"),
        ("removed", f"review of {day} by 陈静 is gone"),
        ("unrecorded", f"complaint {no}, step 99999 has no audit entry"),
    ]
