"""An e-waybill tool's export in (issue 11; docs/waybills.md, "From an e-waybill tool").

Shops that print their shipping labels with the platform's or courier's e-waybill tool
(菜鸟打印组件, 拼多多电子面单, 抖店电子面单, 快递100 …) export what it printed: order number,
courier and waybill number, as CSV (often GBK, numbers armoured as ``="…"``) or XLSX. The file
is read with the order imports' reader (``imports.sources``: encodings, Excel armour, header
names with stray spaces); each row is checked against its courier's pattern and recorded on its
order with ``waybill_source = tool``: that tool printed the label, so the order's print batch
prints its dispatch note only. Rows that cannot be taken are listed with their line and reason;
the rest are recorded in one transaction (one user action), audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.models import Order, Stage
from app.models.errors import InvalidInput, NotFound, UserError
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.dispatch import slips as print_slips
from app.services.dispatch.waybills import Couriers, WaybillSource, check, refuse_taken
from app.services.imports.formats.common import Aliases, Columns
from app.services.imports.sources import open_source
from app.services.orders import editing
from app.services.orders import lookup as orders

# the column names of the tools' exports seen so far (the first present is read)
FIELDS: Aliases = {
    "order_no": ("订单编号", "订单号", "平台订单号", "主订单编号", "交易订单号", "商家订单号"),
    "courier": ("快递公司", "物流公司", "快递公司名称", "承运公司", "快递"),
    "number": ("运单号", "快递单号", "物流单号", "面单号", "运单编号"),
}
REQUIRED = ("order_no", "courier", "number")
# a printed order's slips are in the warehouse: its number changes through a change request
CHANGEABLE = (Stage.AWAITING_PAYMENT.value, Stage.PAID.value)


@dataclass(frozen=True)
class Row:
    line: int
    order_no: str
    courier: str
    number: str


@dataclass(frozen=True)
class Refused:
    line: int
    order_no: str
    problem: UserError


@dataclass(frozen=True)
class Result:
    recorded: tuple[str, ...]  # order numbers
    unchanged: int  # the order had that number already (the same file again)
    refused: tuple[Refused, ...]


def read(path: Path) -> tuple[list[Row], list[Refused]]:
    """The export's rows, and lines that cannot be read at all."""
    source = open_source(Path(path))
    try:
        columns = Columns(source.headers, FIELDS)
        missing = columns.missing(REQUIRED)
        if missing:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "{file} is not an e-waybill export: the columns {columns} are missing "
                    "(order number, courier and waybill number are needed).",
                ),
                file=source.path.name,
                columns=", ".join(missing),
            )
        rows: list[Row] = []
        broken: list[Refused] = []
        for raw in source.rows:
            if raw.problem is not None:
                broken.append(Refused(raw.line, "", raw.problem))
                continue
            cells = columns.bind(raw)
            try:
                rows.append(
                    Row(
                        raw.line,
                        cells.text("order_no", limit=40, need=True),
                        cells.text("courier", limit=40, need=True),
                        cells.text("number", limit=40, need=True),
                    )
                )
            except InvalidInput as problem:
                broken.append(Refused(raw.line, cells.raw("order_no").strip(), problem))
        return rows, broken
    finally:
        close = getattr(source.rows, "close", None)
        if close is not None:
            close()


def import_waybills(
    session: Session, actor: Actor, rows: list[Row], refused: list[Refused] | None = None
) -> Result:
    """Record each row's courier and number on its order (see the module's docstring)."""
    user = require(session, actor, Action.WAYBILL_IMPORT)
    known = Couriers(session)
    out: list[Refused] = list(refused or [])
    recorded: list[str] = []
    unchanged = 0
    seen: dict[str, int] = {}
    entries: list[tuple[str, str, str, object, object]] = []
    for row in rows:
        try:
            courier = known.get(row.courier)
            number = check(courier, row.number)
            if number in seen:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "UserError", "The waybill number {number} is on line {line} too."
                    ),
                    number=number,
                    line=seen[number],
                )
            seen[number] = row.line
            order = session.get(Order, orders.order_id(session, row.order_no), with_for_update=True)
            assert order is not None
            if order.tracking_no == number and order.courier == courier.name:
                unchanged += 1
                continue
            refuse_taken(session, order, number)
            if order.tracking_no and order.stage not in CHANGEABLE:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "Order {order_no} is printed with waybill number {number} already: a "
                        "new number goes through a change request and a reprint.",
                    ),
                    order_no=order.order_no,
                    number=order.tracking_no,
                )
        except (InvalidInput, NotFound) as problem:
            out.append(Refused(row.line, row.order_no, problem))
            continue
        before = {"courier": order.courier, "tracking_no": order.tracking_no}
        had_number = bool(order.tracking_no)
        order.courier, order.tracking_no = courier.name, number
        order.waybill_source = WaybillSource.TOOL.value
        editing.touch(session, order, actor)
        session.flush()
        if not had_number:  # the tool's label is the one on the parcel now
            print_slips.slips_amended(session, order)
        recorded.append(order.order_no)
        entries.append(
            (
                "order.tracking",
                "order",
                order.order_no,
                before,
                {"courier": courier.name, "tracking_no": number, "source": "tool"},
            )
        )
    audit.record_many(
        session, actor_id=actor.user_id, actor_name=user.display_name, entries=entries
    )
    return Result(tuple(recorded), unchanged, tuple(sorted(out, key=lambda r: r.line)))
