"""The options of ``afterdesk case list``, ``afterdesk register export`` and ``afterdesk scan``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, add_out, command
from app.models.case_enums import CaseState, CaseType


def filters(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--state", action="append", choices=[s.value for s in CaseState])
    cmd.add_argument("--type", action="append", dest="kind", choices=[t.value for t in CaseType])
    cmd.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD (shop's date)")
    cmd.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD")
    cmd.add_argument("--staff", help="the name of anyone who signed a step")
    cmd.add_argument("--search", help="any number: case, order, tracking, buyer id, phone")


def add_case_list(cmds: argparse._SubParsersAction) -> None:
    lst = cmds.add_parser("list", help="the register, newest first")
    filters(lst)
    lst.add_argument("--limit", type=int, default=50)
    lst.add_argument("--before", type=int, help="keyset paging: the last id of the page before")
    add_json(lst)
    lst.set_defaults(run="cmd_register.run_list")


def register(sub: argparse._SubParsersAction) -> None:
    reg = command(sub, "register")
    cmds = reg.add_subparsers(dest="register_cmd", required=True)
    export = cmds.add_parser("export", help="export the register to an .xlsx file")
    add_out(export, "the .xlsx file to write")
    filters(export)
    export.set_defaults(run="cmd_register.run_export")
    scan = command(sub, "scan")
    scan.add_argument("code")
    add_json(scan)
    scan.set_defaults(run="cmd_register.run_scan")
