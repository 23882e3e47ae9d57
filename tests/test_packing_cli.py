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
