"""Product barcodes and how a shop's items are checked at the packing desk (docs/packing.md P3).

An administrator loads the shop's product barcodes (EAN/UPC on the goods, or the shop's own
stickers) as barcode → SKU pairs; the desk then reads a scanned barcode as that SKU. A shop
without item barcodes ticks items by hand: a shared setting per shop (``shop_hand_tick:<id>``,
kept like the default courier), which an administrator sets.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import ItemBarcode, Setting, Shop
from app.models.errors import InvalidInput, os_reason
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text
from app.services.dispatch import slips as print_slips

HAND_TICK_SETTING = "shop_hand_tick:{id}"
MAX_CODE = 64


# -- the shop's setting ---------------------------------------------------------------------
def ticks_by_hand(session: Session, shop_id: int) -> bool:
    setting = session.get(Setting, HAND_TICK_SETTING.format(id=shop_id))
    return setting is not None and setting.value == "1"


def shops_ticking_by_hand(session: Session) -> set[str]:
    """The names of the shops whose items are ticked by hand (the Shops page shows them)."""
    prefix = HAND_TICK_SETTING.format(id="")
    ids = {
        int(key[len(prefix) :])
        for key, value in session.execute(
            select(Setting.key, Setting.value).where(Setting.key.startswith(prefix))
        ).all()
        if value == "1"
    }
    if not ids:
        return set()
    return set(session.execute(select(Shop.name).where(Shop.id.in_(ids))).scalars())


def set_ticks_by_hand(session: Session, actor: Actor, shop_name: str, on: bool) -> bool:
    """An administrator says the shop's items have no barcodes (ticked by hand) or have."""
    require(session, actor, Action.SHOP_EDIT)
    shop = print_slips.shop_by_name(session, shop_name)
    key = HAND_TICK_SETTING.format(id=shop.id)
    setting = session.get(Setting, key)
    before = setting is not None and setting.value == "1"
    if before != on:
        if setting is None:
            session.add(Setting(key=key, value="1" if on else "0"))
        else:
            setting.value = "1" if on else "0"
        audit.record(
            session,
            actor_id=actor.user_id,
            actor_name=actor.display_name,
            action="shop.hand_tick",
            entity="shop",
            entity_key=shop.name,
            before={"ticks_by_hand": before},
            after={"ticks_by_hand": on},
        )
    return on


# -- barcodes → SKUs ------------------------------------------------------------------------
@dataclass(frozen=True)
class BarcodeLoad:
    shop: str
    added: int
    changed: int  # a barcode that named another SKU before
    unchanged: int

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def read_pairs(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, barcode, SKU) from a CSV or tab-separated file; a header line is skipped."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Cannot read {path}: {why}"),
            path=str(path),
            why=os_reason(exc),
        ) from None
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        text = raw.decode("utf-8", "replace")
    dialect = "excel-tab" if "\t" in text.split("\n", 1)[0] else "excel"
    for n, row in enumerate(csv.reader(io.StringIO(text), dialect=dialect), 1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if n == 1 and cells[0].casefold() in {"barcode", "条码", "条形码", "商品条码"}:
            continue
        yield n, cells[0], cells[1] if len(cells) > 1 else ""


def _code(value: str, field: str, line: int) -> str:
    text = clean_text(value, field=Label(field, "Field"), max_len=MAX_CODE)
    if any(ch.isspace() for ch in text):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Line {line}: {field} “{value}” has a space in it."),
            line=line,
            field=Label(field, "Field"),
            value=text,
        )
    return text


def load(
    session: Session, actor: Actor, shop_name: str, pairs: Iterable[tuple[int, str, str]]
) -> BarcodeLoad:
    """Map each barcode to its SKU for the shop: all pairs or none (a bad line, or one barcode
    given two SKUs, refuses the whole file naming the line)."""
    require(session, actor, Action.BARCODE_LOAD)
    shop = print_slips.shop_by_name(session, shop_name)
    wanted: dict[str, tuple[int, str]] = {}
    for line, barcode, sku in pairs:
        code = _code(barcode, QT_TRANSLATE_NOOP("Field", "Barcode"), line)
        item = _code(sku, QT_TRANSLATE_NOOP("Field", "SKU"), line)
        seen = wanted.get(code)
        if seen is not None and seen[1] != item:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Line {line}: barcode {barcode} is given SKU {sku}, but line {first} gave "
                    "it {other}. A barcode is one SKU; nothing was loaded.",
                ),
                line=line,
                barcode=code,
                sku=item,
                first=seen[0],
                other=seen[1],
            )
        wanted[code] = (line, item)
    if not wanted:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "The file has no barcode and SKU pairs."))
    existing: dict[str, ItemBarcode] = {}
    codes = list(wanted)
    for start in range(0, len(codes), 1000):
        for held in session.execute(
            select(ItemBarcode).where(
                ItemBarcode.shop_id == shop.id, ItemBarcode.barcode.in_(codes[start : start + 1000])
            )
        ).scalars():
            existing[held.barcode] = held
    now = db_now(session)
    added = changed = unchanged = 0
    for code, (_line, sku) in wanted.items():
        row = existing.get(code)
        if row is None:
            session.add(
                ItemBarcode(
                    shop_id=shop.id,
                    barcode=code,
                    sku=sku,
                    loaded_by=actor.display_name,
                    loaded_at=now,
                )
            )
            added += 1
        elif row.sku != sku:
            row.sku, row.loaded_by, row.loaded_at = sku, actor.display_name, now
            changed += 1
        else:
            unchanged += 1
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="barcode.load",
        entity="shop",
        entity_key=shop.name,
        after={"added": added, "changed": changed, "unchanged": unchanged},
    )
    return BarcodeLoad(shop.name, added, changed, unchanged)
