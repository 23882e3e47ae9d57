"""``afterdesk case list``, ``afterdesk register export`` and ``afterdesk scan``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.common import Context, add_json
from app.models import CaseState, CaseType
from app.models.errors import InvalidInput
from app.models.formats import seed_date
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.cases import register as case_register
from app.services.cases import scan as case_scan
from app.services.cases.register import RegisterFilter


def _filters(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--state", action="append", choices=[s.value for s in CaseState])
    cmd.add_argument("--type", action="append", dest="kind", choices=[t.value for t in CaseType])
    cmd.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD (shop's date)")
    cmd.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD")
    cmd.add_argument("--staff", help="the name of anyone who signed a step")
    cmd.add_argument("--search", help="any number: case, order, tracking, buyer id, phone")


def add_case_list(cmds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lst = cmds.add_parser("list", help="the register, newest first")
    _filters(lst)
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--before", type=int, help="keyset paging: the last id of the page before")
    add_json(lst)
    lst.set_defaults(run=run_list)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    reg = sub.add_parser("register", help="the after-sales register (售后登记表)")
    cmds = reg.add_subparsers(dest="register_cmd", required=True)
    export = cmds.add_parser("export", help="export the register to an .xlsx file")
    export.add_argument("--out", required=True, type=Path)
    _filters(export)
    export.set_defaults(run=run_export)
    scan = sub.add_parser("scan", help="what the warehouse's scan of a code finds")
    scan.add_argument("code")
    add_json(scan)
    scan.set_defaults(run=run_scan)


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
    rows = ctx.db.read(
        lambda s: case_register.page(s, filters, before_id=ctx.args.before, limit=ctx.args.limit)
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
    count = ctx.db.read(
        lambda s: case_register.export_xlsx(s, out, filters, translate=ctx.translate)
    )
    ctx.out(ctx.translate("cli", "{n} cases written to {path}").format(n=count, path=out))
    return 0


def run_scan(ctx: Context) -> int:
    found = ctx.db.read(lambda s: case_scan.scan(s, ctx.args.code))
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
