"""The options of ``afterdesk pack`` and ``afterdesk barcodes`` (the packing desk, issue 11)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.options import add_json, add_version, command


def register(sub: argparse._SubParsersAction) -> None:
    pack = command(sub, "pack")
    pack.add_argument("order_no", help="the dispatch note's order barcode (or an exchange's case)")
    pack.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="CODE",
        help="an item's barcode or SKU, once per piece (a shop that ticks by hand needs none)",
    )
    pack.add_argument("--waybill", metavar="NO", help="the shipping label's waybill number")
    add_version(pack)
    add_json(pack)
    pack.set_defaults(run="cmd_packing.run_pack")

    codes = command(sub, "barcodes")
    cmds = codes.add_subparsers(dest="barcodes_cmd", required=True)
    load = cmds.add_parser("load", help="product barcode → SKU pairs (CSV: barcode,sku)")
    load.add_argument("file", type=Path)
    load.add_argument("--shop", required=True)
    add_json(load)
    load.set_defaults(run="cmd_packing.run_load")
    hand = cmds.add_parser("by-hand", help="the shop's items have no barcodes: tick by hand")
    hand.add_argument("choice", choices=["on", "off"])
    hand.add_argument("--shop", required=True)
    hand.set_defaults(run="cmd_packing.run_by_hand")
