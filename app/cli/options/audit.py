"""The options of ``afterdesk audit verify``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, command


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "audit")
    cmds = parser.add_subparsers(dest="audit_cmd", required=True)
    verify = cmds.add_parser("verify", help="report entries altered or removed behind the app")
    verify.add_argument(
        "--against",
        metavar="HEAD_OR_BATCH",
        help="the audit head printed on a cover sheet or register (COUNT:HASH, or at least "
        "16 hex digits), or a batch number: history up to it must be unchanged",
    )
    add_json(verify)
    verify.set_defaults(run="cmd_audit.run_verify")
