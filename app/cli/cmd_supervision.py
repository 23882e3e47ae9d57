"""``afterdesk tasks``, ``review [done]``, ``remind``, ``reassign``, ``deadline`` and
``orders made-to-order`` (docs/supervision.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.cli.common import Context
from app.models.formats import short_time
from app.services.core.actor import require
from app.services.core.capabilities import Action
from app.services.dispatch.slips import shop_by_name
from app.services.orders import made_to_order
from app.services.supervision import deadline_settings, deadlines, followups
from app.services.supervision import review as reviews
from app.services.supervision import tasks as task_lists
from app.services.supervision.deadlines import Paged, Task


def span(ctx: Context, start: datetime, end: datetime) -> str:
    """``2 h 05 min``, with a minus when ``end`` came first."""
    minutes = int((end - start).total_seconds() // 60)
    sign, minutes = ("-" if minutes < 0 else ""), abs(minutes)
    return ctx.translate("cli", "{sign}{h} h {m:02d} min").format(
        sign=sign, h=minutes // 60, m=minutes % 60
    )


def _line(ctx: Context, task: Task, now: datetime, owner: str | None) -> str:
    overdue = task.overdue(now)
    late = ctx.translate("cli", "OVERDUE") if overdue else ""
    who = owner or ctx.translate("Role", task.owner_role.label)
    left = (
        ctx.translate("cli", "late by {span}").format(span=span(ctx, task.deadline, now))
        if overdue
        else ctx.translate("cli", "{span} left").format(span=span(ctx, now, task.deadline))
    )
    text = f"{late:8} " + ctx.translate(
        "cli", "{deadline}  {kind}  {key}  {title}  ({who}, {left})"
    ).format(
        deadline=short_time(task.deadline),
        kind=ctx.translate("TaskKind", task.kind.label),
        key=task.key,
        title=task.title,
        who=who,
        left=left,
    )
    for r in task.reminders:
        text += "\n        " + ctx.translate("cli", "Reminder from {by} at {at}: {text}").format(
            by=r.by, at=short_time(r.at), text=r.text
        )
    return text


def run_tasks(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    mine = True if a.mine else (False if a.everyone else None)  # None: all the person may see
    limit = None if a.all else a.limit
    listing = ctx.db.read(
        lambda s: task_lists.my_tasks(s, actor, mine=mine, overdue=a.overdue, limit=limit)
    )
    if a.json:
        ctx.emit_json([task_lists.task_json(t, listing, ctx.translate) for t in listing.tasks])
    elif not listing.tasks:
        ctx.out(ctx.translate("cli", "Nothing to do."))
    for task in [] if a.json else listing.tasks:
        ctx.out(_line(ctx, task, listing.now, listing.owner_name(task)))
    _more(ctx, listing.counts)
    return 0


def _more(ctx: Context, kinds: Sequence[Paged]) -> None:
    """Each kind cut at its page says so, and how to see the rest (on standard error after
    JSON, whose shape stays)."""
    say = ctx.err if ctx.args.json else ctx.out
    cut = [c for c in kinds if c.more]
    for c in cut:
        say(
            ctx.translate("cli", "Showing {shown} of {open}: {kind}.").format(
                shown=c.shown,
                open=deadlines.count_text(c.open),
                kind=ctx.translate("TaskKind", c.kind.label),
            )
        )
    if cut:
        say(ctx.translate("cli", "For the rest: --all, or --limit N (rows of each kind)."))


def _review_json(ctx: Context, got: reviews.Review) -> dict[str, Any]:
    return {
        "date": got.day.isoformat(),
        "reviewed": [r.to_json() for r in got.reviewed],
        "missed": [d.isoformat() for d in got.missed],
        "kinds": [
            {
                "kind": k.spec.kind.value,
                "label": ctx.translate("TaskKind", k.spec.kind.label),
                "open": k.open,
                "overdue": k.overdue,
                "shown": k.shown,
                "not_shown": k.more,
                "tasks": [task_lists.task_json(t, got, ctx.translate) for t in k.tasks],
            }
            for k in got.lists
        ],
    }


def run_review(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    if a.step == "done":
        done = ctx.db.write(lambda s: reviews.mark_done(s, actor))
        if a.json:
            ctx.emit_json(done.to_json())
        else:
            ctx.out(
                ctx.translate("cli", "Reviewed by {by} at {at}.").format(
                    by=done.by, at=short_time(done.at)
                )
            )
        return 0
    day = reviews.parse_day(a.date) if a.date else None
    limit = None if a.all else a.limit
    got = ctx.db.read(lambda s: reviews.review(s, actor, day, limit=limit))
    if a.json:
        ctx.emit_json(_review_json(ctx, got))
        _more(ctx, got.lists)
        return 0
    for r in got.reviewed:
        ctx.out(
            ctx.translate("cli", "Reviewed by {by} at {at}.").format(by=r.by, at=short_time(r.at))
        )
    if not got.reviewed:
        ctx.out(ctx.translate("cli", "Not reviewed yet on {date}.").format(date=got.day))
    if got.missed:
        days = ", ".join(d.isoformat() for d in got.missed)
        ctx.out(ctx.translate("cli", "No review on: {days}").format(days=days))
    for k in got.lists:
        ctx.out(
            ctx.translate("cli", "== {kind}: {open} open, {overdue} overdue").format(
                kind=ctx.translate("TaskKind", k.spec.kind.label),
                open=deadlines.count_text(k.open),
                overdue=deadlines.count_text(k.overdue),
            )
        )
        for task in k.tasks:
            ctx.out(_line(ctx, task, got.now, got.owner_name(task)))
    _more(ctx, got.lists)
    return 0


def _followup(ctx: Context, done: followups.Followup) -> int:
    if ctx.args.json:
        ctx.emit_json(done.to_json())
    elif done.action == followups.REASSIGN:
        ctx.out(
            ctx.translate("cli", "{key} is {name}'s now.").format(key=done.key, name=done.to_name)
        )
    else:
        ctx.out(
            ctx.translate("cli", "Reminder sent to {name}.").format(
                name=done.to_name or ctx.translate("cli", "the team")
            )
        )
    return 0


def run_remind(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    return _followup(ctx, ctx.db.write(lambda s: followups.remind(s, actor, a.kind, a.key, a.text)))


def run_reassign(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    return _followup(ctx, ctx.db.write(lambda s: followups.reassign(s, actor, a.kind, a.key, a.to)))


def _hours(ctx: Context, hours: float | Decimal, on_the_clock: bool) -> str:
    """``10 h, working hours`` / ``10 小时，按工作时间``: the number plainly, never ``1E+1``."""
    clock = (
        ctx.translate("cli", "on the clock")
        if on_the_clock
        else ctx.translate("cli", "working hours")
    )
    number = deadline_settings.plain(Decimal(str(hours)))
    return ctx.translate("cli", "{hours} h, {clock}").format(hours=f"{number:f}", clock=clock)


def run_deadlines(ctx: Context) -> int:
    rows = ctx.read(Action.TASKS_READ, deadline_settings.durations)
    if ctx.args.json:
        ctx.emit_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        what = (
            _hours(ctx, r.hours, r.on_the_clock)
            if r.hours is not None
            else ctx.translate("DeadlineFrom", r.source.label)
        )
        line = ctx.translate("cli", "{kind}: {deadline}").format(
            kind=ctx.translate("TaskKind", r.kind.label), deadline=what
        )
        ctx.out(f"{r.kind.value:24} {line}")
    return 0


def run_set_deadline(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()

    def save(s: Any) -> Any:
        require(s, actor, Action.DEADLINE_SETTINGS)
        shop = shop_by_name(s, a.shop).id if a.shop else None
        return deadline_settings.set_duration(s, actor, a.kind, a.hours, shop)

    hours = ctx.db.write(save)
    spec = deadlines.spec_of(a.kind)
    assert isinstance(spec.rule, deadlines.Within)  # set_duration refuses any other
    kind = ctx.translate("TaskKind", spec.kind.label)
    if a.shop:
        kind = ctx.translate("cli", "{kind} at {shop}").format(kind=kind, shop=a.shop)
    said = _hours(ctx, hours, spec.rule.on_the_clock)
    ctx.out(ctx.translate("cli", "{kind}: {deadline}.").format(kind=kind, deadline=said))
    return 0


def run_set_hours(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()

    def save(s: Any) -> str:
        require(s, actor, Action.DEADLINE_SETTINGS)
        shop = shop_by_name(s, a.shop).id if a.shop else None
        return deadline_settings.set_hours(s, actor, a.hours, shop)

    value = ctx.db.write(save)
    ctx.out(
        ctx.translate("cli", "Working hours: {hours}.").format(
            hours=value or ctx.translate("cli", "on the clock")
        )
    )
    return 0


def run_made_to_order(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    no = ctx.db.write(lambda s: made_to_order.mark(s, actor, a.order_no))
    if a.json:
        ctx.emit_json({"order_no": no, "made_to_order": True})
        return 0
    ctx.out(
        ctx.translate("cli", "Order {order_no}: made to order, 48 h to ship.").format(order_no=no)
    )
    return 0
