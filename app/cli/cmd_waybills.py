"""``afterdesk waybills …``: couriers' number patterns, number pools, typed numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.cli.common import Context
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.capabilities import Action
from app.services.dispatch import pools, waybill_import, waybills
from app.services.dispatch import slips as print_slips

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def run_couriers(ctx: Context) -> int:
    rows = ctx.read(Action.WAYBILL_READ, waybills.couriers)
    if ctx.args.json:
        ctx.emit_json([c.to_json() for c in rows])
        return 0
    for c in rows:
        spelled = ", ".join(c.aliases)
        ctx.out(f"{c.code:5} {c.name}  {c.pattern}  {c.example}  ({spelled})")
    return 0


def run_courier(ctx: Context) -> int:
    a = ctx.args
    actor = ctx.actor()
    saved = ctx.db.write(
        lambda s: waybills.save_courier(
            s,
            actor,
            a.code,
            name=a.name,
            pattern=a.pattern,
            example=a.example,
            aliases=a.alias,
            ranges=None if a.ranges is None else a.ranges == "yes",
        )
    )
    if a.json:
        ctx.emit_json(saved.to_json())
    else:
        ctx.out(f"{saved.code} {saved.name}  {saved.pattern}  {saved.example}")
    return 0


def run_load(ctx: Context) -> int:
    a = ctx.args
    if (a.file is None) == (a.first_last is None):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Give the branch's list FILE or --range FIRST-LAST.")
        )
    numbers = pools.read_list(a.file) if a.file is not None else None
    actor = ctx.actor()
    loaded = ctx.db.write(
        lambda s: pools.load(
            s,
            actor,
            a.courier,
            a.shop,
            numbers,
            first_last=a.first_last,
            source=a.file.name if a.file is not None else "",
        )
    )
    if a.json:
        ctx.emit_json(loaded.__dict__)
        return 0
    ctx.out(
        ctx.translate(
            "cli", "Loaded {count} {courier} numbers for {shop}; {left} are free now."
        ).format(count=loaded.count, courier=loaded.courier, shop=loaded.shop, left=loaded.left)
    )
    return 0


def run_left(ctx: Context) -> int:
    actor = ctx.actor()
    rows = ctx.db.read(lambda s: pools.left(s, actor))
    if ctx.args.json:
        ctx.emit_json([r.to_json() for r in rows])
        return 0
    if not rows:
        ctx.out(ctx.translate("cli", "No number pool has been loaded."))
    for r in rows:
        ctx.out(
            ctx.translate("cli", "{shop}  {courier}: {left} left, {taken} used").format(
                shop=r.shop, courier=r.courier, left=r.left, taken=r.taken
            )
        )
        _warn_if_low(ctx, r)
    return 0


def _warn_if_low(ctx: Context, pool: pools.PoolLeft) -> None:
    if pool.low:
        ctx.err(
            ctx.translate(
                "cli",
                "Warning: the {courier} pool of {shop} is below {threshold}: ask the "
                "branch for more numbers.",
            ).format(courier=pool.courier, shop=pool.shop, threshold=pool.threshold)
        )


def run_threshold(ctx: Context) -> int:
    """The threshold said as a sentence, for each pool of the shop, warned if low already."""
    a = ctx.args
    actor = ctx.actor()

    def save(session: Session) -> tuple[int, str, list[pools.PoolLeft]]:
        value = pools.set_threshold(session, actor, a.shop, a.count)
        shop = print_slips.shop_by_name(session, a.shop).name
        return value, shop, [r for r in pools.left(session, actor) if r.shop == shop]

    value, shop, shop_pools = ctx.db.write(save)
    if not shop_pools:
        ctx.out(
            ctx.translate(
                "cli", "{shop}: its number pools will warn below {threshold} numbers."
            ).format(shop=shop, threshold=value)
        )
    for r in shop_pools:
        ctx.out(
            ctx.translate(
                "cli", "{courier} at {shop}: warn below {threshold} numbers ({left} left)."
            ).format(courier=r.courier, shop=r.shop, threshold=r.threshold, left=r.left)
        )
        _warn_if_low(ctx, r)
    return 0


def run_set(ctx: Context) -> int:
    a = ctx.args
    actor = ctx.actor()
    order = ctx.db.write(
        lambda s: waybills.assign_waybill(s, actor, a.order_no, a.courier, a.number)
    )
    if a.json:
        ctx.emit_json(
            {"order_no": order.order_no, "courier": order.courier, "tracking_no": order.tracking_no}
        )
    else:
        ctx.out(f"{order.order_no}  {order.courier}  {order.tracking_no}")
    return 0


def run_import(ctx: Context) -> int:
    """Exit 1 when every row was refused: nothing was recorded, the reasons say why."""
    a = ctx.args
    rows, broken = waybill_import.read(a.file)
    actor = ctx.actor()
    result = ctx.db.write(lambda s: waybill_import.import_waybills(s, actor, rows, broken))
    failed = bool(result.refused) and not result.recorded and not result.unchanged
    if a.json:
        ctx.emit_json(
            {
                "recorded": list(result.recorded),
                "unchanged": result.unchanged,
                "refused": [
                    {"line": r.line, "order_no": r.order_no, "reason": ctx.explain(r.problem)}
                    for r in result.refused
                ],
            }
        )
        return 1 if failed else 0
    ctx.out(
        ctx.translate(
            "cli",
            "Waybill numbers recorded for {recorded} orders, {unchanged} unchanged, "
            "{refused} rows refused.",
        ).format(
            recorded=len(result.recorded), unchanged=result.unchanged, refused=len(result.refused)
        )
    )
    for r in result.refused:
        (ctx.err if failed else ctx.out)(
            ctx.translate("cli", "  line {line} ({order_no}): {problem}").format(
                line=r.line, order_no=r.order_no or "—", problem=ctx.explain(r.problem)
            )
        )
    if failed:
        ctx.err(ctx.translate("cli", "Nothing was recorded: every row was refused."))
    return 1 if failed else 0
