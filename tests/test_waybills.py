"""Waybill numbers (issue 11, section 1): couriers' patterns kept as data, number pools loaded
by an administrator, refusals that name the problem and change nothing (both databases)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import AuditEntry, Order, Role, Shop, WaybillLoad, WaybillNumber
from app.models.errors import InvalidInput, NotFound, PermissionDenied
from app.services.dispatch import pools, waybills

SHOP = "悦步鞋履旗舰店"


@pytest.fixture
def shop(db: Database, staff) -> str:  # type: ignore[no-untyped-def]
    db.write(lambda s: s.add(Shop(name=SHOP, platform="tmall")))
    return SHOP


def _numbers(db: Database) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(WaybillNumber)))


def _audits(db: Database) -> int:
    return db.read(lambda s: s.scalar(select(func.count()).select_from(AuditEntry)))


def test_a_number_is_checked_against_its_couriers_pattern(db, staff) -> None:
    couriers = db.read(waybills.Couriers)
    sf = couriers.get("顺丰")
    assert couriers.get("SF") == sf == couriers.get("ｓｆ")  # code, alias, full width
    assert waybills.check(sf, " sf1234567890123 ") == "SF1234567890123"
    assert waybills.check(couriers.get("中通快递"), "773012345678") == "773012345678"
    assert waybills.check(couriers.get("EMS"), "EA123456785CN") == "EA123456785CN"
    assert waybills.check(couriers.get("京东物流"), "JDVA01234567890")
    with pytest.raises(InvalidInput) as refused:
        waybills.check(couriers.get("YTO"), "ZT12345")
    message = refused.value.message()
    assert "ZT12345" in message and "YT\\d{13,15}" in message and "YT1234567890123" in message
    with pytest.raises(NotFound, match="No courier “闪电快递” is known"):
        couriers.get("闪电快递")


@pytest.mark.parametrize(
    "number", ["419738635979", "852000112345", "312345678901", "75312345678901", "78123456789012",
               "731234567890123"],
)  # fmt: skip
def test_real_zto_numbers_fit_and_letters_or_short_ones_do_not(db, staff, number) -> None:
    """12 to 15 digits, whatever they start with (the default before migration 0025 refused
    12-digit numbers like 419738635979 and those starting 8 or 3)."""
    zto = db.read(lambda s: waybills.find_courier(s, "ZTO"))
    assert waybills.check(zto, number) == number
    for wrong in ("ZT1234567890", "41973863597", "4197386359791234", "4197-3863-5979"):
        with pytest.raises(InvalidInput) as refused:
            waybills.check(zto, wrong)
        assert "not a 中通快递 waybill number" in refused.value.message()
        assert "\\d{12,15}" in refused.value.message()


def test_the_demo_shops_waybill_numbers_fit_their_couriers_patterns(shop_db: Database) -> None:
    """A demo order's number (75…, not ZT…) is one its courier's pattern takes, so the demo's
    parcels can be packed and handed over as they are."""
    shipped = shop_db.read(
        lambda s: s.execute(
            select(Order.courier, Order.tracking_no).where(Order.tracking_no.is_not(None))
        ).all()
    )
    couriers = shop_db.read(waybills.Couriers)
    for courier, number in shipped:
        assert waybills.check(couriers.get(courier), number) == number
    seen = {c for c, _ in shipped}
    assert seen == {"顺丰速运", "圆通速递", "中通快递", "韵达快递", "EMS", "京东物流"}


def test_an_administrator_adds_and_edits_a_couriers_pattern(db, staff) -> None:
    admin, printer = staff[Role.ADMIN], staff[Role.PRINTER]
    with pytest.raises(PermissionDenied):
        db.write(lambda s: waybills.save_courier(s, printer, "DBL", name="德邦", pattern=r"\d{10}"))
    with pytest.raises(InvalidInput, match="not a valid pattern"):
        db.write(lambda s: waybills.save_courier(s, admin, "DBL", name="德邦快递", pattern="(["))
    with pytest.raises(InvalidInput, match="is not a 德邦快递 waybill number"):
        db.write(
            lambda s: waybills.save_courier(
                s, admin, "DBL", name="德邦快递", pattern=r"DPK\d{12}", example="123"
            )
        )
    added = db.write(
        lambda s: waybills.save_courier(
            s, admin, "dbl", name="德邦快递", pattern=r"DPK\d{12}", example="DPK123456789012",
            aliases=["德邦"],
        )
    )  # fmt: skip
    assert added.code == "DBL" and db.read(waybills.Couriers).get("德邦") == added
    with pytest.raises(InvalidInput, match="already names the courier SF"):
        db.write(lambda s: waybills.save_courier(s, admin, "DBL", aliases=["顺丰"]))
    edited = db.write(lambda s: waybills.save_courier(s, admin, "SF", pattern=r"SF\d{13}"))
    assert edited.pattern == r"SF\d{13}" and edited.name == "顺丰速运"
    with pytest.raises(InvalidInput, match=r"SF\\d\{13\}"):
        waybills.check(edited, "SF12345678901")


def test_a_pool_is_loaded_from_a_list_and_a_range(db, staff, shop, tmp_path) -> None:
    admin = staff[Role.ADMIN]
    listing = tmp_path / "branch.csv"
    listing.write_text("运单号\n773000000001\n773000000002 \n\n773000000003\n", encoding="gbk")
    numbers = pools.read_list(listing)
    assert numbers == [(2, "773000000001"), (3, "773000000002"), (5, "773000000003")]
    done = db.write(lambda s: pools.load(s, admin, "中通", shop, numbers, source=listing.name))
    assert (done.count, done.left, done.courier) == (3, 3, "中通快递")
    more = db.write(
        lambda s: pools.load(s, admin, "ZTO", shop, first_last="773000000100-773000000149")
    )
    assert more.count == 50 and more.left == 53
    [row] = db.read(lambda s: pools.left(s, admin))
    assert (row.courier_code, row.shop, row.left, row.taken) == ("ZTO", SHOP, 53, 0)
    assert row.low  # below the default threshold of 100
    db.write(lambda s: pools.set_threshold(s, admin, shop, 20))
    assert not db.read(lambda s: pools.left(s, admin))[0].low


def test_bad_loads_say_why_and_change_nothing(db, staff, shop, tmp_path) -> None:
    admin = staff[Role.ADMIN]
    db.write(lambda s: pools.load(s, admin, "ZTO", shop, first_last="773000000001-773000000010"))
    before = (_numbers(db), _audits(db))
    with pytest.raises(InvalidInput) as twice:
        db.write(
            lambda s: pools.load(s, admin, "ZTO", shop, first_last="773000000001-773000000010")
        )
    assert "10 of these 中通快递 numbers were loaded before" in twice.value.message()
    assert "Nothing was loaded" in twice.value.message()
    overlapping = [(1, "773000000099"), (2, "773000000005")]
    with pytest.raises(InvalidInput, match="1 of these 中通快递 numbers were loaded before"):
        db.write(lambda s: pools.load(s, admin, "ZTO", shop, overlapping))
    with pytest.raises(InvalidInput) as wrong:
        db.write(lambda s: pools.load(s, admin, "ZTO", shop, [(2, "773000000500"), (3, "12AB")]))
    assert "3: 12AB" in wrong.value.message() and "\\d{12,15}" in wrong.value.message()
    with pytest.raises(InvalidInput, match="in the list twice"):
        db.write(lambda s: pools.load(s, admin, "ZTO", shop, [(2, "773000000500")] * 2))
    with pytest.raises(InvalidInput, match="cannot be loaded as a range"):
        db.write(lambda s: pools.load(s, admin, "SF", shop, first_last="SF1-SF9"))
    with pytest.raises(InvalidInput, match="is not a range"):
        db.write(lambda s: pools.load(s, admin, "ZTO", shop, first_last="773000000001-99"))
    with pytest.raises(PermissionDenied):
        db.write(
            lambda s: pools.load(
                s, staff[Role.PRINTER], "ZTO", shop, first_last="773000000600-773000000601"
            )
        )
    assert (_numbers(db), _audits(db)) == before
    assert db.read(lambda s: s.scalar(select(func.count()).select_from(WaybillLoad))) == 1
