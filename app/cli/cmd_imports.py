"""``afterdesk import orders|catalogue|history``: a platform's export in, and what came in."""

from __future__ import annotations

import signal
from types import FrameType

from app.cli.common import Context
from app.models import Stage
from app.models.errors import InvalidInput
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.imports import catalogue, history, mappings, merge
from app.services.imports.chunks import RefusedLine
from app.services.imports.plan import OUTCOME_LABELS, Counts
from app.services.imports.reading import open_reading
from app.services.imports.records import FormatId


def _refused_lines(ctx: Context, refused: list[RefusedLine]) -> None:
    for row in refused:
        ctx.out(
            ctx.translate("cli", "  line {line} ({order_no}): {problem}").format(
                line=row.line, order_no=row.order_no or "—", problem=ctx.explain(row.problem)
            )
        )


def _counts(ctx: Context, c: Counts) -> str:
    return ctx.translate(
        "cli",
        "New {new}, updated {updated}, unchanged {unchanged}, conflicts {conflicts}, "
        "refused {refused}.",
    ).format(
        new=c.new,
        updated=c.updated,
        unchanged=c.unchanged,
        conflicts=c.conflicts,
        refused=c.refused,
    )


def _typed_mapping(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, equals, column = pair.partition("=")
        if not equals or not field.strip():
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError", "--map takes FIELD=COLUMN (e.g. order_no=单号), not {given}."
                ),
                given=pair,
            )
        mapping[field.strip()] = column.strip()
    return mapping


def _mapping(ctx: Context, format: FormatId | None) -> dict[str, str] | None:
    """--map (saved for the shop unless a dry run), else the shop's saved one if it fits."""
    actor, a = ctx.actor(), ctx.args
    files = list(a.files)
    if not a.map:
        return ctx.db.read(lambda s: mappings.for_file(s, actor, files, a.shop, format))
    typed = _typed_mapping(a.map)
    if a.dry_run:  # checked when the file is opened; nothing kept
        return typed
    headers = mappings.file_headers(files[0])
    return ctx.db.write(
        lambda s: mappings.save(s, actor, a.shop, typed, file=files[0].name, headers=headers)
    )


def run_orders(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    format = FormatId(a.format) if a.format else None
    reading = open_reading(list(a.files), format=format, mapping=_mapping(ctx, format))
    stop = {"asked": False}

    def interrupted(_sig: int, _frame: FrameType | None) -> None:
        stop["asked"] = True  # Ctrl-C: finish the chunk being written, then stop

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        summary = merge.import_orders(
            ctx.db,
            actor,
            reading,
            list(a.files),
            shop=a.shop,
            dry_run=a.dry_run,
            cancel=lambda: stop["asked"],
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    if a.json:
        ctx.emit_json(summary.to_json())
        return 0
    shop = summary.shop
    if summary.shop_created:
        shop = ctx.translate("cli", "{shop} (new shop)").format(shop=shop)
    ctx.out(
        ctx.translate("cli", "Format: {format} ({files}). Shop: {shop}.").format(
            format=ctx.translate("FormatId", FormatId(summary.format).label),
            files=", ".join(summary.files),
            shop=shop,
        )
    )
    if summary.already_imported and not summary.dry_run:
        ctx.out(
            ctx.translate(
                "cli", "This file was imported already (run {run}); nothing was changed."
            ).format(run=summary.run_id)
        )
        ctx.out(_counts(ctx, summary.counts))
        return 0
    if summary.resumed_after:
        ctx.out(
            ctx.translate(
                "cli", "Continued an interrupted import of this file after {count} records."
            ).format(count=summary.resumed_after)
        )
    ctx.out(_counts(ctx, summary.counts))
    _refused_lines(ctx, summary.refused)
    if summary.dry_run:
        ctx.out(ctx.translate("cli", "Dry run: nothing was written. The first orders:"))
        for p in summary.preview:
            place = " ".join(
                x for x in (p.province, p.city, p.district, p.street) if x
            ) or " / ".join(p.address_lines)
            stage = ctx.translate("Stage", Stage(p.stage).label)
            items = "; ".join(f"{sku} {title} ×{qty}" for sku, title, _a, qty, _p in p.items)
            outcome = ctx.translate("Outcome", OUTCOME_LABELS.get(p.outcome, p.outcome))
            ctx.out(
                f"  {p.order_no} [{outcome}, {stage}] {p.recipient} {p.phone} {place} — {items}"
            )
    elif summary.cancelled:
        ctx.out(
            ctx.translate(
                "cli",
                "Stopped as asked: {count} orders came in. Import the same file again to finish.",
            ).format(count=summary.counts.new + summary.counts.updated)
        )
    return 0


def run_catalogue(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    summary = catalogue.import_catalogue(ctx.db, actor, a.file, shop=a.shop)
    if a.json:
        ctx.emit_json(summary.to_json())
        return 0
    if summary.already_imported:
        ctx.out(ctx.translate("cli", "This file was imported already; nothing was changed."))
    ctx.out(
        ctx.translate(
            "cli",
            "Catalogue of {shop}: new {new}, updated {updated}, unchanged {unchanged}, "
            "refused {refused}.",
        ).format(
            shop=summary.shop,
            new=summary.new,
            updated=summary.updated,
            unchanged=summary.unchanged,
            refused=len(summary.refused),
        )
    )
    _refused_lines(ctx, summary.refused)
    return 0


def run_history(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    if a.refused is not None:
        if a.out is None:
            ctx.err(ctx.translate("cli", "Say where to save the refused rows: --out FILE.csv"))
            return 2
        count = ctx.db.read(
            lambda s: history.save_refused(s, actor, a.refused, a.out, overwrite=a.overwrite)
        )
        ctx.out(ctx.translate("cli", "{count} refused rows saved to {path}.").format(
            count=count, path=a.out))  # fmt: skip
        return 0
    if a.conflicts:
        found = ctx.db.read(lambda s: history.conflicts(s, actor))
        if a.json:
            ctx.emit_json([c.to_json() for c in found])
            return 0
        for c in found:
            ctx.out(
                f"{c.shop}/{c.order_no}  {c.field}: AfterDesk {c.ours!r} | platform {c.theirs!r}"
            )
        return 0
    runs = ctx.db.read(lambda s: history.runs(s, actor, limit=a.limit))
    if a.json:
        ctx.emit_json([r.to_json() for r in runs])
        return 0
    for r in runs:
        state = (
            ctx.translate("cli", "finished")
            if r.finished
            else ctx.translate("cli", "unfinished at line {line}").format(line=r.last_line)
        )
        ctx.out(
            f"#{r.id} {short_time(r.started_at)} {r.by} {r.shop} {r.kind}/{r.format} "
            f"{', '.join(r.files)}  +{r.new} ~{r.updated} ={r.unchanged} !{r.conflicts} "
            f"x{r.refused}  {state}"
        )
    return 0


def run_settle(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    view = ctx.db.write(lambda s: history.settle(s, actor, a.conflict, a.keep))
    if a.json:
        ctx.emit_json(view.to_json())
    else:
        ctx.out(
            ctx.translate(
                "cli", "Conflict {id} on {order_no} ({field}) settled: kept {kept}."
            ).format(id=view.id, order_no=view.order_no, field=view.field, kept=view.settled_how)
        )
    return 0
