"""The options of the after-sales paper under ``afterdesk print``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, add_out
from app.cli.options.register import filters


def register(cmds: argparse._SubParsersAction) -> None:
    """Add the after-sales documents to ``afterdesk print``'s sub-commands."""
    slip = cmds.add_parser(
        "recall-slip", help="the two-copy recall slip (两联快件退回单) of a recall case, A4"
    )
    slip.add_argument("case_no", metavar="CASE")
    add_out(slip)
    slip.add_argument("--printer", help="also send it to this CUPS queue (lp -d NAME)")
    add_json(slip)
    slip.set_defaults(run="cmd_print_cases.run_recall_slip")
    reg = cmds.add_parser("register", help="the after-sales register (售后登记表) as a PDF")
    add_out(reg)
    reg.add_argument("--printer", help="also send it to this CUPS queue (lp -d NAME)")
    filters(reg)
    reg.set_defaults(run="cmd_print_cases.run_register")
    exch = cmds.add_parser(
        "exchange", help="the exchange order (换货单) of an exchange case: label and dispatch note"
    )
    exch.add_argument("case_no", metavar="CASE")
    add_out(exch)
    exch.add_argument("--size", default="100x150", help="label size: 100x150, 76x130 or 100x180")
    exch.add_argument("--paper", default="A5", help="dispatch note: A5 or A4")
    exch.add_argument("--reason", default="", help="why it is printed again (a reprint)")
    exch.add_argument(
        "--version",
        dest="expected_version",
        type=int,
        default=None,
        help="the case version you looked at; refused if it changed since",
    )
    add_json(exch)
    exch.set_defaults(run="cmd_print_cases.run_exchange")
    waiting = cmds.add_parser("exchanges", help="exchange cases waiting for their exchange order")
    waiting.add_argument(
        "--all", action="store_true", help="also those printed already but not yet shipped"
    )
    add_json(waiting)
    waiting.set_defaults(run="cmd_print_cases.run_exchanges")
