"""``afterdesk case …``: after-sales cases, step by step, over the same services as the GUI.

Each step on an existing case is a row of ``STEPS``: its options and how they become the
service's keyword arguments; one runner loads nothing itself, acts in one transaction and
shows the case as the service returns it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.cli.case_text import show_case
from app.cli.common import Context, add_json
from app.models import CardInParcel, CaseType, RefundMethod, SignoffResult
from app.models.formats import short_time
from app.services.cases import opening as cases
from app.services.cases import photos as case_photos
from app.services.cases import steps as case_steps
from app.services.cases.photos import PreparedPhoto
from app.services.cases.rows import CaseDetail
from app.services.core.actor import Actor

TYPES = [t.value for t in CaseType]
Parser = argparse.ArgumentParser
Args = argparse.Namespace


@dataclass(frozen=True)
class Step:
    """A sub-command acting on one case: ``fn(session, actor, case_no, **kwargs(args))``."""

    name: str
    help: str
    fn: Callable[..., CaseDetail]
    options: Callable[[Parser], None] = lambda _p: None
    kwargs: Callable[[Args], dict[str, Any]] = lambda _a: {}


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


def _signoff_options(p: Parser) -> None:
    p.add_argument("--result", required=True, choices=[r.value for r in SignoffResult])
    p.add_argument("--notes", default="")
    p.add_argument("--photo", action="append", default=[], type=Path)


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


STEPS: tuple[Step, ...] = (
    Step(
        "photo",
        "add photos (JPEG, PNG, WebP) to a case",
        case_photos.add_photos,
        _photo_options,
        lambda a: {"photos": _read_photos(a.files)},
    ),
    Step(
        "claim",
        "record or correct the quality claim",
        cases.set_claim,
        _claim_options,
        lambda a: {
            "quality": a.quality,
            "defect_location": a.defect_location,
            "no_photo_possible": a.no_photo_possible,
        },
    ),
    Step(
        "return",
        "the customer sent the goods back",
        case_steps.record_return,
        _return_options,
        lambda a: {
            "tracking": a.tracking,
            "courier": a.courier,
            "freight_advance": a.freight_advance,
            "card": CardInParcel(a.card) if a.card else None,
        },
    ),
    Step(
        "approve",
        "a supervisor approves an exception",
        case_steps.approve,
        _approve_options,
        lambda a: {"free_freight": a.free_freight, "early_exchange": a.early_exchange},
    ),
    Step(
        "signoff",
        "the warehouse inspects and signs",
        case_steps.signoff,
        _signoff_options,
        lambda a: {
            "result": SignoffResult(a.result),
            "notes_text": a.notes,
            "photos": _read_photos(a.photo),
        },
    ),
    Step("received", "recall: the printer signs 原包裹已收到", case_steps.parcel_received),
    Step(
        "refund",
        "record the refund",
        case_steps.refund,
        _refund_options,
        lambda a: {
            "amount": a.amount,
            "method": RefundMethod(a.method),
            "reference": a.reference,
        },
    ),
    Step(
        "exchange-shipped",
        "the exchange left",
        case_steps.exchange_shipped,
        _exchange_options,
        lambda a: {"tracking": a.tracking, "courier": a.courier},
    ),
    Step(
        "close", "close the case", case_steps.close, _close_options, lambda a: {"remark": a.remark}
    ),
    Step(
        "link",
        "an unannounced parcel: whose it is",
        case_steps.link,
        _link_options,
        lambda a: {"order_no": a.order_no, "kind": CaseType(a.kind), "reason": a.reason},
    ),
)


def _case_cmd(
    cmds: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    helptext: str,
    run: Callable[[Context], int],
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


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("case", help="after-sales cases: returns, exchanges, recalls, refunds")
    cmds = parser.add_subparsers(dest="case_cmd", required=True)
    op = cmds.add_parser("open", help="register a case on an order (prints its case number)")
    op.add_argument("order_no")
    op.add_argument("--type", required=True, choices=TYPES, dest="kind")
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
        action="append",
        default=[],
        type=Path,
        help="the customer's photo (repeatable): opened with its evidence, all or nothing",
    )
    add_json(op)
    op.set_defaults(run=run_open)
    for step in STEPS:
        step.options(_case_cmd(cmds, step.name, step.help, _runner(step)))
    _case_cmd(cmds, "show", "one case with its photos and timeline", run_show)
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
    unann.set_defaults(run=run_unannounced)
    # `case list` lives with the register (cmd_register) so both share the filters
    from app.cli import cmd_register

    cmd_register.add_case_list(cmds)


def _read_photos(paths: list[Path]) -> list[PreparedPhoto]:
    """Read and check the files before the transaction: the lock is held only to insert."""
    return [case_photos.prepare_file(path) for path in paths]


def _write(ctx: Context, fn: Callable[[Session, Actor], CaseDetail]) -> int:
    actor = ctx.actor()
    show_case(ctx, ctx.db.write(lambda s: fn(s, actor)))
    return 0


def _runner(step: Step) -> Callable[[Context], int]:
    def run(ctx: Context) -> int:
        a = ctx.args
        kwargs = step.kwargs(a)  # files are read before the transaction: the lock only inserts
        return _write(
            ctx,
            lambda s, actor: step.fn(
                s, actor, a.case_no, expected_version=a.expected_version, **kwargs
            ),
        )

    return run


def run_open(ctx: Context) -> int:
    a = ctx.args
    photos = _read_photos(a.photo)
    fields = {
        "reason": a.reason,
        "quality": a.quality,
        "defect_location": a.defect_location,
        "no_photo_possible": a.no_photo_possible,
        "return_tracking": a.return_tracking,
        "return_courier": a.return_courier,
        "card": CardInParcel(a.card),
        "wants": a.wants,
        "freight_advance": a.freight_advance,
    }
    if photos:  # the case comes with its evidence, as in the app's open-case dialog
        return _write(
            ctx,
            lambda s, actor: case_photos.open_with_photos(
                s, actor, a.order_no, CaseType(a.kind), photos, **fields
            ),
        )
    return _write(
        ctx,
        lambda s, actor: cases.open_case(s, actor, a.order_no, CaseType(a.kind), **fields),  # type: ignore[arg-type]
    )


def run_unannounced(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: case_steps.register_unannounced(
            s,
            actor,
            tracking=a.tracking,
            courier=a.courier,
            order_no=a.order_no,
            remark=a.remark,
            card=CardInParcel(a.card),
        ),
    )


def run_show(ctx: Context) -> int:
    case = ctx.db.read(lambda s: cases.get(s, ctx.args.case_no))
    show_case(ctx, case)
    if not ctx.args.json:
        for entry in case.timeline:
            ctx.out(f"    {short_time(entry.at)}  {entry.who}  {entry.action}")
    return 0
