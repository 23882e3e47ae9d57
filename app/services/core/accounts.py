"""Staff accounts: the first administrator, adding staff, roles, signing in."""

from __future__ import annotations

import contextlib
import functools
import platform
import re
import time
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import Role, SignInFailure, User, UserRole
from app.models.errors import AuthenticationFailed, InvalidInput, PermissionDenied
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit, passwords
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text

USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")
FREE_ATTEMPTS = 3  # failures (per name and PC) answered at once
MAX_DELAY = 4.0  # seconds: a guesser is slowed down, the owner never locked out
FORGET_AFTER = timedelta(minutes=15)  # failures this old no longer count
# argon2id, salted, deliberately slow: OWASP's Password Storage Cheat Sheet configuration
# (19 MiB, 2 passes, 1 lane), not argon2-cffi's heavier default (64 MiB, 3 passes, 4 lanes),
# because every CLI command signs in: ~65 ms a sign-in here instead of ~300 ms. Stored hashes
# name their own cost, so older ones still verify and are re-hashed at the next sign-in.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
_pause = time.sleep  # tests listen here instead of waiting


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


def actor_named(session: Session, username: str) -> Actor | None:
    """The active account of that name as it will act once signed in, or None. For reading
    ahead while its password is checked: nothing read this way is shown unless the check signs
    in this same account (views/supervision/first_tasks.py)."""
    name = (username or "").strip().lower()
    user = session.execute(select(User).where(User.username == name)).scalar_one_or_none()
    return _actor(user) if user is not None and user.active else None


def signature_key(display_name: str) -> str:
    """What makes two signatures the same to a reader: width, case and spaces do not count."""
    return "".join(unicodedata.normalize("NFKC", display_name).casefold().split())


def check_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Type a user name."))
    if not USERNAME.match(name):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "“{username}” is not a valid user name: 2–32 letters, digits, '.', '_' or '-'.",
            ),
            username=username,
        )
    return name


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
    session: Session,
    username: str,
    display_name: str,
    password: str,
    roles: frozenset[Role],
    *,
    demo: bool = False,
) -> User:
    name = check_username(username)
    if session.execute(select(User.id).where(User.username == name)).first():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The user name {username} is taken."), username=name
        )
    signed = clean_text(display_name, field=Label(QT_TRANSLATE_NOOP("Field", "Name")), max_len=32)
    key = signature_key(signed)
    holder = session.execute(select(User.username).where(User.signature_key == key)).scalar()
    if holder is not None:  # notes are signed with the name: two alike cannot be told apart
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{username} already signs as “{name}”: give a name that tells them apart.",
            ),
            username=holder,
            name=signed,
        )
    user = User(
        username=name,
        display_name=signed,
        signature_key=key,
        # the demo shop's accounts share the published password "demo" (made by code, README)
        password_hash=_hasher.hash(password if demo else passwords.check(password, name)),
        created_at=db_now(session),
        active=True,
        roles=[UserRole(role=r.value) for r in sorted(roles)],
    )
    session.add(user)
    session.flush()
    return user


def create_first_admin(
    session: Session,
    username: str,
    display_name: str,
    password: str,
    also: frozenset[Role] = frozenset(),
) -> Actor:
    """The very first account of a new database: an administrator, signed in at once, with
    the roles ``also`` they work in themselves (a one-person shop is its own packer too)."""
    return _first_admin(session, username, display_name, password, also=also)


def _first_admin(
    session: Session,
    username: str,
    display_name: str,
    password: str,
    *,
    also: frozenset[Role] = frozenset(),
    demo: bool = False,
) -> Actor:
    if has_users(session):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("UserError", "This database already has an administrator.")
        )
    roles = _parse_roles([Role.ADMIN, *also])  # the same roles any account may hold
    user = _create(session, username, display_name, password, roles, demo=demo)
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
    return _add(session, actor, username, display_name, password, _parse_roles(roles))


def _add(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    password: str,
    roles: frozenset[Role],
    *,
    demo: bool = False,
) -> UserView:
    require(session, actor, Action.USER_ADMIN)
    user = _create(session, username, display_name, password, roles, demo=demo)
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


