"""Typed domain errors.

Each carries an English source message (marked for translation) and its
parameters; the views and the CLI translate the message when they show it.
Anything that is not a ``UserError`` is a bug.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from typing import Any

from app.models.i18n import QT_TRANSLATE_NOOP, Label

Translate = Callable[[str, str], str]
CONTEXT = "UserError"


def _identity(_context: str, text: str) -> str:
    return text


class UserError(Exception):
    """A refusal the user can understand and act on."""

    code = "user_error"

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message())

    def message(self, translate: Translate = _identity) -> str:
        text = translate(CONTEXT, self.template) or self.template
        params = {key: _translated(value, translate) for key, value in self.params.items()}
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
            return self.template.format(**params)


def _translated(value: Any, translate: Translate) -> Any:
    if isinstance(value, Label):
        return translate(value.context, value) or str(value)
    if isinstance(value, tuple) and value and all(isinstance(v, Label) for v in value):
        return " / ".join(_translated(v, translate) for v in value)
    return value


class InvalidInput(UserError):
    code = "invalid_input"


class FieldRefused(InvalidInput):
    """A refusal about one field of a form that saves many at once, naming the field: the
    screen says which of its values was refused (and that nothing was saved)."""

    def __init__(self, field: Label | tuple[Label, ...], error: UserError) -> None:
        self.field, self.error = field, error
        super().__init__(
            QT_TRANSLATE_NOOP("UserError", "{field}: {problem} Nothing was saved."), field=field
        )

    def message(self, translate: Translate = _identity) -> str:
        text = translate(CONTEXT, self.template) or self.template
        field, problem = _translated(self.field, translate), self.error.message(translate)
        try:
            return text.format(field=field, problem=problem)
        except (KeyError, IndexError, ValueError):
            return self.template.format(field=field, problem=problem)


class NotFound(UserError):
    code = "not_found"


class PermissionDenied(UserError):
    code = "permission_denied"


class AuthenticationFailed(UserError):
    code = "authentication_failed"


class Conflict(UserError):
    """Someone else changed the row since the user loaded it."""

    code = "conflict"


class TransitionRefused(UserError):
    code = "transition_refused"


class DatabaseProblem(UserError):
    """The database cannot be used: unreachable, not a database, too new."""

    code = "database_problem"


def role_required(role_labels: tuple[Label, ...]) -> PermissionDenied:
    return PermissionDenied(
        QT_TRANSLATE_NOOP("UserError", "This needs the {role} role."), role=role_labels
    )


class DiskFull(DatabaseProblem):
    """No space left where the database or a file is written: nothing half-written stays."""

    code = "disk_full"


def disk_full() -> DiskFull:
    return DiskFull(
        QT_TRANSLATE_NOOP(
            "UserError", "The disk is full: nothing was saved. Free some space, then try again."
        )
    )


# The system's reasons a file cannot be read or written, in the user's language: Python gives
# them in English ("No such file or directory") whatever the user's language is.
OS_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("OSError", "there is no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("OSError", "this account may not open it"),
    errno.EPERM: QT_TRANSLATE_NOOP("OSError", "this account may not open it"),
    errno.EISDIR: QT_TRANSLATE_NOOP("OSError", "it is a folder, not a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("OSError", "a part of the path is not a folder"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("OSError", "the disk is full"),
    errno.EROFS: QT_TRANSLATE_NOOP("OSError", "the disk is read-only"),
    errno.EBUSY: QT_TRANSLATE_NOOP("OSError", "another program is using it"),
}


def os_reason(exc: OSError) -> Label | str:
    """Why a file could not be used, for a message parameter (translated where shown)."""
    known = OS_REASONS.get(exc.errno or 0)
    if known is not None:
        return Label(known, "OSError")
    return exc.strerror or str(exc)
