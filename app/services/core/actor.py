"""Who is acting, and the one place that checks what their roles allow."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Role, User
from app.models.errors import AuthenticationFailed, role_required
from app.models.i18n import QT_TRANSLATE_NOOP, Label


@dataclass(frozen=True)
class Actor:
    """A signed-in person, as the services see them."""

    user_id: int
    username: str
    display_name: str
    roles: frozenset[Role]

    def has(self, role: Role) -> bool:
        return role in self.roles


def load_user(session: Session, actor: Actor) -> User:
    """The actor's current row: a disabled account or a revoked role counts at once."""
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise AuthenticationFailed(
            QT_TRANSLATE_NOOP("UserError", "The account {username} is disabled."),
            username=actor.username,
        )
    return user


def require(session: Session, actor: Actor, *roles: Role) -> User:
    """Refuse unless the actor currently holds one of ``roles``."""
    user = load_user(session, actor)
    if roles and not (user.role_set & set(roles)):
        raise role_required(tuple(Label(role.label, "Role") for role in roles))
    return user
