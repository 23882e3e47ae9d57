"""What a platform export says about an order, before it meets the database.

The format readers (``app.services.imports.formats``) turn a file into these plain records;
the merge (``app.services.imports.merge``) compares them with what AfterDesk holds. The two
meet only here, so a new platform is a new reader and nothing else (docs/imports.md).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP


class PlatformStatus(enum.StrEnum):
    """The platform's own word for where the order is; the merge maps it to a stage."""

    AWAITING_PAYMENT = "awaiting_payment"  # 等待买家付款 / Shopify pending
    PAID = "paid"  # 买家已付款，等待卖家发货 / paid, unfulfilled
    SHIPPED = "shipped"  # 卖家已发货，等待买家确认 / fulfilled
    DELIVERED = "delivered"  # 交易成功
    CLOSED = "closed"  # 交易关闭 after payment (refunded in full)
    CANCELLED = "cancelled"  # 交易关闭 before payment / voided / Cancelled at
    REFUNDED = "refunded"  # Shopify refunded


class Sensitivity(enum.StrEnum):
    """How real the recipient's details are as the file gives them."""

    CLEAR = "clear"
    MASKED = "masked"  # 1******6198, 张** : part hidden by the platform
    ENCRYPTED = "encrypted"  # 抖店 ##…: ciphertext only the platform can read


