"""Any other CSV or XLSX, read through a column mapping ``{field: header}`` the caller passes.

The fields are those of ``FIELDS`` below; the shop's saved mappings are kept by the caller
(the Import page, ``import orders --map``). Rows with the same order number one after
another are one order's items. The status column may use any platform's words or the
AfterDesk names (``paid``, ``shipped``…); without one, orders come in as paid. docs/imports.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.imports.formats import chinese, douyin, jd, pinduoduo, taobao
from app.services.imports.formats.common import Aliases
from app.services.imports.records import PlatformStatus, Record
from app.services.imports.sources import Source

# the fields a column can be mapped to (what the mapping dialog offers)
FIELDS = (
    "order_no",
    "status",
    "ordered_at",
    "paid_at",
    "buyer_id",
    "recipient_name",
    "recipient_phone",
    "address",  # a whole Chinese address in one column, split into its parts
    "province",
    "city",
    "district",
    "street",
    "postcode",
    "total",
    "title",
    "sku",
    "attributes",
    "quantity",
    "price",
    "buyer_message",
    "seller_memo",
    "invoice",
    "courier",
    "tracking_no",
    "payment_method",
)
REQUIRED = ("order_no", "ordered_at", "recipient_name", "title", "quantity", "price")
# first match wins: "unpaid" before "paid", AfterDesk's and English words before the platforms'
STATUSES: chinese.StatusRules = (
    ("unpaid", PlatformStatus.AWAITING_PAYMENT),
    ("awaiting", PlatformStatus.AWAITING_PAYMENT),
    ("pending", PlatformStatus.AWAITING_PAYMENT),
    ("refunded", PlatformStatus.REFUNDED),
    ("cancel", PlatformStatus.CANCELLED),
    ("closed", PlatformStatus.CLOSED),
    ("delivered", PlatformStatus.DELIVERED),
    ("shipped", PlatformStatus.SHIPPED),
    ("fulfilled", PlatformStatus.SHIPPED),
    ("paid", PlatformStatus.PAID),
    *((word, meaning) for word, meaning in taobao.STATUSES.items()),
    (taobao.CLOSED, chinese.CLOSED_OR_CANCELLED),
    *jd.STATUSES,
    *douyin.STATUSES,
    *pinduoduo.STATUSES,
)


def check(source: Source, mapping: dict[str, str]) -> None:
    """Refuse a mapping that names unknown fields, misses needed ones or absent headers."""
    check_headers(source.path.name, source.headers, mapping)


def check_headers(file: str, headers: list[str], mapping: dict[str, str]) -> None:
    """``check`` on a file's name and header row (what the mapping dialog has)."""
    unknown = [name for name in mapping if name not in FIELDS]
    needed = [name for name in REQUIRED if not mapping.get(name)]
    if not mapping.get("address") and not (mapping.get("province") and mapping.get("street")):
        needed.append("address")
    if unknown or needed:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The column mapping lacks {fields}."),
            fields=", ".join(needed + [f"({name}?)" for name in unknown]),
        )
    absent = [header for header in mapping.values() if header and header not in headers]
    if absent:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "{file} has no column named {columns} (the mapping expects it)."
            ),
            file=file,
            columns=", ".join(absent),
        )


def read(source: Source, mapping: dict[str, str]) -> Iterator[Record]:
    rename = {"street": "detail"}  # chinese.address_of's name for the street column
    fields: Aliases = {
        rename.get(name, name): (header,) for name, header in mapping.items() if header
    }
    shape = chinese.Shape(fields, STATUSES, total_per_row=False)
    return chinese.read(source, shape)
