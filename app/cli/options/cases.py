"""The options of ``afterdesk case …``: opening a case and each step on it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.cli.options import add_json, command
from app.cli.options.register import add_case_list
from app.models.case_enums import CardInParcel, CaseType, RefundMethod, SignoffResult

Parser = argparse.ArgumentParser


def _photo_options(p: Parser) -> None:
    p.add_argument("files", nargs="+", type=Path)


def _claim_options(p: Parser) -> None:
    p.add_argument("--quality", action=argparse.BooleanOptionalAction, required=True)
    p.add_argument("--defect-location", default="")
    p.add_argument("--no-photo-possible", action="store_true")


def _return_options(p: Parser) -> None:
    p.add_argument("--tracking", required=True)
    p.add_argument("--courier", default="")
    p.add_argument("--freight-advance")
    p.add_argument("--card", choices=[c.value for c in CardInParcel])


def _approve_options(p: Parser) -> None:
    p.add_argument("--free-freight", action="store_true")
    p.add_argument("--early-exchange", action="store_true")
    p.add_argument("--reason", required=True, help="why this case is an exception")


def _signoff_options(p: Parser) -> None:
    p.add_argument("--result", required=True, choices=[r.value for r in SignoffResult])
    p.add_argument("--notes", default="")
    p.add_argument("--photo", action="extend", nargs="+", default=[], type=Path, metavar="FILE")


def _refund_options(p: Parser) -> None:
    p.add_argument("--amount", required=True)
    p.add_argument("--method", required=True, choices=[m.value for m in RefundMethod])
    p.add_argument("--reference", default="")


def _exchange_options(p: Parser) -> None:
    p.add_argument("--tracking", required=True)
    p.add_argument("--courier", required=True)


def _close_options(p: Parser) -> None:
    p.add_argument("--remark", default="")


def _link_options(p: Parser) -> None:
    p.add_argument("order_no")
    p.add_argument("--type", dest="kind", choices=["return", "exchange"], default="return")
    p.add_argument("--reason", default="")


def _told_options(p: Parser) -> None:
    p.add_argument(
        "--channel", required=True, choices=["im", "phone", "sms", "platform"],
        help="旺旺/IM, phone, SMS or a platform message",
    )  # fmt: skip


def _deadline_options(p: Parser) -> None:
    p.add_argument("--at", required=True, help="as the platform shows it: 2026-12-08 18:00")


def _case_cmd(
    cmds: argparse._SubParsersAction,
    name: str,
    helptext: str,
    run: str,
) -> Parser:
    cmd = cmds.add_parser(name, help=helptext)
    cmd.add_argument("case_no")
    cmd.add_argument(
        "--version",
        dest="expected_version",
        type=int,
        help="the case version you looked at; refused if someone changed it since",
    )
    add_json(cmd)
    cmd.set_defaults(run=run)
    return cmd


# Each step on an existing case: its sub-command, help and options (cmd_cases.STEPS runs it)
STEPS: tuple[tuple[str, str, Callable[[Parser], None]], ...] = (
    ("photo", "add photos (JPEG, PNG, WebP) to a case", _photo_options),
    ("claim", "record or correct the quality claim", _claim_options),
    ("return", "the customer sent the goods back", _return_options),
    ("approve", "a supervisor approves an exception", _approve_options),
    ("signoff", "the warehouse inspects and signs", _signoff_options),
    ("received", "recall: the printer signs 原包裹已收到", lambda _p: None),
    ("refund", "record the refund", _refund_options),
    ("exchange-shipped", "the exchange left", _exchange_options),
    ("close", "close the case", _close_options),
    ("link", "an unannounced parcel: whose it is", _link_options),
    ("customer-told", "the customer was told the exchange's tracking number", _told_options),
    ("customer-received", "the customer confirmed receiving the exchange", lambda _p: None),
    ("platform-deadline", "the platform's refund deadline of the case", _deadline_options),
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "case")
    cmds = parser.add_subparsers(dest="case_cmd", required=True)
    op = cmds.add_parser("open", help="register a case on an order (prints its case number)")
    op.add_argument("order_no")
    op.add_argument("--type", required=True, choices=[t.value for t in CaseType], dest="kind")
    op.add_argument("--reason", default="")
    op.add_argument("--quality", action="store_true", help="a quality problem (质量问题)")
    op.add_argument("--defect-location", default="", help="where the defect is")
    op.add_argument(
        "--no-photo-possible", action="store_true", help="the defect cannot be photographed"
    )
    op.add_argument("--return-tracking")
    op.add_argument("--return-courier", default="")
    op.add_argument("--card", choices=[c.value for c in CardInParcel], default="unknown")
    op.add_argument("--wants", default="", help="what the customer wants in exchange")
    op.add_argument("--freight-advance", help="return freight the customer advanced")
    op.add_argument(
        "--photo",
        action="extend",
        nargs="+",
        default=[],
        type=Path,
        metavar="FILE",
        help="the customer's photos (--photo A.jpg B.jpg, or repeated): opened with its "
        "evidence, all or nothing",
    )
    add_json(op)
    op.set_defaults(run="cmd_cases.run_open")
    for name, helptext, options in STEPS:
        options(_case_cmd(cmds, name, helptext, "cmd_cases.run_step"))
    _case_cmd(cmds, "show", "one case with its photos and timeline", "cmd_cases.run_show")
    unann = cmds.add_parser(
        "register-unannounced", help="the warehouse registers a parcel nobody announced"
    )
    unann.add_argument("--tracking", required=True)
    unann.add_argument("--courier", default="")
    unann.add_argument("--order", dest="order_no")
    unann.add_argument("--remark", default="")
    unann.add_argument(
        "--card", choices=["yes", "no"], default="no", help="was a card (售后卡) in the parcel"
    )
    add_json(unann)
    unann.set_defaults(run="cmd_cases.run_unannounced")
    add_case_list(cmds)  # with the register's options: both share the filters
