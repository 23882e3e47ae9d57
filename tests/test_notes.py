"""Rule 1: every note is signed and dated, and can never be edited or deleted."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.models import Role
from app.models.errors import InvalidInput, NotFound
from app.models.formats import seed_date
from app.services.orders import lookup as orders
from app.services.orders import notes


def _first_order(db) -> str:
    return db.read(lambda s: orders.list_page(s, limit=1))[0].order_no


def test_note_is_signed_with_author_and_database_date(shop_db, shop_staff) -> None:
    order_no = _first_order(shop_db)
    clerk = shop_staff[Role.PRESALES]
    note = shop_db.write(
        lambda s: notes.add(
            s, clerk, order_no, "客户要求修改地址，新地址为：浙江省杭州市西湖区文三路1号"
        )
    )
    assert note.author == "张三"
    address = "客户要求修改地址，新地址为：浙江省杭州市西湖区文三路1号"
    assert note.display == f"{address}---{seed_date(note.created_at)} 张三"
    shown = shop_db.read(lambda s: orders.get(s, order_no))
    assert shown.notes[-1].display == note.display
    assert not shown.notes[-1].flagged


def test_flagged_note_marks_the_order(shop_db, shop_staff) -> None:
    order_no = _first_order(shop_db)
    shop_db.write(
        lambda s: notes.add(s, shop_staff[Role.PRESALES], order_no, "客户要求发顺丰", flagged=True)
    )
    detail = shop_db.read(lambda s: orders.get(s, order_no))
    assert detail.notes[-1].flagged
    assert detail.flagged


def test_correction_is_a_new_note_referring_to_the_old(shop_db, shop_staff) -> None:
    order_no = _first_order(shop_db)
    clerk = shop_staff[Role.PRESALES]
    first = shop_db.write(lambda s: notes.add(s, clerk, order_no, "客户要求贺卡写：生日快乐"))
    fix = shop_db.write(
        lambda s: notes.add(s, clerk, order_no, "更正：贺卡写“新婚快乐”", corrects_id=first.id)
    )
    texts = [n.text for n in shop_db.read(lambda s: notes.for_order(s, order_no))]
    assert texts[-2:] == ["客户要求贺卡写：生日快乐", "更正：贺卡写“新婚快乐”"]
    assert fix.corrects_id == first.id


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "cannot be empty"),
        ("   \n ", "cannot be empty"),
        ("x" * 1001, "too long"),
        ("bell\x07", "control character"),
        ("好的---2026.11.24 李娜", "signature"),
    ],
)
def test_bad_notes_are_refused_and_nothing_is_saved(shop_db, shop_staff, typed, fragment) -> None:
    order_no = _first_order(shop_db)
    before = shop_db.read(lambda s: notes.for_order(s, order_no))
    with pytest.raises(InvalidInput, match=fragment):
        shop_db.write(lambda s: notes.add(s, shop_staff[Role.PRESALES], order_no, typed))
    assert shop_db.read(lambda s: notes.for_order(s, order_no)) == before


def test_note_on_unknown_order(shop_db, shop_staff) -> None:
    with pytest.raises(NotFound, match="no order 999"):
        shop_db.write(lambda s: notes.add(s, shop_staff[Role.PRESALES], "999", "hello"))


@pytest.mark.parametrize("statement", ["UPDATE notes SET text = 'rewritten'", "DELETE FROM notes"])
def test_raw_sql_cannot_rewrite_or_delete_notes(shop_db, shop_staff, statement) -> None:
    order_no = _first_order(shop_db)
    shop_db.write(lambda s: notes.add(s, shop_staff[Role.PRESALES], order_no, "原始备注"))
    with pytest.raises(DBAPIError, match="append-only"), shop_db.engine.begin() as conn:
        conn.execute(text(statement))
    assert shop_db.read(lambda s: notes.for_order(s, order_no))[-1].text == "原始备注"
