"""The options of ``afterdesk score …`` and ``afterdesk roster …`` (docs/scores.md)."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, add_out, command


def _month(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--month", required=required, help="the month, as 2026-11 (default: this month)"
    )


def register(sub: argparse._SubParsersAction) -> None:
    _score(command(sub, "score"))
    _roster(command(sub, "roster"))


def _score(parser: argparse.ArgumentParser) -> None:
    cmds = parser.add_subparsers(dest="score_cmd", required=True)
    show = cmds.add_parser("show", help="a month's sheet: yours, or anyone's for a supervisor")
    show.add_argument(
        "--user", "--person", dest="person", metavar="USER", help="whose sheet (an account name)"
    )
    _month(show)
    add_json(show)
    show.set_defaults(run="cmd_scores.run_show")
    propose = cmds.add_parser("propose", help="propose entries from the month's records")
    _month(propose)
    add_json(propose)
    propose.set_defaults(run="cmd_scores.run_propose")
    confirm = cmds.add_parser("confirm", help="confirm a proposed entry: it counts")
    confirm.add_argument("id", type=int)
    confirm.add_argument("--reason", default="", help="what you checked (optional)")
    confirm.set_defaults(run="cmd_scores.run_confirm")
    dismiss = cmds.add_parser("dismiss", help="dismiss a proposed entry, with the reason")
    dismiss.add_argument("id", type=int)
    dismiss.add_argument("--reason", required=True)
    dismiss.set_defaults(run="cmd_scores.run_dismiss")
    add = cmds.add_parser("add", help="an entry by hand (attendance, attitude, a good deed…)")
    add.add_argument("person", metavar="USER")
    add.add_argument("--rule", required=True, help="the rule's code (score rules)")
    add.add_argument("--points", type=int, help="the points, where the rule leaves a range")
    add.add_argument("--reason", required=True)
    _month(add)
    evidence = add.add_mutually_exclusive_group()
    evidence.add_argument("--order", help="the order it is about")
    evidence.add_argument("--case", help="the case it is about")
    evidence.add_argument("--request", help="the change request it is about")
    evidence.add_argument("--complaint", help="the complaint it is about")
    add.add_argument("--corrects", type=int, help="the entry of an approved month it corrects")
    add.set_defaults(run="cmd_scores.run_add")
    for name, helptext in (
        ("submit", "the supervisor hands the month's sheet to the administrator"),
        ("approve", "the administrator approves the month: it is locked"),
    ):
        step = cmds.add_parser(name, help=helptext)
        step.add_argument("month", metavar="MONTH")
        step.set_defaults(run=f"cmd_scores.run_{name}")
    reopen = cmds.add_parser(
        "reopen", help="the administrator sends a submitted month back to the supervisor"
    )
    reopen.add_argument("month", metavar="MONTH")
    reopen.add_argument("--reason", default="", help="what is to be looked at again")
    reopen.set_defaults(run="cmd_scores.run_reopen")
    export = cmds.add_parser("export", help="the month's sheet as .xlsx or an A4 .pdf")
    _month(export, required=True)
    add_out(export, "the .xlsx or .pdf to write")
    export.set_defaults(run="cmd_scores.run_export")
    _money(cmds.add_parser("money", help="the money rules: bands, reward, the supervisor's"))
    rules = cmds.add_parser("rules", help="the score rules per role")
    add_json(rules)
    rules.set_defaults(run="cmd_scores.run_rules")
    rule = cmds.add_parser("rule", help="the administrator edits a rule")
    rule.add_argument("code")
    rule.add_argument("--points", type=int)
    onoff = rule.add_mutually_exclusive_group()
    onoff.add_argument("--off", dest="active", action="store_false", default=None)
    onoff.add_argument("--on", dest="active", action="store_true")
    rule.set_defaults(run="cmd_scores.run_rule")


def _money(parser: argparse.ArgumentParser) -> None:
    cmds = parser.add_subparsers(dest="money_cmd", required=True)
    show = cmds.add_parser("show", help="the money rules in force")
    add_json(show)
    show.set_defaults(run="cmd_scores.run_money_show")
    set_ = cmds.add_parser("set", help="the administrator changes some of them")
    set_.add_argument(
        "--bands", help='every band, "from-down to:元 a point": "100-90:10, 90-80:20, ..."'
    )
    for name, helptext in (
        ("dismissal-below", "points below which a person is flagged for dismissal (60)"),
        ("reward-at", "points from which a person earns the reward (110)"),
        ("reward", "the reward in 元 (100)"),
        ("team-full-marks", "half the team at these points or more: the supervisor's bonus (100)"),
        ("team-bonus", "the supervisor's bonus in 元 (100)"),
        ("team-failure-below", "anyone of the team below these points: the penalty (60)"),
        ("team-penalty", "the supervisor's penalty in 元 (100)"),
    ):
        set_.add_argument(f"--{name}", type=int, help=helptext)
    set_.set_defaults(run="cmd_scores.run_money_set")
    reset = cmds.add_parser("reset", help="back to the procedure's money rules")
    reset.set_defaults(run="cmd_scores.run_money_reset")


def _roster(parser: argparse.ArgumentParser) -> None:
    cmds = parser.add_subparsers(dest="roster_cmd", required=True)
    generate = cmds.add_parser("generate", help="make the month's rotation afresh")
    _month(generate)
    generate.add_argument("--every", type=int, default=5, help="days between changes (5)")
    generate.set_defaults(run="cmd_roster.run_generate")
    show = cmds.add_parser("show", help="the month's roster")
    _month(show)
    add_json(show)
    show.set_defaults(run="cmd_roster.run_show")
    printed = cmds.add_parser("print", help="the month's roster as an A4 PDF")
    _month(printed)
    add_out(printed)
    printed.set_defaults(run="cmd_roster.run_print")
    set_ = cmds.add_parser("set", help="the supervisor sets one person's shift of a day")
    set_.add_argument("day", help="2026-11-03")
    set_.add_argument("person", metavar="USER")
    set_.add_argument("shift", help="a shift's code, or 'off'")
    set_.set_defaults(run="cmd_roster.run_set")
    swap = cmds.add_parser("swap", help="ask to swap your shift of a day with a colleague")
    swap.add_argument("day", help="2026-11-03")
    swap.add_argument("colleague", metavar="USER")
    swap.add_argument("--reason", default="")
    swap.set_defaults(run="cmd_roster.run_swap")
    swaps = cmds.add_parser("swaps", help="the month's swaps and their state")
    _month(swaps)
    add_json(swaps)
    swaps.set_defaults(run="cmd_roster.run_swaps")
    for name, helptext in (
        ("agree", "agree to a swap a colleague asked you for"),
        ("withdraw", "take back a swap you asked or agreed to, before it is approved"),
        ("approve", "the supervisor approves an agreed swap: the shifts are exchanged"),
        ("refuse", "the supervisor refuses a swap"),
    ):
        step = cmds.add_parser(name, help=helptext)
        step.add_argument("id", type=int)
        step.set_defaults(run=f"cmd_roster.run_{name}")
    shifts = cmds.add_parser("shifts", help="the shifts the shop defined")
    add_json(shifts)
    shifts.set_defaults(run="cmd_roster.run_shifts")
    shift = cmds.add_parser(
        "shift", help="the supervisor adds or changes a shift (e.g. the warehouse's)"
    )
    shift.add_argument("code", help="e.g. warehouse_day")
    shift.add_argument("--team", required=True, choices=("service", "printer", "warehouse"))
    shift.add_argument("--zh", required=True, help="its Chinese name, e.g. 仓库班")
    shift.add_argument("--en", required=True, help="its English name, e.g. Warehouse day")
    shift.add_argument("--hours", required=True, help="08:30-12:00, 13:00-17:30")
    shift.set_defaults(run="cmd_roster.run_shift")
    now = cmds.add_parser("now", help="who is on duty now")
    add_json(now)
    now.set_defaults(run="cmd_roster.run_now")
