"""A shop's column mapping for any other CSV/XLSX: saved once, used next time (issue 10),
on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models import Role
from app.models.errors import InvalidInput, PermissionDenied
from app.services.core import audit
from app.services.imports import mappings, merge, shops
from app.services.imports.reading import open_reading
from app.services.imports.records import FormatId

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
WECHAT = FIXTURES / "mapped" / "wechat_orders.xlsx"
SHOPIFY = FIXTURES / "shopify" / "orders_export.csv"
MAPPING = {
    "order_no": "单号",
    "ordered_at": "下单日期",
    "recipient_name": "姓名",
    "recipient_phone": "电话",
    "address": "地址",
    "title": "商品",
    "sku": "编码",
    "attributes": "规格",
    "quantity": "数量",
    "price": "单价",
    "status": "",  # left empty in the dialog: not kept
}


def test_a_saved_mapping_is_used_for_the_shops_next_file(db, staff) -> None:
    printer = staff[Role.PRINTER]
    headers = mappings.file_headers(WECHAT)
    assert "单号" in headers and "地址" in headers
    assert db.read(lambda s: mappings.saved(s, printer, "微信小店")) == {}
    saved = db.write(
        lambda s: mappings.save(s, printer, "微信小店", MAPPING, file=WECHAT.name, headers=headers)
    )
    assert "status" not in saved and saved["order_no"] == "单号"
    # the shop is made for it, as by its first import
    assert {r.name: r.platform for r in db.read(shops.listing)}["微信小店"] == "other"
    db.write(lambda s: shops.rename(s, staff[Role.ADMIN], "微信小店", "微信小店(南京)"))

    # next time: the unrecognised file is read with the shop's mapping, under its new name
    found = db.read(lambda s: mappings.for_file(s, printer, [WECHAT], "微信小店(南京)"))
    assert found == saved
    # a file AfterDesk recognises keeps its own format; another shop has no mapping
    assert db.read(lambda s: mappings.for_file(s, printer, [SHOPIFY], "微信小店(南京)")) is None
    assert db.read(lambda s: mappings.for_file(s, printer, [WECHAT], "别的店")) is None
    reading = open_reading([WECHAT], mapping=found)
    summary = merge.import_orders(db, printer, reading, [WECHAT], shop="微信小店(南京)")
    assert (summary.format, summary.counts.new, summary.counts.refused) == ("mapped", 2, 0)
    # --format mapped with no saved mapping has nothing to read with
    assert (
        db.read(lambda s: mappings.for_file(s, printer, [WECHAT], "别的店", FormatId.MAPPED))
        is None
    )


def test_a_wrong_mapping_is_refused_and_nothing_is_kept(db, staff) -> None:
    printer, headers = staff[Role.PRINTER], mappings.file_headers(WECHAT)
    before = db.read(audit.count)
    lacking = {k: v for k, v in MAPPING.items() if k not in ("price", "address")}
    with pytest.raises(InvalidInput) as refused:
        db.write(
            lambda s: mappings.save(s, printer, "微信小店", lacking, file="x.xlsx", headers=headers)
        )
    assert refused.value.message() == "The column mapping lacks price, address."
    absent = {**MAPPING, "price": "价格"}
    with pytest.raises(InvalidInput) as refused:
        db.write(
            lambda s: mappings.save(s, printer, "微信小店", absent, file="x.xlsx", headers=headers)
        )
    assert refused.value.message() == "x.xlsx has no column named 价格 (the mapping expects it)."
    with pytest.raises(InvalidInput):
        db.write(lambda s: mappings.save(s, printer, " ", MAPPING, file="x.xlsx", headers=headers))
    with pytest.raises(PermissionDenied):
        db.write(
            lambda s: mappings.save(
                s, staff[Role.WAREHOUSE], "微信小店", MAPPING, file="x.xlsx", headers=headers
            )
        )
    assert db.read(shops.listing) == [] and db.read(audit.count) == before
