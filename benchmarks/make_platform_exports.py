"""Writes large platform exports for the import benchmarks (issue 10), with invented people.

    python benchmarks/make_platform_exports.py DIR [--taobao 100000] [--shopify 10000] [--newer]

Writes ``DIR/ExportOrderList.csv`` + ``DIR/ExportOrderDetailList.csv`` (Taobao/Tmall, GBK,
``="…"`` ids, trailing spaces in headers, about 1.5 item rows an order, the items file in
the reverse order of the orders file) and ``DIR/orders_export.csv`` (Shopify, one row per line
item, Notes with line breaks). ``--newer`` writes the same orders one export later: a third of
the paid ones shipped with a tracking number, a few closed. The same seed gives the same files,
so a benchmark can import one export and then its newer one. Import ``write_taobao`` and
``write_shopify`` to call them from another benchmark.
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

TAOBAO_HEADER = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分",
    "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言",
    "收货人姓名", "收货地址 ", "运送方式", "联系电话 ", "联系手机", "订单创建时间",
    "订单付款时间 ", "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注",
    "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头",
]  # fmt: skip
ITEMS_HEADER = [
    "订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注",
    "订单状态", "商家编码",
]  # fmt: skip
SHOPIFY_HEADER = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
    "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code",
    "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity", "Lineitem name",
    "Lineitem price", "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping",
    "Lineitem taxable", "Lineitem fulfillment status", "Billing Name", "Billing Street",
    "Billing Address1", "Billing Address2", "Billing Company", "Billing City", "Billing Zip",
    "Billing Province", "Billing Country", "Billing Phone", "Shipping Name", "Shipping Street",
    "Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City", "Shipping Zip",
    "Shipping Province", "Shipping Country", "Shipping Phone", "Notes", "Note Attributes",
    "Cancelled at", "Payment Method", "Payment Reference", "Refunded Amount", "Vendor", "Id",
    "Tags", "Source", "Phone", "Shipping Province Name",
]  # fmt: skip

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
PLACES = [
    ("浙江省", "杭州市", "西湖区", "310012"),
    ("北京", "北京市", "朝阳区", "100022"),
    ("上海", "上海市", "浦东新区", "200120"),
    ("广东省", "深圳市", "南山区", "518057"),
    ("广东省", "东莞市", "长安镇", "523850"),
    ("四川省", "成都市", "武侯区", "610041"),
    ("内蒙古自治区", "呼和浩特市", "新城区", "010010"),
    ("江苏省", "苏州市", "昆山市", "215300"),
]
SHOES = ("轻跑帆布鞋", "XB-CAN", "99.00")
SOCKS = ("运动袜三双装", "XB-SOCK-3", "29.00")
COLOURS = ("灰色", "黑色", "白色")
START = datetime(2026, 11, 1, 8, 0, 0)


def _people(rng: random.Random) -> tuple[str, str]:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    return name, f"13{rng.randint(0, 999999999):09d}"


def write_taobao(
    directory: Path, orders: int = 100_000, *, newer: bool = False, seed: int = 7
) -> tuple[Path, Path]:
    """The orders file and its items file; returns their paths (orders first)."""
    rng = random.Random(seed)
    later = random.Random(seed + 1)
    directory.mkdir(parents=True, exist_ok=True)
    orders_path = directory / "ExportOrderList.csv"
    items_path = directory / "ExportOrderDetailList.csv"
    item_rows: list[list[str]] = []
    with orders_path.open("w", encoding="gbk", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(TAOBAO_HEADER)
        for n in range(orders):
            number = f"30{n:017d}"
            name, phone = _people(rng)
            province, city, district, postcode = rng.choice(PLACES)
            created = START + timedelta(seconds=n * 7)
            kinds = 1 if rng.random() < 0.5 else 2
            lines = [
                (
                    SHOES,
                    f"{SHOES[1]}-{rng.choice(COLOURS)[0]}-{rng.randint(35, 44)}",
                    rng.randint(1, 2),
                )
            ]
            if kinds == 2:
                lines.append((SOCKS, SOCKS[1], rng.randint(1, 3)))
            total = sum(float(product[2]) * quantity for product, _, quantity in lines)
            status, paid, tracking, courier = (
                "买家已付款，等待卖家发货",
                created + timedelta(minutes=1),
                "",
                "",
            )
            if newer:
                roll = later.random()
                if roll < 0.33:
                    status, tracking, courier = (
                        "卖家已发货，等待买家确认",
                        f"YT{n:013d}",
                        "圆通速递",
                    )
                elif roll < 0.35:
                    status = "交易关闭"
            street = f"测试路 {n % 500 + 1}号 {n % 30 + 1}幢{n % 9 + 1}01室"
            out.writerow([
                f'="{number}"', f"buyer{n}", "", f"{total:.2f}", "0.00", "0", f"{total:.2f}", "0",
                f"{total:.2f}", "0", status, "请尽快发货" if n % 10 == 0 else "", name,
                f"{province} {city} {district} {street}({postcode})",
                "快递", "", f"'{phone}", created.strftime("%Y-%m-%d %H:%M:%S"),
                paid.strftime("%Y-%m-%d %H:%M:%S"), "，".join(p[0] for p, _, _ in lines),
                str(kinds), tracking, courier, "老客户" if n % 50 == 0 else "",
                str(sum(quantity for _, _, quantity in lines)), "1", "悦步旗舰店", "", "0", "0",
                "杭州悦步科技有限公司" if n % 100 == 0 else "",
            ])  # fmt: skip
            for (title, _, price), sku, quantity in lines:
                attributes = (
                    f"颜色分类：{sku.split('-')[2]}色;尺码：{sku.split('-')[3]}"
                    if sku.count("-") == 3
                    else "颜色分类：白色"
                )
                item_rows.append(
                    [
                        f'="{number}"',
                        title,
                        price,
                        str(quantity),
                        "",
                        attributes,
                        "",
                        "",
                        status,
                        sku,
                    ]
                )
    with items_path.open("w", encoding="gbk", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(ITEMS_HEADER)
        out.writerows(reversed(item_rows))  # the join must not rely on the files' order
    return orders_path, items_path


def write_shopify(
    directory: Path, orders: int = 10_000, *, newer: bool = False, seed: int = 7
) -> Path:
    rng = random.Random(seed)
    later = random.Random(seed + 1)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "orders_export.csv"
    width = len(SHOPIFY_HEADER)
    column = {name: index for index, name in enumerate(SHOPIFY_HEADER)}
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(SHOPIFY_HEADER)
        for n in range(orders):
            created = START + timedelta(seconds=n * 60)
            items = [("Canvas Runner - Grey / 40", "XB-CAN-GRY-40", "99.00", rng.randint(1, 2))]
            if rng.random() < 0.4:
                items.append(("Sport Socks 3-pack", "XB-SOCK-3", "13.00", rng.randint(1, 3)))
            total = sum(float(price) * quantity for _, _, price, quantity in items)
            fulfilled = "fulfilled" if newer and later.random() < 0.33 else "unfulfilled"
            for index, (title, sku, price, quantity) in enumerate(items):
                row = [""] * width
                row[column["Name"]] = f"#{1001 + n}"
                row[column["Lineitem quantity"]] = str(quantity)
                row[column["Lineitem name"]] = title
                row[column["Lineitem price"]] = price
                row[column["Lineitem sku"]] = sku
                if index == 0:  # the order's own columns only on its first row, as Shopify writes
                    values = {
                        "Email": f"customer{n}@example.com", "Financial Status": "paid",
                        "Paid at": created.strftime("%Y-%m-%d %H:%M:%S +0100"),
                        "Fulfillment Status": fulfilled, "Currency": "EUR", "Total": f"{total:.2f}",
                        "Created at": created.strftime("%Y-%m-%d %H:%M:%S +0100"),
                        "Shipping Name": f"Customer {n}",
                        "Shipping Address1": f"{n % 300 + 1} Main Street",
                        "Shipping City": "Basel", "Shipping Zip": "'4001", "Shipping Country": "CH",
                        "Notes": "Leave at the door.\nRing twice." if n % 20 == 0 else "",
                        "Payment Method": "Shopify Payments", "Id": str(5_000_000_000_000 + n),
                    }  # fmt: skip
                    for name, value in values.items():
                        row[column[name]] = value
                out.writerow(row)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--taobao", type=int, default=100_000, help="Taobao orders (0: none)")
    parser.add_argument("--shopify", type=int, default=10_000, help="Shopify orders (0: none)")
    parser.add_argument("--newer", action="store_true", help="the next export of the same orders")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.taobao:
        for path in write_taobao(args.directory, args.taobao, newer=args.newer, seed=args.seed):
            print(f"{path} {path.stat().st_size / 1e6:.1f} MB")
    if args.shopify:
        path = write_shopify(args.directory, args.shopify, newer=args.newer, seed=args.seed)
        print(f"{path} {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
