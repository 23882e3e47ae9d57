"""The options of ``afterdesk handover …`` and ``afterdesk export shipments``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.options import add_json, command

EXPORT_FORMATS = ("taobao", "jd", "douyin", "pdd", "shopify", "csv")


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "handover")
    cmds = parser.add_subparsers(dest="handover_cmd", required=True)
    add = cmds.add_parser("add", help="scan parcels into the courier's open hand-over list")
    add.add_argument("courier", metavar="COURIER", help="the courier, as on the orders (顺丰速运)")
    add.add_argument("waybills", nargs="+", metavar="WAYBILL", help="waybill numbers")
    add_json(add)
    add.set_defaults(run="cmd_shipping.run_add")
    remove = cmds.add_parser("remove", help="take parcels out of the open list")
    remove.add_argument("courier", metavar="COURIER")
    remove.add_argument("waybills", nargs="+", metavar="WAYBILL")
    remove.set_defaults(run="cmd_shipping.run_remove")
    show = cmds.add_parser("list", help="the open list of a courier, or every open list")
    show.add_argument("courier", nargs="?", metavar="COURIER")
    add_json(show)
    show.set_defaults(run="cmd_shipping.run_list")
    confirm = cmds.add_parser("confirm", help="print the manifest (交接单); its orders are shipped")
    confirm.add_argument("courier", metavar="COURIER")
    confirm.add_argument("--out", type=Path, required=True, help="the manifest PDF to write")
    confirm.add_argument("--overwrite", action="store_true", help="replace the file if it exists")
    add_json(confirm)
    confirm.set_defaults(run="cmd_shipping.run_confirm")
    day = cmds.add_parser(
        "day", help="a day's print batches, manifests and exchanges shipped (default: today)"
    )
    day.add_argument("date", nargs="?", metavar="YYYY-MM-DD")
    add_json(day)
    day.set_defaults(run="cmd_shipping.run_day")

    export = command(sub, "export")
    what = export.add_subparsers(dest="export_cmd", required=True)
    shipments = what.add_parser(
        "shipments", help="shipments not yet given to the platform, as its bulk-ship upload"
    )
    shipments.add_argument("--shop", required=True, help="the shop")
    shipments.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    shipments.add_argument("--out", type=Path, required=True, help="the file to write")
    shipments.add_argument("--overwrite", action="store_true", help="replace the file if it exists")
    add_json(shipments)
    shipments.set_defaults(run="cmd_shipping.run_export")
