"""``afterdesk roster …``: the duty roster, swaps and who is on duty (docs/scores.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from app.cli.cmd_scores import month_of, paper_of
from app.cli.common import Context
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor
from app.services.roster import duty, printout, rotation, shifts, swaps
from app.services.roster.shifts import TEAM_LABELS, ShiftView
from app.services.roster.swaps import SwapView


def day_of(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{text}” is not a day: write it as 2026-11-03."),
            text=text,
        ) from None


def run_generate(ctx: Context) -> int:
    actor, month = ctx.actor(), month_of(ctx)
    grid = ctx.db.write(lambda s: rotation.generate(s, actor, month, ctx.args.every))
    ctx.out(
        ctx.translate("cli", "Roster of {month}: {n} people, changing every {every} days.").format(
            month=month, n=len({u for u, _ in grid.cells}), every=ctx.args.every
        )
    )
    if grid.kept is not None and (grid.kept.edits or grid.kept.swaps):
        ctx.out(
            ctx.translate(
                "cli",
                "Kept on top of the new rotation: days the supervisor set: {edits}; approved "
                "swaps: {swaps}.",
            ).format(edits=grid.kept.edits, swaps=grid.kept.swaps)
        )
    return 0


def run_show(ctx: Context) -> int:
    actor, month = ctx.actor(), month_of(ctx)
    grid = ctx.db.read(lambda s: rotation.grid(s, actor, month))
    if ctx.args.json:
        ctx.emit_json(grid.to_json())
        return 0
    language = ctx.tr.language
    ctx.out(printout.legend(grid, language))
    for person in grid.people:
        marks = "".join(
            (s.mark(language) if (s := grid.shift_of(person.user_id, d)) else "·")
            for d in grid.days
        )
        ctx.out(f"{person.username:<14} {marks}")
    return 0


def run_print(ctx: Context) -> int:
    a, actor, month = ctx.args, ctx.actor(), month_of(ctx)
    paper = paper_of(ctx)
    ctx.db.read(
        lambda s: printout.print_month(s, actor, month, a.out, paper, overwrite=a.overwrite)
    )
    ctx.out(str(a.out))
    return 0


def run_set(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    shift = None if a.shift.strip().lower() == "off" else a.shift.strip()
    done = ctx.db.write(lambda s: rotation.set_shift(s, actor, day_of(a.day), a.person, shift))
    name = done.name(ctx.tr.language) if done else ctx.translate("cli", "off (no shift)")
    ctx.out(
        ctx.translate("cli", "{day} {person}: {shift}").format(
            day=a.day, person=a.person, shift=name
        )
    )
    return 0


def warn_beyond(ctx: Context, swap: SwapView) -> None:
    """一(五) 6 and 三(三) 14: past 3 swaps a month is allowed, flagged, and costs points."""
    if swap.beyond:
        ctx.out(
            ctx.translate(
                "cli",
                "Beyond 3 swaps this month for {names}: the procedure deducts 2 points for each "
                "(the score sheet proposes it).",
            ).format(names=", ".join(swap.beyond))
        )


def run_swap(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    swap = ctx.db.write(lambda s: swaps.request(s, actor, day_of(a.day), a.colleague, a.reason))
    ctx.out(
        ctx.translate(
            "cli",
            "Swap #{id} asked: {colleague} agrees (roster agree {id}), then the supervisor "
            "approves it; it counts only then.",
        ).format(id=swap.id, colleague=swap.user_b)
    )
    warn_beyond(ctx, swap)
    return 0


def run_swaps(ctx: Context) -> int:
    actor, month = ctx.actor(), month_of(ctx)
    found = ctx.db.read(lambda s: swaps.of_month(s, actor, month))
    if ctx.args.json:
        ctx.emit_json([s.to_json() for s in found])
        return 0
    beyond = ctx.translate("cli", "beyond 3 this month: {names}")
    for s in found:
        flag = f" · {beyond.format(names=', '.join(s.beyond))}" if s.beyond else ""
        ctx.out(
            f"#{s.id} {s.day} {s.user_a} ⇄ {s.user_b} · "
            f"{ctx.translate('SwapState', s.state.label)}{flag} {s.reason}".rstrip()
        )
    return 0


# each step of a swap after the request: the service's move, what is printed, whether the
# "beyond 3 this month" flag is worth repeating
STEPS: dict[str, tuple[Callable[[Session, Actor, int], SwapView], str, bool]] = {
    "agree": (
        swaps.agree,
        QT_TRANSLATE_NOOP("cli", "Swap #{id} agreed: it waits for the supervisor's approval."),
        True,
    ),
    "withdraw": (swaps.withdraw, QT_TRANSLATE_NOOP("cli", "Swap #{id} withdrawn."), False),
    "approve": (swaps.approve, QT_TRANSLATE_NOOP("cli", "Swap #{id} approved."), True),
    "refuse": (swaps.refuse, QT_TRANSLATE_NOOP("cli", "Swap #{id} refused."), False),
}


def _step(ctx: Context, action: str) -> int:
    actor, (move, message, flag) = ctx.actor(), STEPS[action]
    done = ctx.db.write(lambda s: move(s, actor, ctx.args.id))
    ctx.out(ctx.translate("cli", message).format(id=done.id))
    if flag:
        warn_beyond(ctx, done)
    return 0


def run_agree(ctx: Context) -> int:
    return _step(ctx, "agree")


def run_withdraw(ctx: Context) -> int:
    return _step(ctx, "withdraw")


def run_approve(ctx: Context) -> int:
    return _step(ctx, "approve")


def run_refuse(ctx: Context) -> int:
    return _step(ctx, "refuse")


def run_now(ctx: Context) -> int:
    actor = ctx.actor()
    found = ctx.db.read(lambda s: duty.on_duty_now(s, actor))
    if ctx.args.json:
        ctx.emit_json([{"user": d.person.username, "shift": d.shift.code} for d in found])
        return 0
    for d in found:
        ctx.out(f"{d.person.display_name} ({d.person.username}) · {d.shift.name(ctx.tr.language)}")
    if not found:
        ctx.out(ctx.translate("cli", "Nobody is on duty now."))
    return 0


def run_shifts(ctx: Context) -> int:
    actor = ctx.actor()
    known = ctx.db.read(lambda s: shifts.listed(s, actor))
    if ctx.args.json:
        ctx.emit_json(
            [
                {"code": c, "team": v.team, "zh": v.name_zh, "en": v.name_en, "hours": v.hours_text}
                for c, v in known.items()
            ]
        )
        return 0
    for view in known.values():
        _shift_line(ctx, view)
    return 0


def run_shift(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    view = ctx.db.write(
        lambda s: shifts.define(
            s, actor, a.code, team=a.team, name_zh=a.zh, name_en=a.en, hours=a.hours
        )
    )
    _shift_line(ctx, view)
    return 0


def _shift_line(ctx: Context, view: ShiftView) -> None:
    team = ctx.translate("RosterTeam", TEAM_LABELS.get(view.team, view.team))
    ctx.out(f"{view.code:<16} {team:<10} {view.name(ctx.tr.language)} {view.hours_text}")
