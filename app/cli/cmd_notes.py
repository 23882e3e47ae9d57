"""``afterdesk note add``: a signed, dated note on an order."""

from __future__ import annotations

from app.cli.common import Context
from app.services.orders import notes


def run_add(ctx: Context) -> int:
    actor = ctx.actor()
    a = ctx.args
    note = ctx.db.write(
        lambda s: notes.add(s, actor, a.order_no, a.text, flagged=a.flag, corrects_id=a.corrects)
    )
    if a.json:
        ctx.emit_json(note.to_json())
    else:
        ctx.out(note.display)
    return 0
