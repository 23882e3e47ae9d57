"""The people a complaint or a dispute names: whom it is about, and who owns it.

Only after-sales and the supervisor own one (they answer it); anyone active may be the one it
is about (a complaint about a pre-sales clerk's reply).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Role, User
from app.models.errors import InvalidInput, NotFound
from app.models.i18n import QT_TRANSLATE_NOOP

WORKERS = frozenset({Role.AFTERSALES, Role.SUPERVISOR})  # who may own a complaint


def staff_member(session: Session, username: str, *, worker: bool = False) -> User:
    """An active account by its user name (or display name); ``worker``: one that may own
    a complaint (after-sales or the supervisor)."""
    name = (username or "").strip()
    user = session.execute(
        select(User).where((User.username == name) | (User.display_name == name))
    ).scalar_one_or_none()
    if user is None or not user.active:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no active staff account “{name}”."),
            name=name,
        )
    if worker and not user.role_set & WORKERS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{name} is not in after-sales: only after-sales or the supervisor own complaints.",
            ),
            name=user.display_name,
        )
    return user


@dataclass(frozen=True)
class StaffChoice:
    username: str
    name: str
    may_own: bool  # after-sales or the supervisor


def staff_choices(session: Session) -> list[StaffChoice]:
    """The active accounts a complaint may name or be given to, by name."""
    users = session.execute(select(User).where(User.active.is_(True)).order_by(User.display_name))
    return [
        StaffChoice(u.username, u.display_name, bool(u.role_set & WORKERS)) for u in users.scalars()
    ]
