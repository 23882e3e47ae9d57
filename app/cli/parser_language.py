"""argparse's own messages (usage, help headings, usage errors) in the user's language.

argparse translates through the ``_`` and ``ngettext`` it imported from gettext; we put our
catalogue in their place before the parser is built, so ``afterdesk 订单`` or a missing
argument is answered in Chinese like the rest of the command line. The language is the one
the command itself will speak: --lang, else this PC's setting, else the system's.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from app.config import LocalSettings
from app.i18n import Translator, resolve
from app.models.i18n import QT_TRANSLATE_NOOP

CONTEXT = "argparse"
LANG_OPTION = "--lang"

# argparse's strings a user can meet (Python 3.11's wording), for the translators
MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def language(option: str | None) -> str:
    """The command line's language: --lang, else this PC's setting, else the system's."""
    return resolve(option or LocalSettings.load().language)


def lang_option(argv: Sequence[str]) -> str | None:
    """--lang's value read ahead of the parser, which needs it to speak (``--lang X`` or
    ``--lang=X``); a wrong value is left for the parser to refuse."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == LANG_OPTION and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(LANG_OPTION + "="):
            return arg.partition("=")[2]
    return None


def install(argv: Sequence[str]) -> None:
    """argparse speaks the language ``argv``'s command will speak, from now on."""
    tr = Translator(language(lang_option(argv)))

    def gettext(message: str) -> str:
        return tr(CONTEXT, message) if message else message

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    # module attributes argparse looks up at each call (``from gettext import gettext as _``)
    setattr(argparse, "_", gettext)  # noqa: B010 - argparse does not declare them
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
