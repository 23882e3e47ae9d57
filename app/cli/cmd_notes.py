"""``afterdesk note add``: a signed, dated note on an order."""

from __future__ import annotations

import argparse

from app.cli.common import Context, add_json
from app.services.orders import notes


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("note", help="order notes (signed and dated, never edited)")
    cmds = parser.add_subparsers(dest="note_cmd", required=True)
    add = cmds.add_parser("add", help="add a note to an order")
    add.add_argument("order_no")
    add.add_argument("text")
    add.add_argument("--flag", action="store_true", help="red-flag it for the order printer (红旗)")
    add.add_argument(
        "--corrects", type=int, metavar="NOTE_ID", help="this note corrects an earlier one"
    )
    add_json(add)
    add.set_defaults(run=run_add)


def run_add(ctx: Context) -> int:
    actor = ctx.actor()
    a = ctx.args
    note = ctx.db.write(
        lambda s: notes.add(s, actor, a.order_no, a.text, flagged=a.flag, corrects_id=a.corrects)
    )
    if a.json:
        ctx.emit_json(note.to_json())
    else:
        ctx.out(note.display)
    return 0
