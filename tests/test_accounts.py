"""Staff accounts, roles and signing in."""

from __future__ import annotations

import pytest

from app.models import Role
from app.models.errors import AuthenticationFailed, InvalidInput, PermissionDenied
from app.services.core import accounts, audit
from app.services.orders import lookup as orders
from app.services.orders import notes


def test_first_admin_then_staff(db) -> None:
    assert not db.read(accounts.has_users)
    admin = db.write(lambda s: accounts.create_first_admin(s, "boss", "刘洋", "s3cret!"))
    assert admin.roles == {Role.ADMIN}
    with pytest.raises(PermissionDenied):
        db.write(lambda s: accounts.create_first_admin(s, "other", "王五", "s3cret!"))
    db.write(lambda s: accounts.add_user(s, admin, "amy", "Amy Chen", "pw1234", ["presales"]))
    signed = accounts.sign_in(db, "AMY", "pw1234")
    assert signed.display_name == "Amy Chen" and signed.roles == {Role.PRESALES}


def test_only_admins_add_staff_or_change_roles(db, staff) -> None:
    with pytest.raises(PermissionDenied, match="Administrator"):
        db.write(
            lambda s: accounts.add_user(s, staff[Role.PRESALES], "eve", "Eve", "pw1234", ["admin"])
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
        db.write(lambda s: accounts.add_user(s, clerk, "x1", "X", "pw1234", ["admin"]))


def test_bad_account_input(db, staff) -> None:
    admin = staff[Role.ADMIN]
    for username, name, password, roles, fragment in [
        ("A B", "Name", "pw1234", ["presales"], "not a valid user name"),
        ("presales", "Dup", "pw1234", ["presales"], "taken"),
        ("newbie", "", "pw1234", ["presales"], "cannot be empty"),
        ("newbie", "N", "pw", ["presales"], "at least 4"),
        ("newbie", "N", "pw1234", ["cashier"], "Unknown role"),
        ("newbie", "N", "pw1234", [], "at least one role"),
    ]:
        with pytest.raises(InvalidInput, match=fragment):
            db.write(
                lambda s, u=username, n=name, p=password, r=roles: accounts.add_user(
                    s, admin, u, n, p, r
                )
            )
    assert [u.username for u in db.read(accounts.list_users)] == sorted(r.value for r in Role)


def test_wrong_password_and_slowdown(db, staff) -> None:
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        accounts.sign_in(db, "printer", "nope")
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        accounts.sign_in(db, "nobody", "demo")
    for _ in range(2):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in(db, "printer", "nope")
    # three failures: even the right password must now wait
    with pytest.raises(AuthenticationFailed, match="Try again in"):
        accounts.sign_in(db, "printer", "demo")
    # another account is not affected
    assert accounts.sign_in(db, "warehouse", "demo").username == "warehouse"


def test_disabled_account_cannot_sign_in_or_act(shop_db, shop_staff) -> None:
    admin, clerk = shop_staff[Role.ADMIN], shop_staff[Role.PRESALES]
    shop_db.write(lambda s: accounts.set_active(s, admin, "presales", False))
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(shop_db, "presales", "demo")
    order_no = shop_db.read(lambda s: orders.list_page(s, limit=1))[0].order_no
    with pytest.raises(AuthenticationFailed, match="disabled"):
        shop_db.write(lambda s: notes.add(s, clerk, order_no, "hello"))


def test_password_change(db, staff) -> None:
    db.write(lambda s: accounts.set_password(s, staff[Role.PRINTER], "printer", "n3w-pass"))
    assert accounts.sign_in(db, "printer", "n3w-pass").username == "printer"
    with pytest.raises(PermissionDenied):
        db.write(lambda s: accounts.set_password(s, staff[Role.PRINTER], "admin", "hijack"))