def create_demo_staff(session: Session, names: dict[Role, str], password: str) -> dict[Role, int]:
    """The demo shop's accounts, one per role, named after it, all with the published demo
    password (README): made by code for trying AfterDesk, not by the password rule."""
    admin = _first_admin(session, Role.ADMIN.value, names[Role.ADMIN], password, demo=True)
    ids = {Role.ADMIN: admin.user_id}
    for role, display in names.items():
        if role is not Role.ADMIN:
            view = _add(session, admin, role.value, display, password, frozenset({role}), demo=True)
            ids[role] = view.id
    return ids


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
    """An administrator sets anyone's password (a forgotten one: no old password needed)."""
    require(session, actor, Action.USER_ADMIN)
    _new_password(session, actor, _get(session, username), password)


def change_own_password(session: Session, actor: Actor, current: str, new: str) -> None:
    """Anyone changes their own password, giving the current one: an unlocked PC left
    signed in must not let a passer-by take the account."""
    user = _get(session, actor.username)
    if user.id != actor.user_id or not _matches(user.password_hash, current):
        raise AuthenticationFailed(
            QT_TRANSLATE_NOOP("UserError", "Your current password is not right; nothing changed.")
        )
    if new == current:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The new password is the same as the current one.")
        )
    _new_password(session, actor, user, new)


def _new_password(session: Session, actor: Actor, user: User, password: str) -> None:
    user.password_hash = _hasher.hash(passwords.check(password, user.username))
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="user.password",
        entity="user",
        entity_key=user.username,
    )


def _matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def list_users(session: Session) -> list[UserView]:
    users = session.execute(select(User).order_by(User.username)).scalars()
    return [_view(u) for u in users]


@dataclass(frozen=True)
class _Outcome:
    actor: Actor | None
    error: AuthenticationFailed | None


def _failure_key(username: str, source: str) -> str:
    return f"{username[:64]}@{source[:120]}"


def delay_before(session: Session, key: str) -> float:
    """Seconds to wait before checking a password for this name and PC: none for the first
    few failures, then doubling up to MAX_DELAY. The same for real and unknown names."""
    row = session.get(SignInFailure, key)
    if row is None or row.last_failed_at < db_now(session) - FORGET_AFTER:
        return 0.0
    if row.failures < FREE_ATTEMPTS:
        return 0.0
    return min(0.5 * 2 ** (row.failures - FREE_ATTEMPTS), MAX_DELAY)


def _failed(session: Session, key: str) -> None:
    now = db_now(session)
    # names that do not exist get a row too (answering alike); old rows go, so it stays small
    session.execute(delete(SignInFailure).where(SignInFailure.last_failed_at < now - FORGET_AFTER))
    row = session.get(SignInFailure, key)
    if row is None:
        session.add(SignInFailure(key=key, failures=1, last_failed_at=now))
    else:
        row.failures, row.last_failed_at = row.failures + 1, now


def _attempt(session: Session, username: str, password: str, key: str) -> _Outcome:
    wrong = AuthenticationFailed(QT_TRANSLATE_NOOP("UserError", "Wrong user name or password."))
    user = session.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if user is None or not user.active:
        with contextlib.suppress(VerificationError):  # same cost: no hint which names exist
            _hasher.verify(_dummy_hash(), password or "")
        _failed(session, key)
        return _Outcome(None, wrong)
    if not _matches(user.password_hash, password):
        _failed(session, key)
        return _Outcome(None, wrong)
    session.execute(delete(SignInFailure).where(SignInFailure.key == key))
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return _Outcome(_actor(user), None)


def sign_in(db: Database, username: str, password: str, *, source: str | None = None) -> Actor:
    """Check a password. Failures are counted in the database per name and PC (``source``),
    so a guesser is slowed down on every PC while the owner's right password still works."""
    name = (username or "").strip().lower()
    if not name:
        raise AuthenticationFailed(QT_TRANSLATE_NOOP("UserError", "Type your user name."))
    key = _failure_key(name, source if source is not None else platform.node())
    wait = db.read(lambda s: delay_before(s, key))
    if wait:
        _pause(wait)
    outcome = db.write(lambda s: _attempt(s, name, password, key))
    if outcome.error is not None:
        raise outcome.error
    assert outcome.actor is not None
    return outcome.actor
