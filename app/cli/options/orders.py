"""The options of ``afterdesk orders …``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, add_version, command
from app.models.enums import Stage


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "orders")
    cmds = parser.add_subparsers(dest="orders_cmd", required=True)
    find = cmds.add_parser("find", help="by order no., tracking no., phone, buyer id or name")
    find.add_argument("text")
    add_json(find)
    find.set_defaults(run="cmd_orders.run_find")
    show = cmds.add_parser("show", help="one order with its items and notes")
    show.add_argument("order_no")
    add_json(show)
    show.set_defaults(run="cmd_orders.run_show")
    lst = cmds.add_parser("list", help="newest orders first")
    lst.add_argument("--stage", choices=[s.value for s in Stage])
    lst.add_argument("--limit", type=int, default=50)
    add_json(lst)
    lst.set_defaults(run="cmd_orders.run_list")
    made = cmds.add_parser("made-to-order", help="goods made to order: 48 h to ship")
    made.add_argument("order_no")
    add_json(made)
    made.set_defaults(run="cmd_supervision.run_made_to_order")
    stage = cmds.add_parser("stage", help="move an order to its next stage")
    stage.add_argument("order_no")
    stage.add_argument("stage", choices=[s.value for s in Stage])
    add_version(stage)
    add_json(stage)
    stage.set_defaults(run="cmd_orders.run_stage")
    track = cmds.add_parser("tracking", help="record the courier and tracking number")
    track.add_argument("order_no")
    track.add_argument("--courier", required=True)
    track.add_argument("--tracking", required=True)
    add_version(track)
    add_json(track)
    track.set_defaults(run="cmd_orders.run_tracking")
