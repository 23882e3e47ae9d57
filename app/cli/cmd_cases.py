"""``afterdesk case …``: after-sales cases, step by step, over the same services as the GUI.

Each step on an existing case is a row of ``STEPS``: its service and how its options
(``app.cli.options.cases``) become the service's keyword arguments; one runner loads nothing
itself, acts in one transaction and shows the case as the service returns it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.cli.case_text import show_case
from app.cli.common import Context
from app.models import CardInParcel, CaseType, RefundMethod, SignoffResult
from app.models.formats import short_time
from app.services.cases import customer as case_customer
from app.services.cases import opening as cases
from app.services.cases import photos as case_photos
from app.services.cases import steps as case_steps
from app.services.cases import unannounced_parcels
from app.services.cases.photos import PreparedPhoto
from app.services.cases.rows import CaseDetail
from app.services.core.actor import Actor
from app.services.core.capabilities import Action

Args = argparse.Namespace


@dataclass(frozen=True)
class Step:
    """A sub-command acting on one case: ``fn(session, actor, case_no, **kwargs(args))``."""

    fn: Callable[..., CaseDetail]
    kwargs: Callable[[Args], dict[str, Any]] = lambda _a: {}


STEPS: dict[str, Step] = {
    "photo": Step(
        case_photos.add_photos,
        lambda a: {"photos": _read_photos(a.files)},
    ),
    "claim": Step(
        cases.set_claim,
        lambda a: {
            "quality": a.quality,
            "defect_location": a.defect_location,
            "no_photo_possible": a.no_photo_possible,
        },
    ),
    "return": Step(
        case_steps.record_return,
        lambda a: {
            "tracking": a.tracking,
            "courier": a.courier,
            "freight_advance": a.freight_advance,
            "card": CardInParcel(a.card) if a.card else None,
        },
    ),
    "approve": Step(
        case_steps.approve,
        lambda a: {
            "free_freight": a.free_freight,
            "early_exchange": a.early_exchange,
            "reason": a.reason,
        },
    ),
    "signoff": Step(
        case_steps.signoff,
        lambda a: {
            "result": SignoffResult(a.result),
            "notes_text": a.notes,
            "photos": _read_photos(a.photo),
        },
    ),
    "received": Step(case_steps.parcel_received),
    "refund": Step(
        case_steps.refund,
        lambda a: {
            "amount": a.amount,
            "method": RefundMethod(a.method),
            "reference": a.reference,
        },
    ),
    "exchange-shipped": Step(
        case_steps.exchange_shipped,
        lambda a: {"tracking": a.tracking, "courier": a.courier},
    ),
    "close": Step(case_steps.close, lambda a: {"remark": a.remark}),
    "customer-told": Step(case_customer.customer_told, lambda a: {"channel": a.channel}),
    "customer-received": Step(case_customer.customer_received),
    "platform-deadline": Step(case_customer.set_platform_deadline, lambda a: {"at": a.at}),
    "link": Step(
        unannounced_parcels.link,
        lambda a: {"order_no": a.order_no, "kind": CaseType(a.kind), "reason": a.reason},
    ),
}


def _read_photos(paths: list[Path]) -> list[PreparedPhoto]:
    """Read and check the files before the transaction: the lock is held only to insert."""
    return [case_photos.prepare_file(path) for path in paths]


def _write(ctx: Context, fn: Callable[[Session, Actor], CaseDetail]) -> int:
    actor = ctx.actor()
    show_case(ctx, ctx.db.write(lambda s: fn(s, actor)))
    return 0


def run_step(ctx: Context) -> int:
    a = ctx.args
    step = STEPS[a.case_cmd]
    kwargs = step.kwargs(a)  # files are read before the transaction: the lock only inserts
    return _write(
        ctx,
        lambda s, actor: step.fn(
            s, actor, a.case_no, expected_version=a.expected_version, **kwargs
        ),
    )


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
        lambda s, actor: cases.open_case(s, actor, a.order_no, CaseType(a.kind), **fields),
    )


def run_unannounced(ctx: Context) -> int:
    a = ctx.args
    return _write(
        ctx,
        lambda s, actor: unannounced_parcels.register_unannounced(
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
    case = ctx.read(Action.CASE_READ, lambda s: cases.get(s, ctx.args.case_no))
    show_case(ctx, case)
    if not ctx.args.json:
        for entry in case.timeline:
            ctx.out(f"    {short_time(entry.at)}  {entry.who}  {entry.action}")
    return 0
