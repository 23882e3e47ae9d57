"""The audit log is hash-chained: edits behind the app's back are reported."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.models import Role
from app.services.core import audit
from app.services.orders import lookup as orders
from app.services.orders import notes


def _some_history(db, actors) -> None:
    order_no = db.read(lambda s: orders.list_page(s, limit=1))[0].order_no
    for i in range(4):
        db.write(lambda s, i=i: notes.add(s, actors[Role.PRESALES], order_no, f"备注 {i}"))


def _disable_guard(db) -> None:
    """What an intruder with the database owner's rights would do first."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))


def test_intact_chain_verifies(shop_db, shop_staff) -> None:
    _some_history(shop_db, shop_staff)
    report = shop_db.read(audit.verify)
    assert report.ok and report.checked == shop_db.read(audit.count) > 4


def test_audit_rows_cannot_be_edited_with_plain_sql(shop_db, shop_staff) -> None:
    _some_history(shop_db, shop_staff)
    with pytest.raises(DBAPIError, match="append-only"), shop_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor_name = 'nobody'"))


def test_altered_entry_is_reported(shop_db, shop_staff) -> None:
    _some_history(shop_db, shop_staff)
    _disable_guard(shop_db)
    with shop_db.engine.begin() as conn:
        target = conn.execute(
            text("SELECT id FROM audit_log WHERE action = 'note.add' ORDER BY id LIMIT 1")
        ).scalar_one()
        conn.execute(text("UPDATE audit_log SET actor_name = '李四' WHERE id = :i"), {"i": target})
    report = shop_db.read(audit.verify)
    # the entry no longer hashes, and the note it recorded no longer matches its author
    assert [(p.entry_id, p.kind) for p in report.problems] == [
        (target, "altered"),
        (target, "differs"),
    ]


def test_removed_entries_are_reported(shop_db, shop_staff) -> None:
    _some_history(shop_db, shop_staff)
    _disable_guard(shop_db)
    with shop_db.engine.begin() as conn:
        last = conn.execute(text("SELECT MAX(id) FROM audit_log")).scalar_one()
        conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": last - 2})
    kinds = {p.kind for p in shop_db.read(audit.verify).problems}
    assert "removed" in kinds


def test_truncated_tail_is_reported(shop_db, shop_staff) -> None:
    _some_history(shop_db, shop_staff)
    _disable_guard(shop_db)
    with shop_db.engine.begin() as conn:
        last = conn.execute(text("SELECT MAX(id) FROM audit_log")).scalar_one()
        conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": last})
    problems = shop_db.read(audit.verify).problems
    # the newest note lost the entry that recorded it
    assert [p.kind for p in problems] == ["truncated", "unrecorded"]
