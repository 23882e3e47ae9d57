"""The command line, run as a user would: a real process over a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# every command signs in, reads included; a test that does not say who reads as the
# supervisor, who may read what the shop's staff read (docs/permissions.md); "" signs in as nobody
READER = "supervisor"


def afterdesk(
    db_url: str,
    *args: str,
    user: str | None = None,
    password: str = "demo",
    lang: str = "en",
    **env: str,
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "AFTERDESK_DB": db_url, "LANG": lang, **env}
    user = READER if user is None else user
    if user:
        environ |= {"AFTERDESK_USER": user, "AFTERDESK_PASSWORD": password}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=environ,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def demo_url(db_url: str) -> str:
    assert afterdesk(db_url, "init").returncode == 0
    result = afterdesk(db_url, "demo", "--orders", "120")
    assert result.returncode == 0, result.stderr
    assert "120 orders" in result.stdout
    return db_url


def test_init_is_idempotent(db_url) -> None:
    first = afterdesk(db_url, "init")
    second = afterdesk(db_url, "init")
    assert first.returncode == second.returncode == 0
    assert "created or upgraded" in first.stdout
    assert "already up to date" in second.stdout


def test_list_find_show_json(demo_url) -> None:
    listed = afterdesk(demo_url, "orders", "list", "--stage", "shipped", "--limit", "5", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)  # nothing but JSON on stdout
    assert 0 < len(rows) <= 5 and {r["stage"] for r in rows} == {"shipped"}
    order = rows[0]
    assert set(order["recipient"]) >= {
        "name",
        "phone",
        "province",
        "city",
        "district",
        "street",
        "postcode",
    }
    assert order["courier"] and order["tracking_no"]
    assert {"sku", "title", "attributes", "quantity", "price"} <= set(order["items"][0])
    found = json.loads(afterdesk(demo_url, "orders", "find", order["tracking_no"], "--json").stdout)
    assert [f["order_no"] for f in found] == [order["order_no"]]
    shown = json.loads(afterdesk(demo_url, "orders", "show", order["order_no"], "--json").stdout)
    assert shown["order_no"] == order["order_no"] and shown["items"] == order["items"]


def test_note_add_is_signed_and_shown(demo_url) -> None:
    order_no = json.loads(afterdesk(demo_url, "orders", "list", "--limit", "1", "--json").stdout)[
        0
    ]["order_no"]
    added = afterdesk(
        demo_url, "note", "add", order_no, "客户要求发顺丰", "--flag", "--json", user="presales"
    )
    assert added.returncode == 0, added.stderr
    note = json.loads(added.stdout)
    assert note["author"] == "张三" and note["flagged"]
    assert note["display"].startswith("客户要求发顺丰---") and note["display"].endswith(" 张三")
    shown = json.loads(afterdesk(demo_url, "orders", "show", order_no, "--json").stdout)
    assert shown["notes"][-1]["display"] == note["display"]


def test_refusals_exit_non_zero_with_the_reason_on_stderr(demo_url) -> None:
    packed = json.loads(
        afterdesk(demo_url, "orders", "list", "--stage", "packed", "--limit", "1", "--json").stdout
    )[0]["order_no"]
    wrong = afterdesk(
        demo_url, "note", "add", packed, "hi", "--json", user="presales", password="guess"
    )
    assert wrong.returncode != 0 and wrong.stdout == ""
    assert "Wrong user name or password" in wrong.stderr
    role = afterdesk(demo_url, "orders", "stage", packed, "shipped", "--json", user="presales")
    assert role.returncode != 0 and role.stdout == ""
    assert "Warehouse" in role.stderr
    ok = afterdesk(demo_url, "orders", "stage", packed, "shipped", "--json", user="warehouse")
    assert ok.returncode == 0 and json.loads(ok.stdout)["stage"] == "shipped"


def test_user_add_and_audit_verify(demo_url) -> None:
    added = afterdesk(
        demo_url,
        "user",
        "add",
        "xiaoli",
        "--name",
        "小李",
        "--roles",
        "presales,aftersales",
        "--json",
        user="admin",
        AFTERDESK_NEW_PASSWORD="pw-xiaoli",
    )
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout) == [
        {"username": "xiaoli", "name": "小李", "roles": ["aftersales", "presales"], "active": True}
    ]
    verify = afterdesk(demo_url, "audit", "verify", "--json")
    assert verify.returncode == 0 and json.loads(verify.stdout)["ok"] is True


def test_first_user_on_a_new_database_becomes_admin(db_url) -> None:
    assert afterdesk(db_url, "init").returncode == 0
    result = afterdesk(
        db_url,
        "user",
        "add",
        "boss",
        "--name",
        "刘洋",
        "--json",
        AFTERDESK_NEW_PASSWORD="s3cret-b0ss",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["roles"] == ["admin"]


def test_bad_database_url_is_explained(tmp_path) -> None:
    result = afterdesk("mysql://x@y/z", "orders", "list")
    assert result.returncode == 2 and "Unsupported database" in result.stderr


def test_backup_of_a_sqlite_database(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite'}"
    assert afterdesk(url, "demo", "--orders", "30").returncode == 0
    copy = tmp_path / "backup" / "copy.sqlite"
    copy.parent.mkdir()  # a missing folder is refused (tests/test_outputs.py)
    result = afterdesk(url, "backup", str(copy), user="admin")
    assert result.returncode == 0, result.stderr
    listed = afterdesk(f"sqlite:///{copy}", "orders", "list", "--limit", "100", "--json")
    assert len(json.loads(listed.stdout)) == 30
    again = afterdesk(url, "backup", str(copy), user="admin")
    assert again.returncode == 2 and "exists already" in again.stderr
