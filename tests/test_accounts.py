"""Staff accounts, roles and signing in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Role
from app.models.errors import AuthenticationFailed, InvalidInput, PermissionDenied
from app.services.core import accounts, audit
from app.services.orders import lookup as orders
from app.services.orders import notes


def test_first_admin_then_staff(db) -> None:
    assert not db.read(accounts.has_users)
    admin = db.write(lambda s: accounts.create_first_admin(s, "boss", "刘洋", "s3cret-b0ss"))
    assert admin.roles == {Role.ADMIN}
    with pytest.raises(PermissionDenied):
        db.write(lambda s: accounts.create_first_admin(s, "other", "王五", "s3cret-b0ss"))
    db.write(lambda s: accounts.add_user(s, admin, "amy", "Amy Chen", "pw-2026-xyz", ["presales"]))
    signed = accounts.sign_in(db, "AMY", "pw-2026-xyz")
    assert signed.display_name == "Amy Chen" and signed.roles == {Role.PRESALES}


def test_only_admins_add_staff_or_change_roles(db, staff) -> None:
    with pytest.raises(PermissionDenied, match="Administrator"):
        db.write(
            lambda s: accounts.add_user(
                s, staff[Role.PRESALES], "eve", "Eve", "pw-2026-xyz", ["admin"]
            )
        )
    with pytest.raises(PermissionDenied):
        db.write(lambda s: accounts.set_roles(s, staff[Role.PRESALES], "presales", ["admin"]))


def test_role_change_is_logged_and_takes_effect_at_once(db, staff) -> None:
    admin, clerk = staff[Role.ADMIN], staff[Role.PRESALES]
    db.write(lambda s: accounts.set_roles(s, admin, "presales", ["warehouse"]))
    entries = db.read(lambda s: audit.history(s, "user", "presales"))
    assert entries[-1].before == {"roles": ["presales"]}
    assert entries[-1].after == {"roles": ["warehouse"]}
    assert entries[-1].actor_name == "刘洋"
    # the stale Actor still says presales; the service checks the database
    with pytest.raises(PermissionDenied):
        db.write(lambda s: accounts.add_user(s, clerk, "x1", "X", "pw-2026-xyz", ["admin"]))


def test_bad_account_input(db, staff) -> None:
    admin = staff[Role.ADMIN]
    for username, name, password, roles, fragment in [
        ("A B", "Name", "pw-2026-xyz", ["presales"], "not a valid user name"),
        ("presales", "Dup", "pw-2026-xyz", ["presales"], "taken"),
        ("newbie", "", "pw-2026-xyz", ["presales"], "cannot be empty"),
        ("", "N", "pw-2026-xyz", ["presales"], "Type a user name"),
        ("newbie", "N", "pw", ["presales"], "at least 8"),
        ("newbie", "N", "pw-1234", ["presales"], "at least 8"),
        ("newbie", "N", "Password1", ["presales"], "first any guesser tries"),
        ("newbie", "N", "woaini1314", ["presales"], "first any guesser tries"),
        ("newbie", "N", "Newbie", ["presales"], "at least 8"),
        ("newbie12", "N", "NEWBIE12", ["presales"], "first any guesser tries"),
        ("newbie", "N", "pw-2026-xyz", ["cashier"], "Unknown role"),
        ("newbie", "N", "pw-2026-xyz", [], "at least one role"),
    ]:
        with pytest.raises(InvalidInput, match=fragment):
            db.write(
                lambda s, u=username, n=name, p=password, r=roles: accounts.add_user(
                    s, admin, u, n, p, r
                )
            )
    assert [u.username for u in db.read(accounts.list_users)] == sorted(r.value for r in Role)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays sign-in would have waited (the suite does not wait them)."""
    waited: list[float] = []
    monkeypatch.setattr(accounts, "_pause", waited.append)
    return waited


