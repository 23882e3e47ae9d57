"""Notes, signatures and stamps rewritten in their own tables are caught by ``audit verify``.

The log's own chain stays intact when only a note or a case's row is changed (the
append-only triggers dropped first); verify compares each with the entry that recorded it.
"""

from __future__ import annotations

from sqlalchemy import text

from app.models import CaseType, Role, SignoffResult
from app.services.cases import opening as cases
from app.services.cases import steps as case_steps
from app.services.core import audit
from app.services.orders import notes
from tests.audit_helpers import disable_guards
from tests.case_helpers import shipped_orders


def _details(db) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(p.kind, p.detail) for p in db.read(audit.verify).problems]


def test_rewritten_note_is_named_with_what_was_recorded(shop_db, shop_staff) -> None:
    order_no = shipped_orders(shop_db, 1)[0]
    note = shop_db.write(
        lambda s: notes.add(s, shop_staff[Role.PRESALES], order_no, "客户要求改地址")
    )
    assert shop_db.read(audit.verify).ok
    disable_guards(shop_db)
    with shop_db.engine.begin() as conn:
        conn.execute(
            text("UPDATE notes SET text = '客户同意不退', author_name = '李四' WHERE id = :i"),
            {"i": note.id},
        )
    where = f"note {note.id} (order {order_no})"
    presales = shop_staff[Role.PRESALES].display_name
    assert sorted(_details(shop_db)) == [
        ("differs", f"{where}: author recorded “{presales}”, now “李四”"),
        ("differs", f"{where}: text recorded “客户要求改地址”, now “客户同意不退”"),
    ]


def test_removed_and_slipped_in_notes_are_named(shop_db, shop_staff) -> None:
    order_no = shipped_orders(shop_db, 1)[0]
    first, second = (
        shop_db.write(lambda s, t=t: notes.add(s, shop_staff[Role.PRESALES], order_no, t))
        for t in ("一", "二")
    )
    disable_guards(shop_db)
    with shop_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM notes WHERE id = :i"), {"i": first.id})
        conn.execute(
            text(
                "INSERT INTO notes (id, order_id, author_id, author_name, created_at, text,"
                " flagged, kind) SELECT 999999, order_id, author_id, author_name, created_at,"
                " '补写的', flagged, kind FROM notes WHERE id = :i"
            ),
            {"i": second.id},
        )
    assert sorted(_details(shop_db)) == [
        ("removed", f"note {first.id} (order {order_no}) is gone"),
        ("unrecorded", f"note 999999 (order {order_no}) has no audit entry"),
    ]


def test_demo_notes_loaded_in_bulk_are_proved_by_their_digest(shop_db) -> None:
    disable_guards(shop_db)
    with shop_db.engine.begin() as conn:
        conn.execute(text("UPDATE notes SET text = 'x' WHERE id = (SELECT MIN(id) FROM notes)"))
    [(kind, detail)] = _details(shop_db)
    assert kind == "differs" and "(demo.load) changed since loading" in detail


def test_signatures_and_stamps_rewritten_on_a_case_are_named(shop_db, shop_staff) -> None:
    after, warehouse = shop_staff[Role.AFTERSALES], shop_staff[Role.WAREHOUSE]
    goods, recall = shipped_orders(shop_db, 2)
    returned = shop_db.write(lambda s: cases.open_case(s, after, goods, CaseType.RETURN))
    shop_db.write(
        lambda s: case_steps.signoff(
            s, warehouse, returned.case_no, result=SignoffResult.DAMAGED, notes_text="鞋盒压坏"
        )
    )
    recalled = shop_db.write(lambda s: cases.open_case(s, after, recall, CaseType.RECALL))
    shop_db.write(
        lambda s: case_steps.parcel_received(s, shop_staff[Role.PRINTER], recalled.case_no)
    )
    assert shop_db.read(audit.verify).ok
    with shop_db.engine.begin() as conn:  # cases have no trigger: the app updates them
        conn.execute(
            text(
                "UPDATE cases SET signoff_result = 'as_described', signoff_by = '李四'"
                " WHERE case_no = :c"
            ),
            {"c": returned.case_no},
        )
        conn.execute(
            text("UPDATE cases SET parcel_back_at = opened_at WHERE case_no = :c"),
            {"c": recalled.case_no},
        )
    found = _details(shop_db)
    assert [k for k, _ in found] == ["differs"] * 3
    details = " | ".join(d for _, d in found)
    assert (
        f"case {returned.case_no}: signoff_by recorded “{warehouse.display_name}”, now “李四”"
        in details
    )
    assert f"case {returned.case_no}: signoff_result recorded “damaged”, now “as_described”" in (
        details
    )
    assert f"case {recalled.case_no}: parcel_back_at recorded" in details


def test_notes_and_log_emptied_are_caught(shop_db, shop_staff) -> None:
    """TRUNCATE (DELETE on SQLite) by someone who first disabled the triggers."""
    order_no = shipped_orders(shop_db, 1)[0]
    note = shop_db.write(lambda s: notes.add(s, shop_staff[Role.PRESALES], order_no, "留言"))
    printed = shop_db.read(audit.anchor)
    empty = "DELETE FROM {}" if shop_db.is_sqlite else "TRUNCATE {}"
    disable_guards(shop_db)
    with shop_db.engine.begin() as conn:
        conn.execute(text(empty.format("notes")))
    found = _details(shop_db)
    assert ("removed", f"note {note.id} (order {order_no}) is gone") in found
    assert any("(demo.load) changed since loading" in d for _, d in found)
    with shop_db.engine.begin() as conn:  # the log too, and its head made to agree
        conn.execute(text(empty.format("audit_log")))
        conn.execute(text("UPDATE audit_head SET last_id = 0, count = 0, last_hash = :h"),
                     {"h": audit.GENESIS})  # fmt: skip
    problems = shop_db.read(lambda s: audit.verify(s, printed)).problems
    assert [(p.kind, p.entry_id) for p in problems][:1] == [("truncated", 1)]
    assert f"0 entries left; the printed head {printed.text().split(':')[1]}" in problems[0].detail
