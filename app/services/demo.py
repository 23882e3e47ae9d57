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
from app.services import accounts, audit, bulk, search_index

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
SHOPS = [("悦步鞋履旗舰店", "tmall"), ("Maple & Pine Outfitters", "shopify")]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳"  # noqa: E501
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国志文辉鹏宇浩然子涵梓萱欣怡雨轩思远晨曦小明小红佳琪俊杰婷婷嘉怡梦瑶一鸣"  # noqa: E501
LATIN_FIRST = [
    "Emily",
    "James",
    "Olivia",
    "Liam",
    "Sophia",
    "Noah",
    "Ava",
    "Lucas",
    "Mia",
    "Ethan",
    "Chloé",
    "Zoë",
    "Mateo",
    "Isabella",
    "Jack",
    "Grace",
    "Leo",
    "Hannah",
]
LATIN_LAST = [
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Wilson",
    "Taylor",
    "Anderson",
    "Thomas",
    "Moore",
    "Martin",
    "O'Brien",
    "Müller",
    "Dubois",
    "Chen",
]
PLACES = [
    ("浙江省", "杭州市", "西湖区", "310012"),
    ("浙江省", "宁波市", "鄞州区", "315100"),
    ("广东省", "深圳市", "南山区", "518052"),
    ("广东省", "广州市", "天河区", "510620"),
    ("北京市", "北京市", "朝阳区", "100020"),
    ("上海市", "上海市", "浦东新区", "200120"),
    ("江苏省", "南京市", "鼓楼区", "210009"),
    ("四川省", "成都市", "武侯区", "610041"),
    ("湖北省", "武汉市", "洪山区", "430070"),
    ("福建省", "厦门市", "思明区", "361001"),
    ("山东省", "青岛市", "市南区", "266001"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区", "830002"),
]
STREETS = [
    "文三路",
    "学院路",
    "科技园南路",
    "天河北路",
    "建国路",
    "世纪大道",
    "中山北路",
    "人民南路",
    "珞喻路",
    "鹭江道",
    "香港中路",
    "解放南路",
]
PRODUCTS = [
    ("XB-RUN", "轻跑系列 男子缓震跑鞋", Decimal("399.00"), "尺码", ["39", "40", "41", "42", "43"]),
    ("XB-CAN", "经典帆布鞋 低帮", Decimal("159.00"), "尺码", ["35", "36", "37", "38", "39", "40"]),
    ("XB-BOOT", "真皮马丁靴 女款", Decimal("599.00"), "尺码", ["35", "36", "37", "38"]),
    ("MP-TEE", "Organic cotton tee", Decimal("129.00"), "Size", ["S", "M", "L", "XL"]),
    ("MP-HOOD", "Fleece hoodie 连帽卫衣", Decimal("289.00"), "尺码", ["M", "L", "XL", "XXL"]),
    ("XB-SOCK", "运动袜 三双装", Decimal("39.90"), "尺码", ["均码"]),
]
COLOURS = ["黑", "白", "灰", "藏青", "卡其"]
COURIERS = [
    ("顺丰速运", "SF"),
    ("圆通速递", "YT"),
    ("中通快递", "ZT"),
    ("韵达快递", "YD"),
    ("EMS", "EM"),
    ("京东物流", "JD"),
]
STAGE_WEIGHTS = [
    (Stage.PAID, 30),
    (Stage.PRINTED, 14),
    (Stage.PACKED, 10),
    (Stage.SHIPPED, 24),
    (Stage.DELIVERED, 11),
    (Stage.CLOSED, 8),
    (Stage.CANCELLED, 3),
]
MESSAGES = [
    "",
    "",
    "",
    "请尽快发货，谢谢！",
    "麻烦发顺丰",
    "送人的，不要放发货单价格",
    "Please gift wrap",
    "下午送货",
]
NOTE_SAMPLES = [
    ("客户拍下{a}，要求修改成{b}，已修改妥当", False),
    ("客户要求修改地址，新地址为：{addr}", True),
    ("客户要求发票抬头：杭州悦步科技有限公司", True),
    ("客户要求贺卡写：生日快乐！", True),
    ("客户要求周六上午送达", False),
]
CHUNK = 20_000

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


def _name(rng: random.Random) -> str:
    if rng.random() < 0.75:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        return rng.choice(SURNAMES) + given
    return f"{rng.choice(LATIN_FIRST)} {rng.choice(LATIN_LAST)}"


def create_staff(session: Session) -> dict[Role, int]:
    ids: dict[Role, int] = {}
    admin = accounts.create_first_admin(session, "admin", DEMO_STAFF[Role.ADMIN], DEMO_PASSWORD)
    ids[Role.ADMIN] = admin.user_id
    for role, display in DEMO_STAFF.items():
        if role is Role.ADMIN:
            continue
        view = accounts.add_user(session, admin, role.value, display, DEMO_PASSWORD, [role])
        ids[role] = view.id
    return ids


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
    for name, platform in SHOPS:
        shop = Shop(name=name, platform=platform)
        session.add(shop)
        shops.append(shop)
    session.add(Setting(key=DEMO_SETTING, value="1"))
    session.flush()
    now = db_now(session)
    writer = _Writer(session)
    counts = _fill_orders(session, rng, orders, [s.id for s in shops], staff, now, writer, progress)
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
        after={"orders": counts[0], "items": counts[1], "notes": counts[2]},
    )
    return DemoResult(*counts, tuple(r.value for r in DEMO_STAFF))


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
    order_id = bulk.next_id(session, "orders")
    item_id = bulk.next_id(session, "order_items")
    note_id = bulk.next_id(session, "notes")
    stages = [s for s, w in STAGE_WEIGHTS for _ in range(w)]
    span = 30 * 24 * 3600
    base_no = 3_861_000_000_000_000 + rng.randrange(10**9)
    items_total = notes_total = 0
    presales = staff[Role.PRESALES]
    done = 0
    while done < total:
        n = min(CHUNK, total - done)
        orders_rows: list[tuple[Any, ...]] = []
        item_rows: list[tuple[Any, ...]] = []
        gram_rows: list[tuple[str, int]] = []
        note_rows: list[tuple[Any, ...]] = []
        for i in range(n):
            # ids ascend with payment time, so "newest first" is also "highest id first"
            seq = done + i
            paid = now - timedelta(seconds=span * (total - seq) / max(total, 1))
            stage = rng.choice(stages)
            name = _name(rng)
            key = name_key(name)
            province, city, district, postcode = rng.choice(PLACES)
            street = (
                f"{rng.choice(STREETS)}{rng.randint(1, 999)}号"
                f"{rng.randint(1, 30)}幢{rng.randint(101, 2505)}室"
            )
            courier, prefix = rng.choice(COURIERS)
            printed = stage not in (Stage.PAID, Stage.CANCELLED)
            total_price = Decimal(0)
            for pos in range(1 if rng.random() < 0.2 else 2 if rng.random() < 0.8 else 3):
                sku, title, price, dim, values = rng.choice(PRODUCTS)
                value, colour = rng.choice(values), rng.choice(COLOURS)
                qty = 1 if rng.random() < 0.85 else 2
                total_price += price * qty
                attrs = json.dumps({"颜色": colour, dim: value}, ensure_ascii=False)
                item_rows.append(
                    (
                        item_id,
                        order_id,
                        pos,
                        f"{sku}-{colour}-{value}",
                        title,
                        attrs,
                        qty,
                        writer.money(price),
                    )
                )
                item_id += 1
            orders_rows.append(
                (
                    order_id,
                    str(base_no + seq),
                    rng.choice(shop_ids),
                    f"tb_{key[:6]}{rng.randint(10, 9999)}"
                    if rng.random() < 0.8
                    else f"{key[:8]}{rng.randint(1, 99)}@example.com",
                    rng.choice(MESSAGES),
                    name,
                    key,
                    f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}",
                    province,
                    city,
                    district,
                    street,
                    postcode,
                    writer.when(paid),
                    stage.value,
                    courier if printed else "",
                    f"{prefix}{rng.randint(10**11, 10**12 - 1)}" if printed else None,
                    writer.money(total_price),
                    writer.when(paid),
                    writer.when(paid),
                    None,
                    1,
                )
            )
            gram_rows.extend(search_index.gram_rows(order_id, key))
            if rng.random() < 0.08:
                template, flagged = rng.choice(NOTE_SAMPLES)
                text = template.format(
                    a="黑色40码", b="灰色41码", addr=f"{province}{city}{district}{street}"
                )
                note_rows.append(
                    (
                        note_id,
                        order_id,
                        presales,
                        DEMO_STAFF[Role.PRESALES],
                        writer.when(paid + timedelta(minutes=5)),
                        text,
                        writer.flag(flagged),
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