def test_a_real_and_an_unknown_name_are_answered_alike(db, staff, waits) -> None:
    answers = {}
    for name in ("printer", "nobody"):
        for _ in range(6):
            with pytest.raises(AuthenticationFailed) as refused:
                accounts.sign_in(db, name, "nope", source="pc-7")
        answers[name] = (refused.value.message(), list(waits))
        waits.clear()
    assert answers["printer"] == answers["nobody"]
    assert answers["printer"][0] == "Wrong user name or password."


def test_guessing_slows_down_but_never_locks_the_owner_out(db, staff, waits) -> None:
    for _ in range(10):
        with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
            accounts.sign_in(db, "printer", "nope", source="pc-7")
    # free tries, then each answer later than the one before, up to a few seconds
    assert waits == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0, 4.0]
    # the owner's right password still works (after the same wait), and clears the count
    assert accounts.sign_in(db, "printer", "demo", source="pc-7").username == "printer"
    waits.clear()
    assert accounts.sign_in(db, "printer", "demo", source="pc-7").username == "printer"
    assert waits == []
    # another PC and another account are not slowed by pc-7's guesses
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in(db, "warehouse", "nope", source="pc-7")
    waits.clear()
    assert accounts.sign_in(db, "warehouse", "demo", source="pc-8").username == "warehouse"
    assert waits == []


def test_an_empty_user_name_is_asked_for(db, staff) -> None:
    with pytest.raises(AuthenticationFailed, match="Type your user name"):
        accounts.sign_in(db, "  ", "demo")


def test_disabled_account_cannot_sign_in_or_act(shop_db, shop_staff) -> None:
    admin, clerk = shop_staff[Role.ADMIN], shop_staff[Role.PRESALES]
    shop_db.write(lambda s: accounts.set_active(s, admin, "presales", False))
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(shop_db, "presales", "demo")
    order_no = shop_db.read(lambda s: orders.list_page(s, limit=1))[0].order_no
    with pytest.raises(AuthenticationFailed, match="disabled"):
        shop_db.write(lambda s: notes.add(s, clerk, order_no, "hello"))


def test_password_change(db, staff) -> None:
    printer = staff[Role.PRINTER]
    with pytest.raises(AuthenticationFailed, match="current password is not right"):
        db.write(lambda s: accounts.change_own_password(s, printer, "guess", "n3w-pass-2026"))
    with pytest.raises(InvalidInput, match="at least 8"):
        db.write(lambda s: accounts.change_own_password(s, printer, "demo", "n3w"))
    with pytest.raises(InvalidInput, match="first any guesser tries"):
        db.write(lambda s: accounts.change_own_password(s, printer, "demo", "12345678"))
    db.write(lambda s: accounts.change_own_password(s, printer, "demo", "n3w-pass-2026"))
    assert accounts.sign_in(db, "printer", "n3w-pass-2026").username == "printer"
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(db, "printer", "demo")
    # an administrator sets a forgotten password without the old one; nobody else can
    with pytest.raises(PermissionDenied):
        db.write(lambda s: accounts.set_password(s, printer, "admin", "hijack-2026"))
    db.write(lambda s: accounts.set_password(s, staff[Role.ADMIN], "printer", "fresh-start-1"))
    assert accounts.sign_in(db, "printer", "fresh-start-1").username == "printer"


def test_a_password_hashed_at_another_cost_signs_in_and_is_hashed_again(db) -> None:
    """The hashing cost changed (docs in accounts._hasher): an account made before signs in,
    and its stored hash moves to the current cost then."""
    from argon2 import PasswordHasher
    from sqlalchemy import update

    from app.models import User

    db.write(lambda s: accounts.create_first_admin(s, "boss", "刘洋", "s3cret-b0ss"))
    older = PasswordHasher(time_cost=3, memory_cost=2048, parallelism=2).hash("s3cret-b0ss")
    db.write(lambda s: s.execute(update(User).values(password_hash=older)))
    assert accounts.sign_in(db, "boss", "s3cret-b0ss").display_name == "刘洋"
    stored = db.read(lambda s: s.scalars(select(User.password_hash)).one())
    assert stored != older and not accounts._hasher.check_needs_rehash(stored)
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(db, "boss", "wrong-password")
