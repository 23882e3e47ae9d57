"""The options of ``afterdesk print …``: batches, reprints, previews and settings."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.options import add_json, add_out, command, print_cases


def _sizes(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--size", default="100x150", help="label size: 100x150, 76x130 or 100x180")
    cmd.add_argument("--paper", default="A5", help="dispatch notes and cover sheet: A5 or A4")


def _outputs(cmd: argparse.ArgumentParser) -> None:
    add_out(cmd)
    cmd.add_argument(
        "--labels-out", type=Path, help="labels in this second PDF (for a label printer)"
    )
    cmd.add_argument("--printer", help="also send --out to this CUPS queue (lp -d NAME)")
    cmd.add_argument("--label-printer", help="send --labels-out to this CUPS queue")
    _sizes(cmd)
    add_json(cmd)


def _filters(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--shop", help="only this shop (its name)")
    cmd.add_argument("--courier", help="only orders for this courier")
    cmd.add_argument("--cutoff", help="paid by today HH:MM (default: the shared setting, 16:00)")
    cmd.add_argument("--no-cutoff", action="store_true", help="every paid order, whenever paid")


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "print")
    cmds = parser.add_subparsers(dest="print_cmd", required=True)
    wait = cmds.add_parser("waiting", help="paid orders waiting to print, and what holds them")
    _filters(wait)
    add_json(wait)
    wait.set_defaults(run="cmd_print.run_waiting")
    batch = cmds.add_parser("batch", help="print the waiting orders as one recorded batch")
    _filters(batch)
    _outputs(batch)
    batch.add_argument(
        "--without-waybill",
        choices=("packing", "hold"),
        help="orders with no courier or waybill number: print packing labels (marked as not a "
        "shipping label) or hold them back (asked when not given)",
    )
    batch.set_defaults(run="cmd_print.run_batch")
    for name, kind, helptext in (
        ("labels", "labels", "preview labels of these orders (marked PREVIEW, not recorded)"),
        ("dispatch-notes", "notes", "dispatch notes of these orders (not recorded)"),
    ):
        cmd = cmds.add_parser(name, help=helptext)
        cmd.add_argument("order_nos", nargs="+", metavar="ORDER_NO")
        add_out(cmd)
        cmd.add_argument("--printer", help="also send the PDF to this CUPS queue")
        _sizes(cmd)
        cmd.set_defaults(run="cmd_print.run_preview", kind=kind)
    again = cmds.add_parser("reprint", help="reprint orders or a whole batch, with a reason")
    again.add_argument("order_nos", nargs="*", metavar="ORDER_NO")
    again.add_argument("--batch", help="reprint every order of this batch still in the warehouse")
    again.add_argument("--reason", required=True)
    _outputs(again)
    again.set_defaults(run="cmd_print.run_reprint")
    lst = cmds.add_parser("batches", help="batches printed, newest first")
    add_json(lst)
    lst.set_defaults(run="cmd_print.run_batches")
    place = cmds.add_parser(
        "place", help="draw again a recorded batch's PDF that never reached its folder"
    )
    place.add_argument("batch")
    place.add_argument("--reason", help="why, when it must be reprinted (its copy is lost)")
    place.set_defaults(run="cmd_print.run_place")
    stale = cmds.add_parser("stale", help="printed slips that no longer match their order")
    add_json(stale)
    stale.set_defaults(run="cmd_print.run_stale")
    cut = cmds.add_parser("cutoff", help="show or set the same-day cut-off (HH:MM)")
    cut.add_argument("time", nargs="?")
    cut.set_defaults(run="cmd_print.run_cutoff")
    sender = cmds.add_parser(
        "sender", help="a shop's sender block and the language of its printed documents"
    )
    sender.add_argument("shop")
    sender.add_argument("--name", help="left as it is when not given (as are the others)")
    sender.add_argument("--phone")
    sender.add_argument("--address", help="the return address")
    sender.add_argument(
        "--doc-language", choices=("zh", "en", "both"), help="Chinese, English or both"
    )
    sender.add_argument(
        "--courier",
        help="the courier of its orders that have none, e.g. 中通快递 or ZTO (its number pool "
        'gives them waybill numbers); "" for none',
    )
    sender.set_defaults(run="cmd_print.run_sender")
    print_cases.register(cmds)
