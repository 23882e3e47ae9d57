"""The options of ``afterdesk waybills …``: couriers' number patterns, number pools, and one
order's waybill number typed or scanned."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.options import add_json, command


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "waybills")
    cmds = parser.add_subparsers(dest="waybills_cmd", required=True)
    lst = cmds.add_parser("couriers", help="the couriers and their number patterns")
    add_json(lst)
    lst.set_defaults(run="cmd_waybills.run_couriers")
    edit = cmds.add_parser(
        "courier", help="add a courier or change its name, pattern or spellings (administrators)"
    )
    edit.add_argument("code", help="short code, e.g. SF, ZTO")
    edit.add_argument("--name", help="as labels print it, e.g. 顺丰速运")
    edit.add_argument("--pattern", help="a regular expression a whole number must match")
    edit.add_argument("--example", help="a real number; it must match the pattern")
    edit.add_argument(
        "--alias", action="append", help="another spelling on orders and exports (repeat)"
    )
    edit.add_argument(
        "--ranges",
        choices=("yes", "no"),
        help="its numbers run in sequence without a check digit, so a range can be loaded",
    )
    add_json(edit)
    edit.set_defaults(run="cmd_waybills.run_courier")
    load = cmds.add_parser(
        "load", help="load the numbers a courier's branch issued into a shop's pool"
    )
    load.add_argument("courier", help="code or name, e.g. ZTO or 中通快递")
    load.add_argument("file", nargs="?", type=Path, help="the branch's list (CSV, XLSX or text)")
    load.add_argument("--shop", required=True)
    load.add_argument("--range", dest="first_last", metavar="FIRST-LAST", help="a run of numbers")
    add_json(load)
    load.set_defaults(run="cmd_waybills.run_load")
    left = cmds.add_parser("left", help="numbers left in each pool, and which are running low")
    add_json(left)
    left.set_defaults(run="cmd_waybills.run_left")
    low = cmds.add_parser("threshold", help="warn when a shop's pool has fewer numbers than this")
    low.add_argument("shop")
    low.add_argument("count", type=int)
    low.set_defaults(run="cmd_waybills.run_threshold")
    given = cmds.add_parser(
        "set", help="an order's courier and waybill number, typed or scanned (hand-written)"
    )
    given.add_argument("order_no")
    given.add_argument("courier", help="code or name, e.g. SF or 顺丰速运")
    given.add_argument("number")
    add_json(given)
    given.set_defaults(run="cmd_waybills.run_set")
