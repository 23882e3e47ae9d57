"""Finding orders, paging the list, stage moves and optimistic locking."""

from __future__ import annotations

import pytest

from app.models import Role, Stage
from app.models.errors import Conflict, InvalidInput, PermissionDenied, TransitionRefused
from app.services.orders import editing, moves
from app.services.orders import lookup as orders


def _sample(db, stage: Stage | None = None):
    return db.read(lambda s: orders.list_page(s, stage=stage, limit=50))


def test_find_by_every_key(shop_db) -> None:
    target = next(r for r in _sample(shop_db) if r.tracking_no)
    for key in (target.order_no, target.tracking_no, target.recipient_phone, target.buyer_id):
        hits = shop_db.read(lambda s, k=key: orders.find(s, k))
        assert target.order_no in [h.order_no for h in hits], key
    assert shop_db.read(lambda s: orders.find(s, target.order_no)) == [target]


def test_find_by_part_of_a_chinese_name(shop_db) -> None:
    rows = [
        r for r in _sample(shop_db) if len(r.recipient_name) == 3 and r.recipient_name.isalpha()
    ]
    target = rows[0]
    given = target.recipient_name[1:]  # two characters of a three-character name
    hits = shop_db.read(lambda s: orders.find(s, given))
    assert target.order_no in [h.order_no for h in hits]
    assert all(given in h.recipient_name for h in hits)


def test_find_by_part_of_a_latin_name_ignores_case_and_spaces(shop_db) -> None:
    target = next(r for r in _sample(shop_db) if " " in r.recipient_name)
    first, last = target.recipient_name.split(" ", 1)
    for query in (last.upper(), f"{first[-2:]} {last[:2]}".lower()):
        hits = shop_db.read(lambda s, q=query: orders.find(s, q))
        assert target.order_no in [h.order_no for h in hits], query


def test_find_nothing(shop_db) -> None:
    assert shop_db.read(lambda s: orders.find(s, "没有这个人")) == []
    assert shop_db.read(lambda s: orders.find(s, "   ")) == []


def test_keyset_pages_cover_every_order_once(shop_db) -> None:
    seen: list[str] = []
    before = None
    while True:
        page = shop_db.read(lambda s, b=before: orders.list_page(s, before_id=b, limit=64))
        if not page:
            break
        seen.extend(r.order_no for r in page)
        before = page[-1].id
    assert len(seen) == len(set(seen)) == shop_db.read(orders.count) == 300


def test_stage_filter(shop_db) -> None:
    shipped = _sample(shop_db, Stage.SHIPPED)
    assert shipped and all(r.stage == "shipped" for r in shipped)


def test_stage_moves_follow_the_table_and_roles(shop_db, shop_staff) -> None:
    row = _sample(shop_db, Stage.PACKED)[0]
    with pytest.raises(PermissionDenied, match="Warehouse"):
        shop_db.write(
            lambda s: moves.move(
                s, shop_staff[Role.PRESALES], row.order_no, Stage.SHIPPED, expected_version=None
            )
        )
    with pytest.raises(TransitionRefused, match="cannot go from"):
        shop_db.write(
            lambda s: moves.move(
                s, shop_staff[Role.WAREHOUSE], row.order_no, Stage.PAID, expected_version=None
            )
        )
    moved = shop_db.write(
        lambda s: moves.move(
            s, shop_staff[Role.WAREHOUSE], row.order_no, Stage.SHIPPED, expected_version=1
        )
    )
    assert moved.stage == "shipped" and moved.version == 2 and moved.updated_by == "赵强"
    packed = shop_db.read(lambda s: orders.get(s, _sample(shop_db, Stage.PACKED)[0].order_no))
    assert moves.allowed_moves(packed, shop_staff[Role.WAREHOUSE]) == [Stage.SHIPPED]
    assert moves.allowed_moves(packed, shop_staff[Role.PRESALES]) == []


def test_second_editor_gets_a_conflict_naming_the_first(shop_db, shop_staff) -> None:
    row = _sample(shop_db, Stage.PRINTED)[0]
    seen = shop_db.read(lambda s: orders.get(s, row.order_no))
    printer, warehouse = shop_staff[Role.PRINTER], shop_staff[Role.WAREHOUSE]
    shop_db.write(
        lambda s: editing.set_tracking(
            s,
            printer,
            row.order_no,
            courier="顺丰速运",
            tracking_no="SF1234567890",
            expected_version=seen.version,
        )
    )
    with pytest.raises(Conflict, match="changed by 王芳 at") as err:
        shop_db.write(
            lambda s: editing.set_tracking(
                s,
                warehouse,
                row.order_no,
                courier="圆通速递",
                tracking_no="YT9999999999",
                expected_version=seen.version,
            )
        )
    assert "nothing was saved" in str(err.value)
    after = shop_db.read(lambda s: orders.get(s, row.order_no))
    assert (after.courier, after.tracking_no) == ("顺丰速运", "SF1234567890")


def test_bad_tracking_number(shop_db, shop_staff) -> None:
    row = _sample(shop_db, Stage.PRINTED)[0]
    with pytest.raises(InvalidInput, match="not a tracking number"):
        shop_db.write(
            lambda s: editing.set_tracking(
                s,
                shop_staff[Role.PRINTER],
                row.order_no,
                courier="顺丰速运",
                tracking_no="SF 12",
                expected_version=None,
            )
        )
