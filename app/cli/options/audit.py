"""The options of ``afterdesk audit verify``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, command


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "audit")
    cmds = parser.add_subparsers(dest="audit_cmd", required=True)
    verify = cmds.add_parser("verify", help="report entries altered or removed behind the app")
    add_json(verify)
    verify.set_defaults(run="cmd_audit.run_verify")
