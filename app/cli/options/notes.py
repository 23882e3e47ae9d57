"""The options of ``afterdesk note add``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, command


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "note")
    cmds = parser.add_subparsers(dest="note_cmd", required=True)
    add = cmds.add_parser("add", help="add a note to an order")
    add.add_argument("order_no")
    add.add_argument("text")
    add.add_argument("--flag", action="store_true", help="red-flag it for the order printer (红旗)")
    add.add_argument(
        "--corrects", type=int, metavar="NOTE_ID", help="this note corrects an earlier one"
    )
    add_json(add)
    add.set_defaults(run="cmd_notes.run_add")
