"""``afterdesk complaint …``: complaints (投诉) with their deadlines and signed steps."""

from __future__ import annotations

from app.cli.common import Context
from app.models.complaint_enums import Channel, Priority, StepKind
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.complaints import complaints, escalation, queries, settings
from app.services.complaints.queries import ComplaintFilter
from app.services.complaints.rows import ComplaintView
from app.services.core.capabilities import Action
from app.services.supervision import clock


def _line(ctx: Context, c: ComplaintView) -> str:
    state = ctx.translate("ComplaintState", c.state.label)
    priority = ctx.translate("Priority", c.priority.label)
    text = f"{c.complaint_no}  [{state}]  {priority}  {c.category}  {c.customer}  {c.owner}"
    if c.due is not None:
        text += "  " + ctx.translate("cli", "due {time}").format(time=short_time(c.due))
    if c.overdue:
        text += "  " + ctx.translate("cli", "OVERDUE")
    if c.escalated_at is not None:
        text += "  " + ctx.translate("cli", "escalated")
    return text


def _show(ctx: Context, c: ComplaintView) -> None:
    if ctx.args.json:
        ctx.emit_json(c.to_json())
        return
    ctx.out(_line(ctx, c))
    if c.order_no:
        ctx.out("  " + ctx.translate("cli", "order: {order_no}").format(order_no=c.order_no))
    if c.about:
        ctx.out("  " + ctx.translate("cli", "about staff member: {name}").format(name=c.about))
    if c.satisfaction:
        ctx.out(
            "  "
            + ctx.translate("cli", "satisfaction: attitude {a}, speed {s}, accuracy {c}").format(
                a=c.satisfaction[0], s=c.satisfaction[1], c=c.satisfaction[2]
            )
        )
    for step in c.steps:
        what = ctx.translate("ComplaintStep", step.kind.label)
        text = step.text
        if step.kind is StepKind.AUTO_ESCALATE:
            text = ctx.translate("cli", _DEADLINES.get(step.text, step.text))
        ctx.out(f"  {short_time(step.at)}  {step.by}  {what}  {text}".rstrip())


_DEADLINES = {
    escalation.RESPOND: QT_TRANSLATE_NOOP("cli", "no first response by the deadline"),
    escalation.RESOLVE: QT_TRANSLATE_NOOP("cli", "not resolved by the deadline"),
}


def run_open(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    view = ctx.db.write(
        lambda s: complaints.open_complaint(
            s,
            actor,
            channel=Channel(a.channel),
            customer=a.customer,
            category=a.category,
            priority=Priority(a.priority),
            text=a.text,
            order_no=a.order_no,
            owner=a.owner,
            about=a.about,
        )
    )
    _show(ctx, view)
    return 0


def run_step(ctx: Context) -> int:
    """``respond``, ``escalate`` or ``resolve``: a signed text step."""
    actor, a = ctx.actor(), ctx.args
    kind = StepKind(a.step)
    view = ctx.db.write(
        lambda s: complaints.text_step(
            s, actor, kind, a.complaint_no, a.text, expected_version=a.expected_version
        )
    )
    _show(ctx, view)
    return 0


def run_follow_up(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    view = ctx.db.write(
        lambda s: complaints.follow_up(
            s,
            actor,
            a.complaint_no,
            attitude=a.attitude,
            speed=a.speed,
            accuracy=a.accuracy,
            text=a.text,
            expected_version=a.expected_version,
        )
    )
    _show(ctx, view)
    return 0


def run_confirm(ctx: Context) -> int:
    actor, a = ctx.actor(), ctx.args
    view = ctx.db.write(lambda s: complaints.confirm(s, actor, a.complaint_no, a.text))
    _show(ctx, view)
    return 0


def run_show(ctx: Context) -> int:
    escalation.notice(ctx.db, ctx.actor())
    view = ctx.read(Action.COMPLAINT_READ, lambda s: complaints.get(s, ctx.args.complaint_no))
    _show(ctx, view)
    return 0


def run_list(ctx: Context) -> int:
    a = ctx.args
    escalation.notice(ctx.db, ctx.actor())
    filters = ComplaintFilter(
        open_only=a.open,
        overdue_only=a.overdue,
        owner=a.owner,
        category=a.category,
        escalated_only=a.escalated,
    )
    rows = ctx.read(
        Action.COMPLAINT_READ, lambda s: queries.page(s, clock.now(s), filters, a.limit)
    )
    if a.json:
        ctx.emit_json([r.to_json() for r in rows])
    else:
        for row in rows:
            ctx.out(_line(ctx, row))
    return 0


def run_categories(ctx: Context) -> int:
    a = ctx.args
    actor = ctx.actor()  # signed in, whoever asks
    if a.names is not None:
        names = a.names.replace("，", ",").split(",")
        found = ctx.db.write(lambda s: settings.set_categories(s, actor, names))
    else:
        found = ctx.db.read(settings.categories)  # the shop's list: no secret
    if a.json:
        ctx.emit_json(found)
    else:
        ctx.out("、".join(found))
    return 0


def run_deadlines(ctx: Context) -> int:
    a = ctx.args
    actor = ctx.actor()
    if a.respond is not None or a.resolve is not None:
        if a.priority is None or a.respond is None or a.resolve is None:
            ctx.err(ctx.translate("cli", "Give --priority, --respond and --resolve together."))
            return 2
        priority = Priority(a.priority)
        ctx.db.write(lambda s: settings.set_deadlines(s, actor, priority, a.respond, a.resolve))
    found = ctx.db.read(lambda s: {p: settings.deadlines(s, p) for p in Priority})
    if a.json:
        ctx.emit_json(
            {
                p.value: {"respond_hours": d.respond, "resolve_hours": d.resolve}
                for p, d in found.items()
            }
        )
    else:
        for p, d in found.items():
            ctx.out(
                ctx.translate("cli", "{priority}: first response {respond} h, resolved {resolve} h")
                .format(priority=ctx.translate("Priority", p.label), respond=f"{d.respond:g}",
                        resolve=f"{d.resolve:g}")
            )  # fmt: skip
    return 0
