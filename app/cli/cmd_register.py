"""``afterdesk case list``, ``afterdesk register export`` and ``afterdesk scan``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.cli.common import Context
from app.models import CaseState, CaseType
from app.models.errors import InvalidInput
from app.models.formats import seed_date
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.cases import register as case_register
from app.services.cases import scan as case_scan
from app.services.cases.register import RegisterFilter
from app.services.core.capabilities import Action


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{text}” is not a date (YYYY-MM-DD)."), text=text
        ) from None


def _filter(ctx: Context) -> RegisterFilter:
    a = ctx.args
    return RegisterFilter(
        states=tuple(CaseState(s) for s in a.state or ()),
        types=tuple(CaseType(t) for t in a.kind or ()),
        date_from=_day(a.date_from),
        date_to=_day(a.date_to),
        staff=a.staff,
        search=a.search,
    )


def run_list(ctx: Context) -> int:
    filters = _filter(ctx)
    rows = ctx.read(
        Action.CASE_READ,
        lambda s: case_register.page(s, filters, before_id=ctx.args.before, limit=ctx.args.limit),
    )
    if ctx.args.json:
        ctx.emit_json([r.to_json() for r in rows])
        return 0
    if not rows:
        ctx.err(ctx.translate("cli", "No cases found."))
        return 1
    for r in rows:
        kind = ctx.translate("CaseType", r.type.label)
        state = ctx.translate("CaseState", r.state.label)
        ctx.out(
            f"{r.case_no}  {seed_date(r.opened_at)}  {r.order_no or '-'}  {kind}  [{state}]  "
            f"{r.return_tracking_no or ''}  {r.signature()}".rstrip()
        )
    return 0


def run_export(ctx: Context) -> int:
    filters = _filter(ctx)
    out: Path = ctx.args.out
    actor = ctx.actor()
    count = ctx.db.read(
        lambda s: case_register.export_xlsx(
            s, actor, out, filters, translate=ctx.translate, overwrite=ctx.args.overwrite
        )
    )
    ctx.out(ctx.translate("cli", "{n} cases written to {path}").format(n=count, path=out))
    return 0


def run_scan(ctx: Context) -> int:
    found = ctx.read(Action.SCAN, lambda s: case_scan.scan(s, ctx.args.code))
    if ctx.args.json:
        ctx.emit_json(found.to_json())
        return 0 if found.case else 1
    if found.case is None:
        ctx.out(ctx.translate("Register", case_scan.NOT_REGISTERED).format(code=found.code))
        if found.order_no:
            ctx.out(ctx.translate("cli", "order: {order_no}").format(order_no=found.order_no))
        return 1
    from app.cli.case_text import show_case

    show_case(ctx, found.case)
    if found.other_cases:
        ctx.out(
            ctx.translate("cli", "other cases of this order: {numbers}").format(
                numbers=", ".join(found.other_cases)
            )
        )
    return 0
