"""``afterdesk score …``: the monthly score sheet (docs/scores.md)."""

from __future__ import annotations

from datetime import datetime

from app.cli.common import Context
from app.models import EntryState, Role
from app.services.scores import entries, export, money, money_rules, proposals, sheet
from app.services.scores import rules as score_rules
from app.services.scores.months import Month


def month_of(ctx: Context, text: str | None = None) -> Month:
    given = text if text is not None else getattr(ctx.args, "month", None)
    return Month.parse(given) if given else Month.of(datetime.now().astimezone())


def paper_of(ctx: Context) -> export.Paper:
    """The reader's language and who printed it, for a printout of the command line."""
    printed = ctx.translate("ScoreSheet", "Printed by {name}, {at}").format(
        name=ctx.actor().display_name, at=f"{datetime.now():%Y-%m-%d %H:%M}"
    )
    return export.Paper(ctx.translate, ctx.tr.language, printed)


def run_show(ctx: Context) -> int:
    actor, month = ctx.actor(), month_of(ctx)
    found = ctx.db.read(lambda s: sheet.read(s, actor, month, ctx.args.person))
    if ctx.args.json:
        ctx.emit_json(found.to_json(ctx.translate))
        return 0
    title = ctx.translate("ScoreSheet", "Score sheet {month}").format(month=month)
    ctx.out(f"{title} · {export.state_line(found, ctx.translate)}")
    language = ctx.tr.language
    for person in found.people:
        ctx.out("")
        line = export.person_line(person, ctx.translate)
        flag = export.flag(person, ctx.translate)
        who = f"{person.person.display_name} ({person.person.username})"
        ctx.out(f"{who} · {line} {flag}".rstrip())
        for e in person.entries:
            mark = {EntryState.PROPOSED: "?", EntryState.CONFIRMED: " ", EntryState.DISMISSED: "×"}
            ctx.out(
                f"  {mark[e.state]} #{e.id} {e.points:+d} {e.rule.title(language)} — "
                f"{e.reason_text(ctx.translate)}"
                + (f" [{export.evidence_text(e, ctx.translate)}]" if e.evidence_kind else "")
            )
    return 0


def run_propose(ctx: Context) -> int:
    actor, month = ctx.actor(), month_of(ctx)
    result = ctx.db.write(lambda s: proposals.propose(s, actor, month))
    if ctx.args.json:
        ctx.emit_json({"month": str(month), "found": result.found, "added": result.added})
    else:
        ctx.out(
            ctx.translate("cli", "{month}: {found} failures found, {added} new proposals.").format(
                month=month, found=result.found, added=result.added
            )
        )
    return 0


def run_confirm(ctx: Context) -> int:
    actor = ctx.actor()
    done = ctx.db.write(lambda s: entries.confirm(s, actor, ctx.args.id, ctx.args.reason))
    ctx.out(
        ctx.translate("cli", "Entry #{id} confirmed: {points:+d}.").format(
            id=done.id, points=done.points
        )
    )
    return 0


def run_dismiss(ctx: Context) -> int:
    actor = ctx.actor()
    done = ctx.db.write(lambda s: entries.dismiss(s, actor, ctx.args.id, ctx.args.reason))
    ctx.out(ctx.translate("cli", "Entry #{id} dismissed.").format(id=done.id))
    return 0


def run_add(ctx: Context) -> int:
    a, actor, month = ctx.args, ctx.actor(), month_of(ctx)
    kind, key = next(
        ((k, v) for k in ("order", "case", "request", "complaint") if (v := getattr(a, k))),
        ("", ""),
    )
    done = ctx.db.write(
        lambda s: entries.add(
            s,
            actor,
            a.person,
            a.rule,
            a.reason,
            month=month,
            points=a.points,
            evidence_kind=kind,
            evidence_key=key,
            corrects=a.corrects,
        )
    )
    ctx.out(
        ctx.translate("cli", "Entry #{id}: {points:+d} for {user} in {month}.").format(
            id=done.id, points=done.points, user=done.username, month=done.month
        )
    )
    return 0


def run_submit(ctx: Context) -> int:
    actor, month = ctx.actor(), month_of(ctx, ctx.args.month)
    ctx.db.write(lambda s: sheet.submit(s, actor, month))
    ctx.out(ctx.translate("cli", "The sheet of {month} is submitted.").format(month=month))
    return 0


