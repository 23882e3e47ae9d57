"""Shipments back to the platform: the file its bulk-ship upload (批量发货) takes.

An export gives the shop's shipped orders that no export gave yet, or whose waybill number
changed since one did; never an order whose waybill number the platform reported itself
(an import's ``platform_values``: shipped with the platform's own tool, or before the shop
used AfterDesk), so a shop's first export does not upload its whole history again, while a
parcel sent again under a new number in AfterDesk goes out. It remembers what it gave
(``exported_shipments``), so the next one gives only what is new. The file is in place only
once the export is recorded (app/services/dispatch/recording.py); customer text goes in as
text, never as a formula (core/cells.py).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import (
    ExportedShipment,
    Handover,
    HandoverParcel,
    Order,
    ShipmentExport,
    Shop,
    Stage,
)
from app.models.errors import Conflict, InvalidInput
from app.models.formats import local
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.cells import csv_row, xlsx_row
from app.services.core.outputs import check_output, url_of
from app.services.dispatch.recording import Changed, Drawing, record_print
from app.services.dispatch.slips import shop_by_name
from app.services.shipping.platforms import (
    CONSTANTS,
    COURIER,
    FOR_PLATFORM,
    LAYOUTS,
    SHIPPED_AT,
    SHOP,
    ExportFormat,
    Layout,
    courier_for,
)

SHIPPED = (Stage.SHIPPED.value, Stage.DELIVERED.value, Stage.CLOSED.value)


@dataclass(frozen=True)
class Shipment:
    order_id: int
    order_no: str
    shop: str
    courier: str
    tracking_no: str
    shipped_at: datetime
    again: bool  # exported before with another waybill number


@dataclass(frozen=True)
class Exported:
    shop: str
    format: ExportFormat
    path: Path
    shipments: tuple[Shipment, ...]

    @property
    def count(self) -> int:
        return len(self.shipments)


def parse_format(text: str) -> ExportFormat:
    try:
        return ExportFormat((text or "").strip().lower())
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Unknown export format “{format}”: use taobao, jd, douyin, pdd, shopify or csv.",
            ),
            format=text,
        ) from None


def platform_number() -> ColumnElement[str]:
    """The waybill number the platform itself reported for the order at its last import
    ('' when none, or never imported)."""
    return func.coalesce(Order.platform_values["tracking_no"].as_string(), "")


def _pending(session: Session, shop: Shop) -> list[Shipment]:
    confirmed = (
        select(HandoverParcel.order_id, Handover.confirmed_at)
        .join(Handover, Handover.id == HandoverParcel.handover_id)
        .where(Handover.confirmed_at.is_not(None))
        .subquery()
    )
    rows = session.execute(
        select(
            Order.id,
            Order.order_no,
            Order.courier,
            Order.tracking_no,
            func.coalesce(confirmed.c.confirmed_at, Order.updated_at),
            ExportedShipment.tracking_no,
        )
        .outerjoin(ExportedShipment, ExportedShipment.order_id == Order.id)
        .outerjoin(confirmed, confirmed.c.order_id == Order.id)
        .where(
            Order.shop_id == shop.id,
            Order.stage.in_(SHIPPED),
            Order.tracking_no.is_not(None),
            Order.tracking_no != "",
            Order.tracking_no != platform_number(),
            or_(
                ExportedShipment.order_id.is_(None),
                ExportedShipment.tracking_no != Order.tracking_no,
            ),
        )
        .order_by(Order.id)
    )
    return [
        Shipment(oid, no, shop.name, courier, tracking, at, before is not None)
        for oid, no, courier, tracking, at, before in rows
    ]


def pending(session: Session, actor: Actor, shop: str) -> list[Shipment]:
    """The shop's shipments the platform has not been given yet."""
    require(session, actor, Action.SHIPMENTS_EXPORT)
    return _pending(session, shop_by_name(session, shop))


@dataclass(frozen=True)
class ShopToExport:
    shop: str
    platform: str
    format: ExportFormat  # the layout its platform's upload takes
    pending: int  # shipments not yet given to the platform


