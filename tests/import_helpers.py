"""Plain import records built in Python, and a run of the merge over them (issue 10)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.db import Database
from app.services.core.actor import Actor
from app.services.imports import merge
from app.services.imports.records import (
    Address,
    FormatId,
    ImportedItem,
    ImportedOrder,
    PlatformStatus,
    Reading,
    RefusedRow,
    Sensitivity,
)

ORDERED = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
PAID = datetime(2026, 11, 20, 2, 5, tzinfo=UTC)


def taobao(no: str, status: PlatformStatus = PlatformStatus.PAID, **kw: Any) -> ImportedOrder:
    values: dict[str, Any] = {
        "line": 2,
        "order_no": no,
        "status": status,
        "ordered_at": ORDERED,
        "paid_at": None if status is PlatformStatus.AWAITING_PAYMENT else PAID,
        "buyer_id": "tb_王小明",
        "recipient_name": "王小明",
        "recipient_phone": "13800138000",
        "address": Address(
            province="浙江省",
            city="杭州市",
            district="西湖区",
            street="文三路 100号 3幢501室",
            postcode="310012",
        ),
        "sensitivity": Sensitivity.CLEAR,
        "total": Decimal("259.00"),
        "items": (
            ImportedItem(
                title="帆布鞋 男款",
                sku="XB-CAN-灰-40",
                attributes={"颜色分类": "灰色", "尺码": "40"},
                quantity=1,
                price=Decimal("259.00"),
            ),
        ),
        "buyer_message": "请尽快发货",
        "seller_memo": "",
    }
    values.update(kw)
    return ImportedOrder(**values)


def shopify(no: str, status: PlatformStatus = PlatformStatus.PAID, **kw: Any) -> ImportedOrder:
    values: dict[str, Any] = {
        "buyer_id": "emily@example.com",
        "recipient_name": "Emily Chen",
        "recipient_phone": "+1 604 555 0182",
        "address": Address(
            country="CA",
            province="BC",
            city="Vancouver",
            postcode="V6B 1A1",
            lines=("1200 Main St", "Apt 5"),
        ),
        "currency": "CAD",
        "items": (
            ImportedItem(
                title="Canvas sneaker",
                sku="CAN-GRY-9",
                attributes={"Size": "9", "Color": "Grey"},
                quantity=2,
                price=Decimal("49.50"),
            ),
        ),
        "total": Decimal("99.00"),
        "buyer_message": "",
    }
    values.update(kw)
    return taobao(no, status, **values)


def reading(
    records: Iterable[ImportedOrder | RefusedRow],
    *,
    platform: str = "taobao",
    format: FormatId = FormatId.TAOBAO,
    name: str = "ExportOrderList202611.csv",
) -> Reading:
    numbered = list(records)
    return Reading(format, platform, (name,), iter(numbered), lambda: 1.0)


def numbered(records: list[ImportedOrder]) -> list[ImportedOrder]:
    """Each order on its own line of the file (line 1 is the header)."""
    from dataclasses import replace

    return [replace(r, line=i + 2) for i, r in enumerate(records)]


def export_file(tmp: Path, records: list[Any], name: str = "ExportOrderList202611.csv") -> Path:
    """A stand-in for the export whose records are given: its bytes decide its SHA-256."""
    folder = tmp / "exports"
    folder.mkdir(exist_ok=True)
    path = folder / f"{len(list(folder.iterdir()))}-{name}"
    path.write_text(f"{path.name}\n{records!r}", encoding="utf-8")  # each export its own
    return path


def run(
    db: Database,
    actor: Actor,
    tmp: Path,
    records: list[Any],
    *,
    shop: str | None = "悦步鞋履旗舰店",
    platform: str = "taobao",
    format: FormatId = FormatId.TAOBAO,
    path: Path | None = None,
    stream: Iterator[Any] | None = None,
    **kw: Any,
) -> merge.ImportSummary:
    path = path or export_file(tmp, records)
    read = reading(records, platform=platform, format=format, name=path.name)
    if stream is not None:
        read.records = stream
    return merge.import_orders(db, actor, read, [path], shop=shop, **kw)
