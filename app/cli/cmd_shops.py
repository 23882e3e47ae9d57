"""``afterdesk shop add|rename``: shops, by an administrator."""

from __future__ import annotations

from app.cli.common import Context
from app.services.imports import shops


def _show(ctx: Context, row: shops.ShopRow, template: str) -> int:
    if ctx.args.json:
        ctx.emit_json({"id": row.id, "name": row.name, "platform": row.platform})
    else:
        ctx.out(ctx.translate("cli", template).format(name=row.name, platform=row.platform))
    return 0


def run_add(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    row = ctx.db.write(lambda s: shops.add(s, actor, a.name, platform=a.platform))
    return _show(ctx, row, "Shop “{name}” added ({platform}).")


def run_rename(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    row = ctx.db.write(lambda s: shops.rename(s, actor, a.old, a.new))
    return _show(ctx, row, "The shop is now called “{name}”.")
