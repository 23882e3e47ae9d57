"""Open export files: name their format from the headers, then stream their orders.

``open_reading`` is what the merge, the Import page and ``afterdesk import orders`` call. It
reads only the headers and the first row before returning, so detection and a first preview
page are quick whatever the file's size; the records then stream as the caller pulls them.
Whole-file problems (another kind of file, missing columns, empty, header only) are refused
here at once; a problem in one order is a ``RefusedRow`` in the stream (docs/imports.md).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.imports.formats import douyin, jd, mapped, pinduoduo, shopify, taobao
from app.services.imports.formats.common import Aliases, Columns
from app.services.imports.records import (
    CatalogueEntry,
    FormatId,
    KnownDigests,
    Reading,
    ReadingRecipe,
    Record,
    RefusedRow,
)
from app.services.imports.sources import Source, open_source

PLATFORM = {
    FormatId.TAOBAO: "taobao",
    FormatId.JD: "jd",
    FormatId.DOUYIN: "douyin",
    FormatId.PINDUODUO: "pinduoduo",
    FormatId.SHOPIFY: "shopify",
    FormatId.MAPPED: "other",
}


class UnknownFormat(InvalidInput):
    """The file is no export AfterDesk knows (or needs a mapping): its columns can be mapped."""


@dataclass(frozen=True)
class _Kind:
    format: FormatId
    fields: Aliases
    required: tuple[str, ...]
    signature: tuple[str, ...]


# one-file formats; Taobao's pair of files is handled apart
_KINDS = (
    _Kind(FormatId.SHOPIFY, shopify.FIELDS, shopify.REQUIRED, shopify.SIGNATURE),
    _Kind(FormatId.DOUYIN, douyin.FIELDS, douyin.REQUIRED, douyin.SIGNATURE),
    _Kind(FormatId.JD, jd.FIELDS, jd.REQUIRED, jd.SIGNATURE),
    _Kind(FormatId.PINDUODUO, pinduoduo.FIELDS, pinduoduo.REQUIRED, pinduoduo.SIGNATURE),
    _Kind(FormatId.TAOBAO, taobao.ORDER_FIELDS, taobao.ORDER_REQUIRED, taobao.ORDER_SIGNATURE),
)
_READERS: dict[FormatId, Callable[[Source], Iterator[Record]]] = {
    FormatId.SHOPIFY: shopify.read,
    FormatId.DOUYIN: douyin.read,
    FormatId.JD: jd.read,
    FormatId.PINDUODUO: pinduoduo.read,
}


def detect(headers: list[str]) -> FormatId | None:
    """The format whose telling columns are all in this header, if any."""
    if taobao.is_orders_file(headers):
        return FormatId.TAOBAO
    for kind in _KINDS:
        if all(name in headers for name in kind.signature):
            return kind.format
    return None


def open_reading(
    paths: list[Path],
    *,
    format: FormatId | None = None,
    mapping: dict[str, str] | None = None,
) -> Reading:
    """Open the export (on Taobao, the orders file and its items file in either order).

    ``format`` forces a format instead of detecting it; ``mapping`` ({field: header}, see
    ``formats.mapped.FIELDS``) reads any other CSV/XLSX. Raises ``InvalidInput`` for a file
    that cannot be read as an export at all.
    """
    if not paths:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "No file was given to import."))
    sources: list[Source] = []
    try:
        for path in paths:
            sources.append(open_source(Path(path)))
        reading = _reading(sources, format, mapping)
    except BaseException:
        for source in sources:
            _close(source)
        raise
    reading.reopen = ReadingRecipe(tuple(Path(p) for p in paths), format, mapping)
    return reading


def _close(source: Source) -> None:
    close = getattr(source.rows, "close", None)
    if close is not None:
        close()


def _reading(
    sources: list[Source], format: FormatId | None, mapping: dict[str, str] | None
) -> Reading:
    if mapping is not None or format is FormatId.MAPPED:
        if mapping is None:
            raise UnknownFormat(
                QT_TRANSLATE_NOOP("UserError", "Choose which column holds which field first.")
            )
        source = _one(sources)
        mapped.check(source, mapping)
        _need_rows(source)
        return _made(FormatId.MAPPED, sources, mapped.read(source, mapping))
    if shopify.is_products_file(sources[0].headers):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{file} is a Shopify products export: import it as the catalogue, not as orders.",
            ),
            file=sources[0].path.name,
        )
    orders = [s for s in sources if not taobao.is_items_file(s.headers)]
    items = [s for s in sources if taobao.is_items_file(s.headers)]
    if items and format in (None, FormatId.TAOBAO):
        return _taobao(orders, items)
    source = _one(sources)
    found = detect(source.headers)
    chosen = format or found
    if chosen is None:
        raise _unknown(source)
    if chosen is FormatId.TAOBAO:
        return _taobao([source], [])
    kind = next(k for k in _KINDS if k.format is chosen)
    _check_columns(source, kind.fields, kind.required, chosen)
    _need_rows(source)
    return _made(chosen, sources, _READERS[chosen](source))


def _one(sources: list[Source]) -> Source:
    if len(sources) != 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Import one file at a time (only Taobao/Tmall takes two: the orders file and its "
                "items file).",
            )
        )
    return sources[0]


def _taobao(orders: list[Source], items: list[Source]) -> Reading:
    if not orders:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{file} is a Taobao/Tmall items file (宝贝报表): import it together with its "
                "orders file (订单报表, ExportOrderList…).",
            ),
            file=items[0].path.name,
        )
    if len(orders) > 1 or len(items) > 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Import one Taobao/Tmall orders file with at most one items file at a time.",
            )
        )
    order_source = orders[0]
    _check_columns(order_source, taobao.ORDER_FIELDS, taobao.ORDER_REQUIRED, FormatId.TAOBAO)
    _need_rows(order_source)
    item_source = items[0] if items else None
    if item_source is not None:
        _check_columns(item_source, taobao.ITEM_FIELDS, taobao.ITEM_REQUIRED, FormatId.TAOBAO)
    records = taobao.read(order_source, item_source)
    return _made(FormatId.TAOBAO, [order_source, *items], records)


def _check_columns(
    source: Source, fields: Aliases, required: tuple[str, ...], format: FormatId
) -> None:
    missing = Columns(source.headers, fields).missing(required)
    if missing:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{file} is not a complete {format} export: the columns {columns} are missing.",
            ),
            file=source.path.name,
            format=format.value,
            columns=", ".join(missing),
        )


def _unknown(source: Source) -> UnknownFormat:
    """Name the format the header is closest to and what it lacks, so a user can tell."""
    best = max(_KINDS, key=lambda kind: sum(name in source.headers for name in kind.signature))
    missing = [name for name in best.signature if name not in source.headers]
    return UnknownFormat(
        QT_TRANSLATE_NOOP(
            "UserError",
            "{file} is not an order export AfterDesk knows. The nearest is {format}, which would "
            "have the columns {columns}. Choose the columns by hand (Other CSV/XLSX) instead.",
        ),
        file=source.path.name,
        format=best.format.value,
        columns=", ".join(missing),
    )


def _need_rows(source: Source) -> None:
    """Refuse a header-only file now, not after an empty import; the row read is put back."""
    first = next(source.rows, None)
    if first is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{file} has its column names but no orders."),
            file=source.path.name,
        )
    source.rows = itertools.chain([first], source.rows)


def _made(format: FormatId, sources: list[Source], records: Iterator[Record]) -> Reading:
    total = sum(source.size for source in sources) or 1
    known = KnownDigests()
    for source in sources:
        source.known = known  # one table for the reader of each file

    def progress() -> float:
        return min(1.0, sum(s.progress() * s.size for s in sources) / total)

    return Reading(
        format=format,
        platform=PLATFORM[format],
        files=tuple(source.path.name for source in sources),
        records=records,
        progress=progress,
        known=known,
    )


@dataclass
class CatalogueReading:
    """A catalogue file being read (the Shopify products export): entries streamed."""

    file: str
    records: Iterator[CatalogueEntry | RefusedRow]
    progress: Callable[[], float]


def open_catalogue(path: Path) -> CatalogueReading:
    """Open a Shopify products export to learn the shop's SKUs, titles and options."""
    source = open_source(Path(path))
    if not shopify.is_products_file(source.headers):
        _close(source)
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{file} is not a Shopify products export: the columns {columns} are missing.",
            ),
            file=source.path.name,
            columns=", ".join(n for n in shopify.PRODUCT_SIGNATURE if n not in source.headers),
        )
    _need_rows(source)
    return CatalogueReading(source.path.name, shopify.read_products(source), source.progress)
