"""``afterdesk demo``: a realistic demo shop, from a handful of orders to a million."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import Order, Role, Setting, Shop, Stage
from app.models.errors import InvalidInput
from app.models.formats import name_key
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import accounts, audit, audit_records, bulk
from app.services.core.demo_data import (
    COLOURS,
    COURIERS,
    GIVEN,
    LATIN_FIRST,
    LATIN_LAST,
    MESSAGES,
    NOTE_SAMPLES,
    PLACES,
    PRODUCTS,
    SHOPS,
    STAGE_WEIGHTS,
    STREETS,
    SURNAMES,
)
from app.services.orders import search_index

DEMO_PASSWORD = "demo"
DEMO_SETTING = "demo_database"
# one account per role, named after it; display names sign the notes
DEMO_STAFF: dict[Role, str] = {
    Role.ADMIN: "刘洋",
    Role.PRESALES: "张三",
    Role.AFTERSALES: "李娜",
    Role.PRINTER: "王芳",
    Role.WAREHOUSE: "赵强",
    Role.SUPERVISOR: "陈静",
}
CHUNK = 20_000
LOADED_TABLES = ("orders", "order_items", "name_grams", "notes")

ORDER_COLUMNS = (
    "id",
    "order_no",
    "shop_id",
    "buyer_id",
    "buyer_message",
    "recipient_name",
    "name_key",
    "recipient_phone",
    "province",
    "city",
    "district",
    "street",
    "postcode",
    "paid_at",
    "stage",
    "courier",
    "tracking_no",
    "total",
    "created_at",
    "updated_at",
    "updated_by_id",
    "version",
)
ITEM_COLUMNS = ("id", "order_id", "position", "sku", "title", "attributes", "quantity", "price")
NOTE_COLUMNS = (
    "id",
    "order_id",
    "author_id",
    "author_name",
    "created_at",
    "text",
    "flagged",
    "kind",
    "corrects_id",
)


@dataclass(frozen=True)
class DemoResult:
    orders: int
    items: int
    notes: int
    users: tuple[str, ...]


def is_demo(session: Session) -> bool:
    return session.get(Setting, DEMO_SETTING) is not None


class _Writer:
    """Formats values the way each database's bulk path expects them."""

    def __init__(self, session: Session) -> None:
        self.sqlite = session.get_bind().dialect.name == "sqlite"

    def when(self, at: datetime) -> Any:
        return at.astimezone(UTC).replace(tzinfo=None).isoformat(" ") if self.sqlite else at

    def money(self, amount: Decimal) -> Any:
        return str(amount)

    def flag(self, value: bool) -> Any:
        return int(value) if self.sqlite else value


def create_staff(session: Session) -> dict[Role, int]:
    return accounts.create_demo_staff(session, DEMO_STAFF, DEMO_PASSWORD)


