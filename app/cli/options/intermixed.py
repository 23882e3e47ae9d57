"""A command's options may come before, between or after its arguments.

argparse fills an optional argument (``nargs="?"`` or ``"*"``) with nothing as soon as the
arguments before the first option run out, so ``afterdesk waybills load 中通快递 --shop S
FILE`` (the order the README writes) was refused with "unrecognized arguments: FILE". A
command with no sub-commands of its own is parsed intermixed instead: its options first,
then its arguments in the order given, wherever they stood.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any


class CommandParser(argparse.ArgumentParser):
    """The parser of ``afterdesk`` and, by argparse's inheritance, of each command."""

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        if self._intermixing or not self._intermixable():
            return super().parse_known_args(args, namespace)
        usage = self.usage
        self._intermixing = True  # parse_known_intermixed_args calls back twice
        try:
            if usage is None:  # argparse's own cuts "usage: " by length, not in Chinese
                self.usage = self._bare_usage()
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False
            self.usage = usage

    def _intermixable(self) -> bool:
        """Arguments of its own, none of them a sub-command or the rest of the line."""
        positionals = self._get_positional_actions()
        if not positionals or any(
            a.nargs in (argparse.PARSER, argparse.REMAINDER) for a in positionals
        ):
            return False
        grouped = {a for group in self._mutually_exclusive_groups for a in group._group_actions}
        return not grouped.intersection(positionals)

    def _bare_usage(self) -> str:
        """The usage line without its heading, in whichever language argparse speaks."""
        text = self.format_usage().strip()
        heading = getattr(argparse, "_")("usage: ").strip()  # noqa: B009 - not declared
        return text[len(heading) :].lstrip() if text.startswith(heading) else text
