"""``afterdesk change …`` and ``afterdesk requests …``: customer changes and the printer's queue."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from app.cli.common import Context
from app.cli.options.changes import ADDRESS_FIELDS
from app.models import RequestState, SpecialKind
from app.models.errors import InvalidInput
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView
from app.services.core.actor import Actor
from app.services.core.capabilities import Action
from app.services.roster import duty


def _show(
    ctx: Context, views: list[RequestView], *, single: bool = False, explain: bool = False
) -> None:
    if ctx.args.json:
        data = [v.to_json() for v in views]
        ctx.emit_json(data[0] if single else data)
        return
    for v in views:
        kind = ctx.translate("RequestKind", v.kind.label)
        state = ctx.translate("RequestState", v.state.label)
        urgent = ctx.translate("cli", "URGENT ") if v.urgent else ""
        ctx.out(f"#{v.id}  {urgent}{v.order_no}  {kind}  [{state}]  {v.summary}")
        ctx.out(
            "      "
            + ctx.translate("cli", "asked by {name} at {time}").format(
                name=v.requested_by, time=short_time(v.requested_at)
            )
        )
        if v.done_at:
            ctx.out(
                "      "
                + ctx.translate("cli", "done by {name} at {time}").format(
                    name=v.done_by, time=short_time(v.done_at)
                )
            )
    if explain and views:  # what happens next, in plain words
        ctx.out(ctx.translate("RequestPath", views[0].path.label))


def _record(
    ctx: Context, fn: Callable[[Session, Actor], RequestView], *, explain: bool = True
) -> int:
    actor = ctx.actor()
    view = ctx.db.write(lambda s: fn(s, actor))
    _show(ctx, [view], single=True, explain=explain)
    if view.state is RequestState.OPEN and ctx.db.read(duty.printer_missing_now):
        # the duty roster has no order printer at work now: the request waits (issue 14)
        ctx.err(ctx.translate("ChangeDialog", duty.PRINTER_AWAY))
    return 0


def run_address(ctx: Context) -> int:
    a = ctx.args
    # only the parts given: the service merges them with the order as it is when it writes
    given = {f: getattr(a, f) for f in ADDRESS_FIELDS if getattr(a, f) is not None}
    return _record(
        ctx,
        lambda s, actor: changes.request_address(
            s,
            actor,
            a.order_no,
            given,
            expected_version=a.expected_version,
            urgent=a.urgent,
            confirmed=a.confirmed,
        ),
    )


def _pairs(values: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values:
        key, sep, val = value.partition("=")
        if not sep:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Write an attribute as name=value, e.g. 尺码=40.")
            )
        pairs[key.strip()] = val.strip()
    return pairs


def run_attribute(ctx: Context) -> int:
    a = ctx.args
    attributes = _pairs(a.to)
    actor = ctx.actor()
    view = ctx.db.write(
        lambda s: changes.request_attribute(
            s,
            actor,
            a.order_no,
            item_sku=a.item,
            attributes=attributes,
            new_sku=a.sku,
            expected_version=a.expected_version,
            urgent=a.urgent,
            confirmed=a.confirmed,
        )
    )
    _show(ctx, [view], single=True, explain=True)
    if not a.json:  # the picker reads the SKU: say which one the item carries
        ctx.out(
            ctx.translate("cli", "The item will carry SKU {sku}.").format(
                sku=view.payload["new"]["sku"]
            )
        )
    return 0


def run_special(ctx: Context) -> int:
    a = ctx.args
    return _record(
        ctx,
        lambda s, actor: changes.request_special(
            s,
            actor,
            a.order_no,
            special=SpecialKind(a.kind),
            text=a.text,
            expected_version=a.expected_version,
            urgent=a.urgent,
            confirmed=a.confirmed,
        ),
    )


def run_cancel(ctx: Context) -> int:
    a = ctx.args
    return _record(
        ctx,
        lambda s, actor: changes.request_cancel(
            s,
            actor,
            a.order_no,
            reason=a.reason,
            expected_version=a.expected_version,
            urgent=a.urgent,
            confirmed=a.confirmed,
        ),
    )


def run_confirm(ctx: Context) -> int:
    return _record(ctx, lambda s, actor: changes.confirm(s, actor, ctx.args.request_id))


def run_withdraw(ctx: Context) -> int:
    return _record(
        ctx, lambda s, actor: changes.withdraw(s, actor, ctx.args.request_id), explain=False
    )


def run_done(ctx: Context) -> int:
    a = ctx.args
    return _record(
        ctx, lambda s, actor: changes.acknowledge(s, actor, a.request_id, a.remark), explain=False
    )


def run_list(ctx: Context) -> int:
    asked_by = ctx.actor().display_name if ctx.args.mine else None
    states = (RequestState.OPEN,) if ctx.args.open else tuple(RequestState)
    _show(
        ctx,
        ctx.read(Action.REQUEST_READ, lambda s: changes.queue(s, states=states, asked_by=asked_by)),
    )
    return 0


def run_overdue(ctx: Context) -> int:
    minutes = ctx.args.minutes
    if minutes is not None:
        actor = ctx.actor()
        ctx.db.write(lambda s: changes.set_overdue_minutes(s, actor, minutes))
    current = ctx.db.read(changes.overdue_minutes)
    ctx.out(
        ctx.translate("cli", "Open requests are highlighted after {n} minutes.").format(n=current)
    )
    return 0
