"""The options of ``afterdesk change …`` and ``afterdesk requests …``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, add_version, command
from app.models.change_enums import SpecialKind

ADDRESS_FIELDS = ("name", "phone", "province", "city", "district", "street", "postcode")


def _common(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--confirmed",
        action="store_true",
        help="the customer has confirmed: apply it and notify the printer now",
    )
    cmd.add_argument("--urgent", action="store_true", help="mark the request urgent")
    add_version(cmd)
    add_json(cmd)


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "change")
    cmds = parser.add_subparsers(dest="change_cmd", required=True)
    addr = cmds.add_parser("address", help="new shipping address (fields not given stay)")
    addr.add_argument("order_no")
    for name in ADDRESS_FIELDS:
        addr.add_argument(f"--{name}")
    _common(addr)
    addr.set_defaults(run="cmd_changes.run_address")
    attr = cmds.add_parser("attribute", help="change an item's attributes or SKU")
    attr.add_argument("order_no")
    attr.add_argument("--item", required=True, help="the SKU of the item as bought")
    attr.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="e.g. --to 尺码=40 --to 颜色=灰",
    )
    attr.add_argument(
        "--sku",
        help="the SKU of the new attributes; needed when the shop's catalogue knows none or"
        " several (a new one enters the catalogue)",
    )
    _common(attr)
    attr.set_defaults(run="cmd_changes.run_attribute")
    req = cmds.add_parser("request", help="a special request: courier, invoice, card, delivery")
    req.add_argument("order_no")
    req.add_argument("--kind", required=True, choices=[k.value for k in SpecialKind])
    req.add_argument("--text", required=True)
    _common(req)
    req.set_defaults(run="cmd_changes.run_special")
    cancel = cmds.add_parser("cancel", help="the customer cancels after paying")
    cancel.add_argument("order_no")
    cancel.add_argument("--reason", default="")
    _common(cancel)
    cancel.set_defaults(run="cmd_changes.run_cancel")
    for name, helptext in (
        ("confirm", "the customer confirmed: apply and notify"),
        ("withdraw", "the customer changed their mind before confirming"),
    ):
        cmd = cmds.add_parser(name, help=helptext)
        cmd.add_argument("request_id", type=int)
        add_json(cmd)
        cmd.set_defaults(run=f"cmd_changes.run_{name}")

    queue = command(sub, "requests")
    qcmds = queue.add_subparsers(dest="requests_cmd", required=True)
    lst = qcmds.add_parser("list", help="requests, urgent and oldest first")
    lst.add_argument("--open", action="store_true", help="only those waiting for the printer")
    lst.add_argument("--mine", action="store_true", help="only those I asked for (needs --user)")
    add_json(lst)
    lst.set_defaults(run="cmd_changes.run_list")
    done = qcmds.add_parser("done", help="the printer did it")
    done.add_argument("request_id", type=int)
    done.add_argument("--remark", default="")
    add_json(done)
    done.set_defaults(run="cmd_changes.run_done")
    overdue = qcmds.add_parser(
        "overdue", help="show or set after how many minutes an open request is highlighted"
    )
    overdue.add_argument("minutes", type=int, nargs="?")
    overdue.set_defaults(run="cmd_changes.run_overdue")
