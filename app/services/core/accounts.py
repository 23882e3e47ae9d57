"""Staff accounts: the first administrator, adding staff, roles, signing in."""

from __future__ import annotations

import contextlib
import functools
import re
import time
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import Role, User, UserRole
from app.models.errors import AuthenticationFailed, InvalidInput, PermissionDenied
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text

USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")
MIN_PASSWORD = 4
FREE_ATTEMPTS = 3  # failures before sign-in slows down
MAX_LOCK = timedelta(minutes=15)
_hasher = PasswordHasher()  # argon2id, salted, deliberately slow


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not a password")


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool


def _view(user: User) -> UserView:
    return UserView(user.id, user.username, user.display_name, user.role_set, user.active)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, user.role_set)


def _check_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME.match(name):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "“{username}” is not a valid user name: 2–32 letters, digits, '.', '_' or '-'.",
            ),
            username=username,
        )
    return name


def _check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "A password needs at least {n} characters."),
            n=MIN_PASSWORD,
        )
    return password


def _parse_roles(roles: list[str] | list[Role] | frozenset[Role]) -> frozenset[Role]:
    parsed: set[Role] = set()
    for role in roles:
        try:
            parsed.add(Role(str(role).strip().lower()))
        except ValueError:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Unknown role “{role}”. Known roles: {known}."),
                role=role,
                known=", ".join(r.value for r in Role),
            ) from None
    if not parsed:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Give the account at least one role."))
    return frozenset(parsed)


def has_users(session: Session) -> bool:
    return session.execute(select(func.count()).select_from(User)).scalar_one() > 0


def _create(
    session: Session, username: str, display_name: str, password: str, roles: frozenset[Role]
) -> User:
    name = _check_username(username)
    if session.execute(select(User.id).where(User.username == name)).first():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The user name {username} is taken."), username=name
        )
    user = User(
        username=name,
        display_name=clean_text(
            display_name, field=Label(QT_TRANSLATE_NOOP("Field", "Name")), max_len=32
        ),
        password_hash=_hasher.hash(_check_password(password)),
        created_at=db_now(session),
        active=True,
        failed_logins=0,
        roles=[UserRole(role=r.value) for r in sorted(roles)],
    )
    session.add(user)
    session.flush()
    return user


def create_first_admin(session: Session, username: str, display_name: str, password: str) -> Actor:
    """The very first account of a new database: an administrator, signed in at once."""
    if has_users(session):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("UserError", "This database already has an administrator.")
        )
    user = _create(session, username, display_name, password, frozenset({Role.ADMIN}))
    audit.record(
        session,
        actor_id=user.id,
        actor_name=user.display_name,
        action="user.create",
        entity="user",
        entity_key=user.username,
        after={"roles": sorted(user.role_set), "display_name": user.display_name},
    )
    return _actor(user)


def add_user(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    password: str,
    roles: list[str] | list[Role] | frozenset[Role],
) -> UserView:
    require(session, actor, Action.USER_ADMIN)
    user = _create(session, username, display_name, password, _parse_roles(roles))
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="user.create",
        entity="user",
        entity_key=user.username,
        after={"roles": sorted(user.role_set), "display_name": user.display_name},
    )
    return _view(user)


def _get(session: Session, username: str) -> User:
    user = session.execute(
        select(User).where(User.username == (username or "").strip().lower())
    ).scalar_one_or_none()
    if user is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "There is no user {username}."), username=username
        )
    return user


def set_roles(
    session: Session, actor: Actor, username: str, roles: list[str] | list[Role] | frozenset[Role]
) -> UserView:
    """Change someone's roles; logged with before and after (least privilege, seed 004)."""
    require(session, actor, Action.USER_ADMIN)
    user = _get(session, username)
    new = _parse_roles(roles)
    before = sorted(user.role_set)
    if user.id == actor.user_id and Role.ADMIN not in new:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("UserError", "You cannot take the administrator role from yourself.")
        )
    user.roles = [UserRole(role=r.value) for r in sorted(new)]
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="user.roles",
        entity="user",
        entity_key=user.username,
        before={"roles": before},
        after={"roles": sorted(new)},
    )
    return _view(user)


def set_active(session: Session, actor: Actor, username: str, active: bool) -> UserView:
    require(session, actor, Action.USER_ADMIN)
    user = _get(session, username)
    if user.id == actor.user_id and not active:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("UserError", "You cannot disable your own account.")
        )
    before = user.active
    user.active = active
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="user.active",
        entity="user",
        entity_key=user.username,
        before={"active": before},
        after={"active": active},
    )
    return _view(user)


def set_password(session: Session, actor: Actor, username: str, password: str) -> None:
    """An administrator resets anyone's password; everyone may change their own."""
    user = _get(session, username)
    if user.id != actor.user_id:
        require(session, actor, Action.USER_ADMIN)
    user.password_hash = _hasher.hash(_check_password(password))
    user.failed_logins, user.locked_until = 0, None
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="user.password",
        entity="user",
        entity_key=user.username,
    )


def list_users(session: Session) -> list[UserView]:
    users = session.execute(select(User).order_by(User.username)).scalars()
    return [_view(u) for u in users]


@dataclass(frozen=True)
class _Outcome:
    actor: Actor | None
    error: AuthenticationFailed | None


def _attempt(session: Session, username: str, password: str) -> _Outcome:
    wrong = AuthenticationFailed(QT_TRANSLATE_NOOP("UserError", "Wrong user name or password."))
    user = session.execute(
        select(User).where(User.username == (username or "").strip().lower())
    ).scalar_one_or_none()
    if user is None or not user.active:
        with contextlib.suppress(VerificationError):  # same cost: no hint which names exist
            _hasher.verify(_dummy_hash(), password or "")
        return _Outcome(None, wrong)
    now = db_now(session)
    if user.locked_until and user.locked_until > now:
        wait = int((user.locked_until - now).total_seconds()) + 1
        return _Outcome(
            None,
            AuthenticationFailed(
                QT_TRANSLATE_NOOP(
                    "UserError", "Too many failed sign-ins. Try again in {seconds} seconds."
                ),
                seconds=wait,
            ),
        )
    try:
        _hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= FREE_ATTEMPTS:
            delay = timedelta(seconds=2 ** (user.failed_logins - FREE_ATTEMPTS + 1))
            user.locked_until = now + min(delay, MAX_LOCK)
        return _Outcome(None, wrong)
    if user.failed_logins or user.locked_until:
        user.failed_logins, user.locked_until = 0, None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return _Outcome(_actor(user), None)


def sign_in(db: Database, username: str, password: str) -> Actor:
    """Check a password. Failures are counted in the database, so every PC slows down."""
    outcome = db.write(lambda s: _attempt(s, username, password))
    if outcome.error is not None:
        time.sleep(0.3)  # a script guessing passwords gets no faster than a person
        raise outcome.error
    assert outcome.actor is not None
    return outcome.actor
