"""``afterdesk audit verify``: is the hash chain intact, and the history up to a printed head?"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.cli.common import Context
from app.services.core import audit


def _report(session: Session, against: str | None) -> audit.AuditReport:
    anchor = None
    if against:  # a head copied from paper, or the number of the batch whose cover shows it
        anchor = audit.parse_anchor(against) or audit.batch_anchor(session, against)
    return audit.verify(session, anchor)


def run_verify(ctx: Context) -> int:
    report = ctx.db.read(lambda s: _report(s, ctx.args.against))
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
                    entry=p.entry_id,
                    kind=ctx.translate("audit", p.kind),
                    detail=p.message(ctx.translate),
                )
            )
    return 0 if report.ok else 3