def shops(session: Session, actor: Actor) -> list[ShopToExport]:
    """Every shop, the format its platform takes and how many shipments wait for it."""
    require(session, actor, Action.SHIPMENTS_EXPORT)
    return [
        ShopToExport(
            shop.name,
            shop.platform,
            FOR_PLATFORM.get(shop.platform.strip().lower(), ExportFormat.CSV),
            len(_pending(session, shop)),
        )
        for shop in session.execute(select(Shop).order_by(Shop.name)).scalars()
    ]


def _cells(layout: Layout, s: Shipment) -> list[Any]:
    values = {
        "order_no": s.order_no,
        COURIER: courier_for(layout, s.courier),
        "tracking_no": s.tracking_no,
        SHOP: s.shop,
        SHIPPED_AT: local(s.shipped_at).strftime("%Y-%m-%d %H:%M:%S"),
    }
    return [values.get(f, CONSTANTS.get(f, "")) for f in layout.fields]


def file_bytes(fmt: ExportFormat, shipments: list[Shipment]) -> bytes:
    layout = LAYOUTS[fmt]
    if layout.xlsx:
        from openpyxl import Workbook  # only an export needs it

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Sheet1")
        sheet.append(list(layout.headers))
        for s in shipments:
            sheet.append(xlsx_row(sheet, _cells(layout, s)))
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(layout.headers)
    for s in shipments:
        writer.writerow(csv_row(_cells(layout, s)))
    return text.getvalue().encode("utf-8-sig" if layout.bom else "utf-8")


def suffix(fmt: ExportFormat) -> str:
    return ".xlsx" if LAYOUTS[fmt].xlsx else ".csv"


def _record(
    session: Session,
    actor: Actor,
    shop_id: int,
    fmt: ExportFormat,
    path: Path,
    drawn: list[Shipment],
) -> None:
    shop = session.get(Shop, shop_id)
    assert shop is not None
    now = [(s.order_id, s.tracking_no) for s in _pending(session, shop)]
    if now != [(s.order_id, s.tracking_no) for s in drawn]:
        raise Changed()  # shipped, or exported from another PC, while the file was written
    if not drawn:
        return
    export = ShipmentExport(
        shop_id=shop_id,
        format=fmt.value,
        exported_at=db_now(session),
        exported_by_id=actor.user_id,
        file_name=path.name[:255],
        row_count=len(drawn),
    )
    session.add(export)
    session.flush()
    ids = [s.order_id for s in drawn]
    for start in range(0, len(ids), 1000):
        session.execute(
            delete(ExportedShipment).where(ExportedShipment.order_id.in_(ids[start : start + 1000]))
        )
    session.execute(
        ExportedShipment.__table__.insert(),
        [
            {"order_id": s.order_id, "export_id": export.id, "tracking_no": s.tracking_no}
            for s in drawn
        ],
    )
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="shipments.export",
        entity="shop",
        entity_key=shop.name,
        before=None,
        after={
            "format": fmt.value,
            "file": path.name,
            "shipments": [[s.order_no, s.tracking_no] for s in drawn],
        },
    )


def export(
    db: Database,
    actor: Actor,
    shop: str,
    fmt: ExportFormat | str,
    out: Path | str,
    *,
    overwrite: bool = False,
) -> Exported:
    """Write the shop's new shipments in the platform's layout to ``out`` and remember them.
    Nothing new: a file with the headers alone, and nothing recorded."""
    chosen = fmt if isinstance(fmt, ExportFormat) else parse_format(fmt)

    def prepare(session: Session) -> tuple[int, str, Path, list[Shipment]]:
        require(session, actor, Action.SHIPMENTS_EXPORT)
        found = shop_by_name(session, shop)
        target = check_output(url_of(session), out, overwrite=overwrite)
        return found.id, found.name, target, _pending(session, found)

    def draw(_previous: Changed | None) -> Drawing[Exported]:
        shop_id, name, target, drawn = db.read(prepare)
        result = Exported(name, chosen, target, tuple(drawn))
        return Drawing(
            [(target, file_bytes(chosen, drawn))],
            lambda s: _record(s, actor, shop_id, chosen, target, drawn),
            result,
        )

    return record_print(
        db,
        draw,
        gave_up=lambda: Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The shop's shipments kept changing while the file was written; nothing was "
                "recorded. Try again.",
            )
        ),
    )
