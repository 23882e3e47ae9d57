"""``afterdesk audit verify``: is the hash chain intact?"""

from __future__ import annotations

from app.cli.common import Context
from app.services.core import audit


def run_verify(ctx: Context) -> int:
    report = ctx.db.read(audit.verify)
    if ctx.args.json:
        ctx.emit_json(
            {
                "ok": report.ok,
                "checked": report.checked,
                "problems": [
                    {"entry": p.entry_id, "kind": p.kind, "detail": p.detail}
                    for p in report.problems
                ],
            }
        )
    elif report.ok:
        ctx.out(
            ctx.translate("cli", "Audit log intact: {n} entries checked.").format(n=report.checked)
        )
    else:
        for p in report.problems:
            ctx.err(
                ctx.translate("cli", "Entry {entry}: {kind} ({detail})").format(
                    entry=p.entry_id, kind=ctx.translate("audit", p.kind), detail=p.detail
                )
            )
    return 0 if report.ok else 3
