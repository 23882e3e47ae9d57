"""The options of ``afterdesk import orders|catalogue|history`` and ``afterdesk shop``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.options import add_json, command

FORMATS = ("taobao", "jd", "douyin", "pinduoduo", "shopify", "mapped")
PLATFORMS = ("taobao", "tmall", "jd", "douyin", "pinduoduo", "shopify", "other")


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "import")
    cmds = parser.add_subparsers(dest="import_cmd", required=True)
    orders = cmds.add_parser(
        "orders",
        help="import a platform's order export (Taobao/Tmall: the orders file and its items file)",
    )
    orders.add_argument("files", nargs="+", type=Path, metavar="FILE")
    orders.add_argument(
        "--shop", help="the shop the export belongs to (a new name creates the shop)"
    )
    orders.add_argument(
        "--format",
        choices=FORMATS,
        help="the export's format (default: detected; mapped: the shop's saved --map)",
    )
    orders.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="any other CSV/XLSX: which column holds a field (e.g. order_no=单号); saved for "
        "the shop and used for its next file",
    )
    orders.add_argument(
        "--dry-run", action="store_true", help="show what would come in; write nothing"
    )
    add_json(orders)
    orders.set_defaults(run="cmd_imports.run_orders")

    catalogue = cmds.add_parser(
        "catalogue", help="import the shop's SKUs (Shopify products export)"
    )
    catalogue.add_argument("file", type=Path, metavar="FILE")
    catalogue.add_argument("--shop", help="the shop the catalogue belongs to")
    add_json(catalogue)
    catalogue.set_defaults(run="cmd_imports.run_catalogue")

    waybills = cmds.add_parser(
        "waybills",
        help="an e-waybill tool's export (菜鸟, 拼多多, 抖店, 快递100): order no., courier, "
        "waybill no.; those orders then print their dispatch notes only",
    )
    waybills.add_argument("file", type=Path, metavar="FILE")
    add_json(waybills)
    waybills.set_defaults(run="cmd_waybills.run_import")

    history = cmds.add_parser("history", help="every import: files, who, when, counts")
    history.add_argument("--limit", type=int, default=50)
    history.add_argument("--conflicts", action="store_true", help="the open conflicts instead")
    history.add_argument(
        "--refused", type=int, metavar="RUN", help="save this import's refused rows (with --out)"
    )
    history.add_argument("--out", type=Path, help="the CSV to write the refused rows to")
    history.add_argument("--overwrite", action="store_true", help="replace the file if it exists")
    add_json(history)
    history.set_defaults(run="cmd_imports.run_history")

    settle = cmds.add_parser("settle", help="settle a conflict: keep ours or take theirs")
    settle.add_argument("conflict", type=int, metavar="CONFLICT_ID")
    settle.add_argument("--keep", required=True, choices=("ours", "theirs"))
    add_json(settle)
    settle.set_defaults(run="cmd_imports.run_settle")

    shop = command(sub, "shop")
    shop_cmds = shop.add_subparsers(dest="shop_cmd", required=True)
    add = shop_cmds.add_parser("add", help="add a shop")
    add.add_argument("name")
    add.add_argument("--platform", required=True, choices=PLATFORMS)
    add_json(add)
    add.set_defaults(run="cmd_shops.run_add")
    rename = shop_cmds.add_parser("rename", help="rename a shop")
    rename.add_argument("old")
    rename.add_argument("new")
    add_json(rename)
    rename.set_defaults(run="cmd_shops.run_rename")
