"""The hand-over and the platform upload through the command line, as the warehouse and the
order printer run them (issue 11), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json

import pytest

from tests.printing_helpers import chinese_documents, fonts, text
from tests.test_cli import afterdesk


@pytest.fixture
def shop_url(db_url: str) -> str:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "60").returncode == 0
    chinese_documents(db_url)
    return db_url


def _json(url: str, *args: str, user: str) -> object:
    done = afterdesk(url, *args, "--json", user=user)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_print_pack_hand_over_ship_and_export_once(shop_url, tmp_path) -> None:
    # the demo's orders have no waybill numbers yet: packing labels (asked otherwise)
    batch = _json(shop_url, "print", "batch", "--no-cutoff", "--without-waybill", "packing",
                  "--out", str(tmp_path / "b.pdf"), user="printer")  # fmt: skip
    printed = batch["printed"][:3]  # type: ignore[index]
    courier = "顺丰速运"
    for n, no in enumerate(printed):  # the waybill numbers the courier's labels carry
        given = afterdesk(shop_url, "orders", "tracking", no, "--courier", courier,
                          "--tracking", f"SF{7000000000 + n}", user="warehouse")  # fmt: skip
        assert given.returncode == 0, given.stderr
        moved = afterdesk(shop_url, "orders", "stage", no, "packed", user="warehouse")
        assert moved.returncode == 0, moved.stderr
    mine = [_json(shop_url, "orders", "show", no, user="warehouse") for no in printed]
    numbers = [o["tracking_no"] for o in mine]  # type: ignore[index]

    added = _json(shop_url, "handover", "add", courier, *numbers, user="warehouse")
    assert [a["waybill"] for a in added["added"]] == numbers  # type: ignore[index]
    twice = afterdesk(shop_url, "handover", "add", courier, numbers[0], user="warehouse")
    assert twice.returncode == 2 and "scanned twice" in twice.stderr
    unknown = afterdesk(shop_url, "handover", "add", courier, "ZZ404", user="warehouse")
    assert unknown.returncode == 2 and "No order has waybill number ZZ404" in unknown.stderr
    listed = _json(shop_url, "handover", "list", courier, user="warehouse")
    assert listed["count"] == len(numbers)  # type: ignore[index]

    out = tmp_path / "manifest.pdf"
    done = _json(shop_url, "handover", "confirm", courier, "--out", str(out), user="warehouse")
    assert sorted(done["shipped"]) == sorted(o["order_no"] for o in mine)  # type: ignore[index]
    assert "快递交接单" in text(out) and all(f["emb"] == "yes" for f in fonts(out))
    for order in mine:
        assert (
            _json(shop_url, "orders", "show", order["order_no"], user="warehouse")["stage"]
            == "shipped"
        )  # type: ignore[index]
    day = _json(shop_url, "handover", "day", user="printer")
    assert [m["manifest_no"] for m in day["manifests"]] == [done["manifest_no"]]  # type: ignore[index]
    assert any(b["batch_no"] == batch["batch_no"] for b in day["batches"])  # type: ignore[index]

    shop = mine[0]["shop"]  # type: ignore[index]
    first = tmp_path / "taobao.csv"
    exported = _json(shop_url, "export", "shipments", "--shop", shop, "--format", "taobao",
                     "--out", str(first), user="printer")  # fmt: skip
    with first.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["订单编号", "物流公司", "运单号"]
    ours = {r[0]: r for r in rows[1:]}
    for order in mine:
        if order["shop"] == shop:  # type: ignore[index]
            assert ours[order["order_no"]][2] == order["tracking_no"]  # type: ignore[index]
    assert exported["count"] == len(rows) - 1  # type: ignore[index]
    second = tmp_path / "again.csv"
    again = _json(shop_url, "export", "shipments", "--shop", shop, "--format", "taobao",
                  "--out", str(second), user="printer")  # fmt: skip
    assert again["count"] == 0  # type: ignore[index]
    with second.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["订单编号", "物流公司", "运单号"]]


def test_handover_needs_the_warehouse_and_bad_input_is_explained(shop_url, tmp_path) -> None:
    refused = afterdesk(shop_url, "handover", "add", "顺丰速运", "SF1", user="printer")
    assert refused.returncode == 2 and "Warehouse" in refused.stderr
    empty = afterdesk(shop_url, "handover", "confirm", "顺丰速运", "--out", str(tmp_path / "m.pdf"),
                      user="warehouse")  # fmt: skip
    assert empty.returncode == 2 and "is empty" in empty.stderr
    assert not (tmp_path / "m.pdf").exists()
    bad_day = afterdesk(shop_url, "handover", "day", "yesterday", user="warehouse")
    assert bad_day.returncode == 2 and "is not a date" in bad_day.stderr


def test_packed_at_the_desk_handed_over_shipped_and_exported_once(db_url, tmp_path) -> None:
    """The issue's scenario from the packing desk on, all through the command line: pack with
    item scans → hand-over (a parcel scanned twice refused) → manifest → shipped → the
    platform's file → a second export is empty."""
    from app import migrations
    from app.db import Database
    from app.models import Role
    from app.services.packing import desk
    from tests.packing_helpers import printed_orders, printed_shop

    db = Database(db_url)
    migrations.upgrade(db)
    staff = printed_shop(db, tmp_path / "pdfs")  # a batch printed, SF waybill numbers on it
    chinese_documents(db)
    shown = [
        db.read(lambda s, n=no: desk.scan_order(s, staff[Role.WAREHOUSE], n))
        for no in printed_orders(db)[:2]
    ]
    db.dispose()
    for order in shown:
        items = [arg for line in order.lines for _ in range(line.quantity)
                 for arg in ("--item", line.sku)]  # fmt: skip
        packed = afterdesk(db_url, "pack", order.order_no, *items, "--waybill",
                           str(order.tracking_no), user="warehouse")  # fmt: skip
        assert packed.returncode == 0, packed.stderr
    numbers = [str(o.tracking_no) for o in shown]
    added = _json(db_url, "handover", "add", "顺丰速运", *numbers, user="warehouse")
    assert len(added["added"]) == 2  # type: ignore[index]
    twice = afterdesk(db_url, "handover", "add", "顺丰速运", numbers[1], user="warehouse")
    assert twice.returncode == 2 and "scanned twice" in twice.stderr
    out = tmp_path / "manifest.pdf"
    done = _json(db_url, "handover", "confirm", "顺丰速运", "--out", str(out), user="warehouse")
    assert sorted(done["shipped"]) == sorted(o.order_no for o in shown)  # type: ignore[index]
    assert all(n in text(out) for n in numbers)
    for order in shown:
        stage = _json(db_url, "orders", "show", order.order_no, user="warehouse")["stage"]  # type: ignore[index]
        assert stage == "shipped"
    first = _json(db_url, "export", "shipments", "--shop", shown[0].shop, "--format", "taobao",
                  "--out", str(tmp_path / "1.csv"), user="printer")  # fmt: skip
    mine = {(s["order_no"], s["tracking_no"]) for s in first["shipments"]}  # type: ignore[index]
    assert {(o.order_no, o.tracking_no) for o in shown} <= mine
    second = _json(db_url, "export", "shipments", "--shop", shown[0].shop, "--format", "taobao",
                   "--out", str(tmp_path / "2.csv"), user="printer")  # fmt: skip
    assert second["count"] == 0  # type: ignore[index]