def fill(
    session: Session,
    orders: int,
    *,
    seed: int = 20261124,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Fill an empty database with the demo shop. Refuses a database that has staff."""
    if orders < 0 or orders > 5_000_000:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The demo takes between 0 and 5,000,000 orders.")
        )
    if accounts.has_users(session):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "This database already has staff accounts; the demo only fills a new database.",
            )
        )
    rng = random.Random(seed)
    staff = create_staff(session)
    shops = []
    for name, platform, sender, phone, address in SHOPS:
        shop = Shop(
            name=name,
            platform=platform,
            sender_name=sender,
            sender_phone=phone,
            return_address=address,
        )
        session.add(shop)
        shops.append(shop)
    session.add(Setting(key=DEMO_SETTING, value="1"))
    session.flush()
    now = db_now(session)
    writer = _Writer(session)
    first_note = bulk.next_id(session, "notes")
    with bulk.loading(session, LOADED_TABLES):
        counts = _fill_orders(
            session, rng, orders, [s.id for s in shops], staff, now, writer, progress
        )
    for table in ("orders", "order_items", "notes"):
        bulk.sync_sequence(session, table)
    admin_id = staff[Role.ADMIN]
    audit.record(
        session,
        actor_id=admin_id,
        actor_name=DEMO_STAFF[Role.ADMIN],
        action="demo.load",
        entity="database",
        entity_key="demo",
        after={
            "orders": counts[0],
            "items": counts[1],
            "notes": counts[2],
            # the notes are not recorded one by one: one digest lets verify prove them
            "note_ids": [first_note, first_note + counts[2] - 1],
            "notes_digest": audit_records.notes_digest(
                session, first_note, first_note + counts[2] - 1
            ),
        },
    )
    return DemoResult(*counts, tuple(r.value for r in DEMO_STAFF))


def _item_variants(writer: _Writer) -> tuple[list[tuple[str, str, str, str, int]], list[float]]:
    """Every (product, size, colour) line ready to insert, and cumulative weights that pick
    the product first, then its size and colour, each uniformly."""
    variants: list[tuple[str, str, str, str, int]] = []
    cum: list[float] = []
    acc = 0.0
    for sku, title, price, dim, values in PRODUCTS:
        for value in values:
            for colour in COLOURS:
                attrs = json.dumps({"颜色": colour, dim: value}, ensure_ascii=False)
                cents = int(price * 100)
                variants.append(
                    (f"{sku}-{colour}-{value}", title, attrs, writer.money(price), cents)
                )
                acc += 1 / (len(PRODUCTS) * len(values) * len(COLOURS))
                cum.append(acc)
    return variants, cum


def _fill_orders(
    session: Session,
    rng: random.Random,
    total: int,
    shop_ids: list[int],
    staff: dict[Role, int],
    now: datetime,
    writer: _Writer,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int, int]:
    # A million orders must load in well under a minute and a half: the row loop below
    # draws plain random() numbers and indexes prepared tables (random.choice and
    # randint cost several times more), and values are built as the bulk path wants them.
    order_id = bulk.next_id(session, "orders")
    item_id = bulk.next_id(session, "order_items")
    note_id = bulk.next_id(session, "notes")
    stages = [s.value for s, w in STAGE_WEIGHTS for _ in range(w)]
    unprinted = {Stage.PAID.value, Stage.CANCELLED.value}
    span = 30 * 24 * 3600
    base_no = 3_861_000_000_000_000 + rng.randrange(10**9)
    items_total = notes_total = 0
    presales, presales_name = staff[Role.PRESALES], DEMO_STAFF[Role.PRESALES]
    variants, variant_cum = _item_variants(writer)
    latin = [
        (f"{first} {last}", name_key(f"{first} {last}"))
        for first in LATIN_FIRST
        for last in LATIN_LAST
    ]
    latin_grams = {key: sorted(search_index.grams(key)) for _, key in latin}
    flag, sqlite = writer.flag, writer.sqlite
    # naive UTC as text: SQLite stores it so, PostgreSQL reads the zone from the suffix
    start = (now - timedelta(seconds=span)).astimezone(UTC).replace(tzinfo=None)
    zone = "" if sqlite else "+00:00"
    rand = rng.random
    n_stage, n_shop, n_sur, n_given, n_latin = (
        len(stages),
        len(shop_ids),
        len(SURNAMES),
        len(GIVEN),
        len(latin),
    )
    n_place, n_street, n_courier, n_msg = len(PLACES), len(STREETS), len(COURIERS), len(MESSAGES)
    shop_ids_s = [str(i) for i in shop_ids] if not sqlite else shop_ids
    done = 0
    while done < total:
        n = min(CHUNK, total - done)
        orders_rows: list[tuple[Any, ...]] = []
        item_rows: list[tuple[Any, ...]] = []
        gram_rows: list[tuple[Any, ...]] = []
        note_rows: list[tuple[Any, ...]] = []
        variant_picks = rng.choices(variants, cum_weights=variant_cum, k=3 * n)
        for i in range(n):
            # ids ascend with payment time, so "newest first" is also "highest id first"
            seq = done + i
            paid_at = start + timedelta(seconds=span * seq / total)
            paid = paid_at.isoformat(" ") + zone
            stage = stages[int(rand() * n_stage)]
            if rand() < 0.75:
                g1 = GIVEN[int(rand() * n_given)]
                name = SURNAMES[int(rand() * n_sur)] + g1
                if rand() < 0.6:
                    name += GIVEN[int(rand() * n_given)]
                    key = name  # Chinese: casefolding and spaces change nothing
                    order_grams = sorted({name[:2], name[1:]})
                else:
                    key = name
                    order_grams = [name]
            else:
                name, key = latin[int(rand() * n_latin)]
                order_grams = latin_grams[key]
            province, city, district, postcode = PLACES[int(rand() * n_place)]
            street = (
                f"{STREETS[int(rand() * n_street)]}{int(rand() * 999) + 1}号"
                f"{int(rand() * 30) + 1}幢{int(rand() * 2405) + 101}室"
            )
            courier, prefix, digits = COURIERS[int(rand() * n_courier)]
            printed = stage not in unprinted
            u = rand()
            count = 1 if u < 0.2 else 2 if u < 0.84 else 3
            cents = 0
            oid = order_id if sqlite else str(order_id)
            for pos in range(count):
                sku, title, attrs, price, price_cents = variant_picks[3 * i + pos]
                qty = 1 if rand() < 0.85 else 2
                cents += price_cents * qty
                item_rows.append(
                    (item_id, oid, pos, sku, title, attrs, qty, price)
                    if sqlite
                    else (str(item_id), oid, str(pos), sku, title, attrs, str(qty), price)
                )
                item_id += 1
            buyer = (
                f"tb_{key[:6]}{int(rand() * 9990) + 10}"
                if rand() < 0.8
                else f"{key[:8]}{int(rand() * 99) + 1}@example.com"
            )
            orders_rows.append(
                (
                    oid,
                    str(base_no + seq),
                    shop_ids_s[int(rand() * n_shop)],
                    buyer,
                    MESSAGES[int(rand() * n_msg)],
                    name,
                    key,
                    f"1{'3456789'[int(rand() * 7)]}{int(rand() * 1_000_000_000):09d}",
                    province,
                    city,
                    district,
                    street,
                    postcode,
                    paid,
                    stage,
                    courier if printed else "",
                    f"{prefix}{int(rand() * 9 * 10 ** (digits - 1)) + 10 ** (digits - 1)}"
                    if printed
                    else None,
                    f"{cents // 100}.{cents % 100:02d}",
                    paid,
                    paid,
                    None,
                    1 if sqlite else "1",
                )
            )
            for gram in order_grams:
                gram_rows.append((gram, oid))
            if rand() < 0.08:
                template, flagged = NOTE_SAMPLES[int(rand() * len(NOTE_SAMPLES))]
                note = template.format(
                    a="黑色40码", b="灰色41码", addr=f"{province}{city}{district}{street}"
                )
                note_rows.append(
                    (
                        note_id,
                        order_id,
                        presales,
                        presales_name,
                        (paid_at + timedelta(minutes=5)).isoformat(" ") + zone,
                        note,
                        flag(flagged),
                        "free",
                        None,
                    )
                )
                note_id += 1
            order_id += 1
        bulk.insert_rows(session, "orders", ORDER_COLUMNS, orders_rows)
        bulk.insert_rows(session, "order_items", ITEM_COLUMNS, item_rows)
        bulk.insert_rows(session, "name_grams", ("gram", "order_id"), gram_rows)
        bulk.insert_rows(session, "notes", NOTE_COLUMNS, note_rows)
        items_total += len(item_rows)
        notes_total += len(note_rows)
        done += n
        if progress:
            progress(done, total)
    return total, items_total, notes_total


def order_count(session: Session) -> int:
    return session.execute(select(func.count()).select_from(Order)).scalar_one()