class _Compact:
    """Pickled as its fields in order: a big file's records cross to the importing process
    (``chunks.read_chunks``) twice as fast as with the default (a dict per object)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return type(self), tuple(getattr(self, f.name) for f in fields(self))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Address(_Compact):
    """Chinese addresses fill province/city/district/street; others country and lines."""

    country: str = "CN"  # ISO 3166-1 alpha-2
    province: str = ""
    city: str = ""
    district: str = ""
    street: str = ""  # the rest of a Chinese address: road, number, building, room
    postcode: str = ""
    lines: tuple[str, ...] = ()  # Address1, Address2 … of an address abroad


@dataclass(frozen=True)
class ImportedItem(_Compact):
    title: str
    sku: str  # 商家编码 / Lineitem sku: the shop's own code; "" when the file has none
    attributes: dict[str, str]  # 颜色分类：灰色;尺码：40 → {"颜色分类": "灰色", "尺码": "40"}
    quantity: int
    price: Decimal  # unit price in the order's currency
    platform_line_id: str = ""  # 子订单编号 and the like: a line's own number, when given


@dataclass(frozen=True)
class ImportedOrder(_Compact):
    """One order as the file states it, cleaned of the file's quirks (``="…"``, ``'``, 元…)."""

    line: int  # the file's line number where the order starts (1 = the header)
    order_no: str  # the platform's number, unique per shop (Shopify's Name, e.g. #1001)
    status: PlatformStatus
    ordered_at: datetime  # timezone-aware
    paid_at: datetime | None  # timezone-aware; None while unpaid
    buyer_id: str  # 买家会员名 / e-mail: who bought, as the platform names them
    recipient_name: str
    recipient_phone: str
    address: Address
    sensitivity: Sensitivity
    total: Decimal  # what the buyer paid (实付款), order currency
    currency: str = "CNY"
    items: tuple[ImportedItem, ...] = ()
    buyer_message: str = ""  # 买家留言
    seller_memo: str = ""  # 订单备注 / 卖家备注 / Notes: becomes an imported note, unsigned
    special_requests: dict[str, str] = field(default_factory=dict)  # 发票抬头 … (Order.extras)
    courier: str = ""
    tracking_no: str = ""
    cash_on_delivery: bool = False
    address_changed_on_platform: bool = False  # 修改后的收货地址 was given and used
    sku_changed_on_platform: bool = False  # 修改后的sku was given and used
    # the items read from the Taobao orders file alone (a title and a count, no SKU or
    # attributes): they say nothing about the items of an order already imported in full
    items_from_summary: bool = False
    source_digest: str = ""  # of the file's rows of this order (formats.common.source_digest)


@dataclass(frozen=True)
class Unchanged(_Compact):
    """An order whose rows in the file are those of its last import: not parsed again."""

    line: int
    order_no: str


@dataclass(frozen=True)
class RefusedRow:
    """A line the reader could not turn into an order, and why (in the user's language)."""

    line: int
    order_no: str  # "" when the line has none
    problem: InvalidInput  # its message names the column and what is wrong
    raw: dict[str, str]  # the row as read, so the refused rows can be saved to fix and retry
    # the order's further rows (a row per item: JD, 抖店, Shopify), saved with it so that the
    # fixed file brings the whole order back, not its first item alone
    more: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class CatalogueEntry:
    """A SKU the shop sells (Shopify products export, or seen in an order import)."""

    sku: str
    title: str
    attributes: dict[str, str]
    barcode: str = ""


class FormatId(enum.StrEnum):
    TAOBAO = "taobao"  # Taobao/Tmall 订单报表 (+ 宝贝报表)
    JD = "jd"
    DOUYIN = "douyin"
    PINDUODUO = "pinduoduo"
    SHOPIFY = "shopify"
    MAPPED = "mapped"  # any other CSV/XLSX, through the shop's saved column mapping

    @property
    def label(self) -> str:
        return FORMAT_LABELS[self]


FORMAT_LABELS: dict[FormatId, str] = {
    FormatId.TAOBAO: QT_TRANSLATE_NOOP("FormatId", "Taobao/Tmall order report"),
    FormatId.JD: QT_TRANSLATE_NOOP("FormatId", "JD order export"),
    FormatId.DOUYIN: QT_TRANSLATE_NOOP("FormatId", "Douyin (抖店) order export"),
    FormatId.PINDUODUO: QT_TRANSLATE_NOOP("FormatId", "Pinduoduo order export"),
    FormatId.SHOPIFY: QT_TRANSLATE_NOOP("FormatId", "Shopify orders export"),
    FormatId.MAPPED: QT_TRANSLATE_NOOP("FormatId", "Other CSV/XLSX (columns mapped)"),
}


@dataclass
class Reading:
    """A file being read: what was detected, then the records one by one (streamed).

    ``records`` yields ``ImportedOrder``, ``Unchanged`` and ``RefusedRow`` in file order;
    ``progress`` is the fraction of the file read so far, for the progress bar.
    """

    format: FormatId
    platform: str  # the Shop.platform value this format belongs to
    files: tuple[str, ...]  # names of the files read (orders file first)
    records: Iterator[Record]
    progress: Callable[[], float] | None = None
    # how to open the same files again (another process reads a big file: merge.import_orders)
    reopen: ReadingRecipe | None = None
    # the shop's orders as last imported (their source digests), asked as the records are
    # read: those read the same come as ``Unchanged``, unparsed
    known: KnownDigests = field(default_factory=lambda: KnownDigests())


Fetch = Callable[[list[str]], dict[str, str]]  # order numbers → their stored source digests


class KnownDigests:
    """The source digest stored with each order a reader meets, asked of the database a
    window of rows ahead (``ahead``), so what is held grows with the window, not with the shop
    (a shop of a million orders importing today's 500). No ``fetch``: nothing is known (a
    shop's first import, a dry run), every order is parsed. A number not found only costs
    parsing that order: the merge compares what it says all the same."""

    WINDOW = 1000  # rows read ahead: one query each

    def __init__(self, fetch: Fetch | None = None) -> None:
        self.fetch = fetch
        self._now: dict[str, str] = {}
        self._before: dict[str, str] = {}

    def get(self, number: str) -> str | None:
        found = self._now.get(number)
        return found if found is not None else self._before.get(number)

    def ahead(self, rows: Iterable[Any], number_of: Callable[[Any], str]) -> Iterator[Any]:
        """``rows`` as they come, the digests of each window's order numbers fetched first.
        The window before stays known: its last order is finished once the next window's
        first row is read."""
        if self.fetch is None:
            yield from rows
            return
        rows = iter(rows)
        while window := list(islice(rows, self.WINDOW)):
            numbers = sorted({number_of(row) for row in window} - {""})
            self._before, self._now = self._now, self.fetch(numbers) if numbers else {}
            yield from window


@dataclass(frozen=True)
class ReadingRecipe:
    """``open_reading``'s arguments, which a process of its own can open the files with."""

    paths: tuple[Path, ...]
    format: FormatId | None
    mapping: dict[str, str] | None


# what a format's reader yields, in file order
Record = ImportedOrder | Unchanged | RefusedRow
