"""The options of ``afterdesk complaint`` and ``afterdesk dispute`` (docs/supervision.md)."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, add_out, command
from app.models.complaint_enums import Channel, Outcome, Priority


def register(sub: argparse._SubParsersAction) -> None:
    _complaint(command(sub, "complaint"))
    _dispute(command(sub, "dispute"))


def _version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        dest="expected_version",
        type=int,
        default=None,
        help="the complaint's version you looked at; refused if someone changed it since",
    )


def _complaint(parser: argparse.ArgumentParser) -> None:
    cmds = parser.add_subparsers(dest="complaint_cmd", required=True)
    op = cmds.add_parser("open", help="register a complaint (number, owner, deadlines)")
    op.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    op.add_argument("--customer", default="", help="the customer (default: the order's buyer)")
    op.add_argument("--category", required=True, help="one of the shop's categories")
    op.add_argument("--priority", required=True, choices=[p.value for p in Priority])
    op.add_argument("--text", required=True, help="what the customer complains about")
    op.add_argument("--order", dest="order_no", help="the order it is about, if any")
    op.add_argument("--owner", help="who handles it (default: you)")
    op.add_argument("--about", help="the staff member complained about, if any")
    add_json(op)
    op.set_defaults(run="cmd_complaints.run_open")
    for name, helptext in (
        ("respond", "record the first response to the customer"),
        ("escalate", "hand the complaint up to the supervisor"),
        ("resolve", "record how it was resolved"),
    ):
        step = cmds.add_parser(name, help=helptext)
        step.add_argument("complaint_no")
        step.add_argument("--text", required=True)
        _version(step)
        add_json(step)
        step.set_defaults(run="cmd_complaints.run_step", step=name)
    fu = cmds.add_parser("follow-up", help="the follow-up call (回访): satisfaction 1–5; closes it")
    fu.add_argument("complaint_no")
    for score in ("attitude", "speed", "accuracy"):
        fu.add_argument(f"--{score}", type=int, required=True, help="1 (poor) to 5 (very good)")
    fu.add_argument("--text", default="", help="what the customer said")
    _version(fu)
    add_json(fu)
    fu.set_defaults(run="cmd_complaints.run_follow_up")
    confirm = cmds.add_parser(
        "confirm", help="(supervisor) confirm the complaint against the staff member it names"
    )
    confirm.add_argument("complaint_no")
    confirm.add_argument("--text", default="")
    add_json(confirm)
    confirm.set_defaults(run="cmd_complaints.run_confirm")
    show = cmds.add_parser("show", help="one complaint with every signed step")
    show.add_argument("complaint_no")
    add_json(show)
    show.set_defaults(run="cmd_complaints.run_show")
    ls = cmds.add_parser("list", help="complaints, overdue first")
    ls.add_argument("--open", action="store_true", help="not yet closed by the follow-up call")
    ls.add_argument("--overdue", action="store_true", help="past their deadline only")
    ls.add_argument("--escalated", action="store_true", help="escalated ones only")
    ls.add_argument("--owner", help="owned by this person (display name)")
    ls.add_argument("--category")
    ls.add_argument("--limit", type=int, default=200)
    add_json(ls)
    ls.set_defaults(run="cmd_complaints.run_list")
    cats = cmds.add_parser("categories", help="the shop's complaint categories")
    cats.add_argument("--set", dest="names", help="(administrator) the new list, comma-separated")
    add_json(cats)
    cats.set_defaults(run="cmd_complaints.run_categories")
    dl = cmds.add_parser("deadlines", help="each priority's deadlines, in (working) hours")
    dl.add_argument("--priority", choices=[p.value for p in Priority])
    dl.add_argument("--respond", type=float, help="(administrator) hours to the first response")
    dl.add_argument("--resolve", type=float, help="(administrator) hours to the resolution")
    add_json(dl)
    dl.set_defaults(run="cmd_complaints.run_deadlines")


def _dispute(parser: argparse.ArgumentParser) -> None:
    cmds = parser.add_subparsers(dest="dispute_cmd", required=True)
    op = cmds.add_parser("open", help="mark a case or order as in dispute on the platform")
    op.add_argument("ref", metavar="CASE_OR_ORDER")
    op.add_argument("--no", dest="dispute_no", required=True, help="the platform's dispute number")
    op.add_argument("--deadline", required=True, help="the platform's deadline: 2026-12-10 18:00")
    op.add_argument("--claim", required=True, help="what the buyer claims")
    op.add_argument("--platform", help="default: the order's shop's platform")
    op.add_argument("--owner", help="who handles it (default: you)")
    add_json(op)
    op.set_defaults(run="cmd_disputes.run_open")
    oc = cmds.add_parser("outcome", help="record how the dispute ended")
    oc.add_argument("dispute_no")
    oc.add_argument("--result", required=True, choices=[o.value for o in Outcome])
    oc.add_argument("--note", default="")
    add_json(oc)
    oc.set_defaults(run="cmd_disputes.run_outcome")
    show = cmds.add_parser("show", help="one dispute")
    show.add_argument("dispute_no")
    add_json(show)
    show.set_defaults(run="cmd_disputes.run_show")
    ls = cmds.add_parser("list", help="disputes, open ones first by deadline")
    ls.add_argument("--open", action="store_true", help="without an outcome only")
    ls.add_argument("--limit", type=int, default=200)
    add_json(ls)
    ls.set_defaults(run="cmd_disputes.run_list")
    ev = cmds.add_parser("evidence", help="the evidence pack (one PDF) of a case or order")
    ev.add_argument("ref", metavar="CASE", help="a case number, an order number or a dispute no.")
    add_out(ev)
    add_json(ev)
    ev.set_defaults(run="cmd_disputes.run_evidence")