def run_approve(ctx: Context) -> int:
    actor, month = ctx.actor(), month_of(ctx, ctx.args.month)
    ctx.db.write(lambda s: sheet.approve(s, actor, month))
    ctx.out(
        ctx.translate("cli", "The sheet of {month} is approved and locked.").format(month=month)
    )
    return 0


def run_reopen(ctx: Context) -> int:
    actor, month = ctx.actor(), month_of(ctx, ctx.args.month)
    ctx.db.write(lambda s: sheet.reopen(s, actor, month, ctx.args.reason))
    ctx.out(
        ctx.translate(
            "cli", "The sheet of {month} is sent back to the supervisor: open again."
        ).format(month=month)
    )
    return 0


def run_export(ctx: Context) -> int:
    a, actor, month = ctx.args, ctx.actor(), month_of(ctx)
    paper = paper_of(ctx)
    found = ctx.db.read(
        lambda s: export.export(s, actor, month, a.out, paper, overwrite=a.overwrite)
    )
    ctx.out(
        ctx.translate("cli", "{path}: the sheet of {month}, {n} people.").format(
            path=a.out, month=month, n=len(found.people)
        )
    )
    return 0


def _rule_line(ctx: Context, r: score_rules.RuleView) -> str:
    points = f"{r.points:+d}" + (f"…{r.max_points:+d}" if r.max_points else "")
    role = ctx.translate("Role", Role(r.role).label) if r.role else ctx.translate("cli", "anyone")
    off = " " + ctx.translate("cli", "(off)") if not r.active else ""
    return f"{r.code:<26} {role:<12} {points:>8}  {r.title(ctx.tr.language)}{off}"


def run_rules(ctx: Context) -> int:
    from app.services.core.capabilities import Action

    found = ctx.read(Action.SCORE_READ, score_rules.all_rules)
    if ctx.args.json:
        ctx.emit_json([r.to_json() for r in found])
        return 0
    for r in found:
        ctx.out(_rule_line(ctx, r))
    return 0


def run_rule(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    done = ctx.db.write(
        lambda s: score_rules.edit(s, actor, a.code, points=a.points, active=a.active)
    )
    ctx.out(_rule_line(ctx, done))
    return 0


def _money_lines(ctx: Context, rules: money.MoneyRules) -> list[str]:
    band = ctx.translate("cli", "{high}–{low}: {rate} 元")
    bands = ", ".join(band.format(high=h, low=low, rate=r) for h, low, r in rules.bands)
    values = {**rules.to_json(), "bands": bands}
    return [
        line.format(**values)
        for line in (
            ctx.translate("cli", "Each point lost costs its band's rate: {bands} a point."),
            ctx.translate("cli", "Below {dismissal_below} points: flagged for dismissal."),
            ctx.translate("cli", "{reward_at} points or more: a {reward} 元 reward."),
            ctx.translate(
                "cli",
                "The supervisor: +{team_bonus} 元 when half the team has {team_full_marks} "
                "points or more; −{team_penalty} 元 when anyone of the team is below "
                "{team_failure_below}.",
            ),
        )
    ]


def _money_out(ctx: Context, rules: money.MoneyRules) -> int:
    if getattr(ctx.args, "json", False):
        ctx.emit_json(rules.to_json())
        return 0
    for line in _money_lines(ctx, rules):
        ctx.out(line)
    return 0


def run_money_show(ctx: Context) -> int:
    from app.services.core.capabilities import Action

    return _money_out(ctx, ctx.read(Action.SCORE_READ, money_rules.current))


def run_money_set(ctx: Context) -> int:
    a, actor = ctx.args, ctx.actor()
    bands = money_rules.parse_bands(a.bands) if a.bands is not None else None
    names = money_rules.POINTS + money_rules.AMOUNTS
    done = ctx.db.write(
        lambda s: money_rules.change(
            s, actor, bands=bands, **{name: getattr(a, name) for name in names}
        )
    )
    return _money_out(ctx, done)


def run_money_reset(ctx: Context) -> int:
    actor = ctx.actor()
    return _money_out(ctx, ctx.db.write(lambda s: money_rules.reset(s, actor)))
