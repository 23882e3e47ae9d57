"""``afterdesk pack`` and ``afterdesk barcodes`` as the warehouse runs them (both databases)."""

from __future__ import annotations

import json
from pathlib import Path

from app.db import Database
from app.models import Role, Stage
from app.services.packing import desk
from tests.packing_helpers import printed_orders, printed_shop, stage_of
from tests.test_cli import afterdesk


def test_pack_from_the_command_line(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url)
    from app import migrations

    migrations.upgrade(db)
    staff = printed_shop(db, tmp_path / "pdfs")
    order_no = printed_orders(db)[0]  # its first line: two of one SKU
    shown = db.read(lambda s: desk.scan_order(s, staff[Role.WAREHOUSE], order_no))
    first = shown.lines[0]
    codes = tmp_path / "codes.csv"
    codes.write_text(f"条码,SKU\n6901234567892,{first.sku}\n", encoding="utf-8")
    loaded = afterdesk(db_url, "barcodes", "load", str(codes), "--shop", shown.shop, user="admin")
    assert loaded.returncode == 0 and "1 barcodes added" in loaded.stdout, loaded.stderr

    def pack(*args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
        return afterdesk(db_url, "pack", order_no, *args, user="warehouse", lang=lang)

    items = ["--item", "6901234567892", "--item", first.sku]
    for line in shown.lines[1:]:
        items += ["--item", line.sku] * line.quantity
    # a wrong size is refused at once, naming what the order wants; nothing changes
    before = stage_of(db, order_no)
    wrong = pack("--item", first.sku.rsplit("-", 1)[0] + "-99", "--waybill", str(shown.tracking_no))
    assert wrong.returncode == 2 and "Wrong size or colour" in wrong.stderr
    assert first.sku in wrong.stderr and wrong.stdout == ""
    unknown = afterdesk(db_url, "pack", "404404404", user="warehouse")
    assert unknown.returncode == 2 and "Unknown barcode 404404404" in unknown.stderr
    # without the label's number: a check only
    check = pack(*items)
    assert check.returncode == 0 and "--waybill" in check.stdout, check.stderr
    assert stage_of(db, order_no) == before
    done = pack(*items, "--waybill", str(shown.tracking_no), "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["stage"] == Stage.PACKED.value and answer["packed_by"] == "赵强"
    assert answer["scanned"] == sum(line.quantity for line in shown.lines)
    twice = pack(*items, "--waybill", str(shown.tracking_no), lang="zh_CN")
    assert twice.returncode == 2 and "已打包" in twice.stderr
    db.dispose()


def test_scenario_print_pack_hand_over_ship_and_export(db_url: str, tmp_path: Path) -> None:
    """Issue 11's CLI scenario around the packing desk: printed with packing labels, a
    hand-written waybill typed, packed with item scans (a wrong size refused), handed over,
    shipped, exported for the platform once."""
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "60").returncode == 0
    batch = afterdesk(
        db_url, "print", "batch", "--no-cutoff", "--without-waybill", "packing",
        "--out", str(tmp_path / "b.pdf"), "--json", user="printer",
    )  # fmt: skip
    assert batch.returncode == 0, batch.stderr
    printed = json.loads(batch.stdout)["printed"][:2]
    numbers = []
    for n, order_no in enumerate(printed):
        number = f"SF{710000000000 + n}"
        typed = afterdesk(db_url, "waybills", "set", order_no, "顺丰", number, user="warehouse")
        assert typed.returncode == 0, typed.stderr
        shown = json.loads(afterdesk(db_url, "orders", "show", order_no, "--json").stdout)
        items = [a for i in shown["items"] for a in ["--item", i["sku"]] * i["quantity"]]
        wrong = shown["items"][0]["sku"].rsplit("-", 1)[0] + "-99"
        refused = afterdesk(db_url, "pack", order_no, "--item", wrong, "--waybill", number,
                            user="warehouse")  # fmt: skip
        assert refused.returncode == 2 and "Wrong size or colour" in refused.stderr
        packed = afterdesk(db_url, "pack", order_no, *items, "--waybill", number, "--json",
                           user="warehouse")  # fmt: skip
        assert packed.returncode == 0, packed.stderr
        assert json.loads(packed.stdout)["stage"] == Stage.PACKED.value
        numbers.append(number)
    added = afterdesk(db_url, "handover", "add", "顺丰速运", *numbers, user="warehouse")
    assert added.returncode == 0, added.stderr
    confirmed = afterdesk(db_url, "handover", "confirm", "顺丰速运", "--out",
                          str(tmp_path / "manifest.pdf"), "--json", user="warehouse")  # fmt: skip
    assert confirmed.returncode == 0, confirmed.stderr
    assert sorted(json.loads(confirmed.stdout)["shipped"]) == sorted(printed)
    shop = json.loads(afterdesk(db_url, "orders", "show", printed[0], "--json").stdout)["shop"]
    counts = []
    for name in ("first.csv", "again.csv"):
        done = afterdesk(db_url, "export", "shipments", "--shop", shop, "--format", "csv",
                         "--out", str(tmp_path / name), "--json", user="printer")  # fmt: skip
        assert done.returncode == 0, done.stderr
        counts.append(json.loads(done.stdout)["count"])
    assert counts[0] >= 1 and counts[1] == 0
