"""Who is acting, and the one place services check what the capability table allows them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session, joinedload

from app.models import Role, User
from app.models.errors import AuthenticationFailed
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import capabilities
from app.services.core.capabilities import Action


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
    # the roles joined in: one round trip instead of two, and every action asks
    user = session.get(User, actor.user_id, options=[joinedload(User.roles)])
    if user is None or not user.active:
        raise AuthenticationFailed(
            QT_TRANSLATE_NOOP("UserError", "The account {username} is disabled."),
            username=actor.username,
        )
    return user


def require(session: Session, actor: Actor, action: Action, thing: Any = None) -> User:
    """Refuse unless the capability table lets the actor, as the account is now, do ``action``
    (to ``thing``, in its current state, when one is given)."""
    user = load_user(session, actor)
    problem = capabilities.refusal(action, thing, frozenset(user.role_set))
    if problem is not None:
        raise problem
    return user
