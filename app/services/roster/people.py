"""The staff a roster and a score sheet list, looked up by account name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Role, User
from app.models.errors import NotFound
from app.models.i18n import QT_TRANSLATE_NOOP

SERVICE = frozenset({Role.PRESALES, Role.AFTERSALES})  # 客服: the service shifts
STAFF = frozenset(Role) - {Role.ADMIN}  # on the score sheet: everyone but the boss


@dataclass(frozen=True)
class Person:
    user_id: int
    username: str
    display_name: str
    roles: frozenset[Role]

    @property
    def team(self) -> str | None:
        """Which shifts the person works: the printer's, the service's, the warehouse's (once
        the shop defines one), or none."""
        if Role.PRINTER in self.roles:
            return "printer"
        if self.roles & SERVICE:
            return "service"
        if Role.WAREHOUSE in self.roles:
            return "warehouse"
        return None


def _person(user: User) -> Person:
    return Person(user.id, user.username, user.display_name, frozenset(user.role_set))


def staff(session: Session) -> list[Person]:
    """Active accounts holding a staff role, by account name."""
    users = session.execute(select(User).where(User.active).order_by(User.username)).scalars()
    return [p for p in map(_person, users) if p.roles & STAFF]


def by_ids(session: Session, ids: set[int]) -> dict[int, Person]:
    if not ids:
        return {}
    users = session.execute(select(User).where(User.id.in_(ids))).scalars()
    return {u.id: _person(u) for u in users}


def by_name(session: Session, username: str) -> Person:
    name = (username or "").strip().lower()
    user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
    if user is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("UserError", "There is no account {username}."), username=name
        )
    return _person(user)
