"""``afterdesk waybills …`` as an administrator and the printer run it (both databases)."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import afterdesk

SHOP = "悦步鞋履旗舰店"


@pytest.fixture
def demo_url(db_url: str) -> str:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "0").returncode == 0
    return db_url


def test_load_left_and_the_same_pool_twice(demo_url, tmp_path) -> None:
    listing = tmp_path / "中通号段.txt"
    listing.write_text("\n".join(f"7730000{n:05d}" for n in range(1, 151)) + "\n")
    done = afterdesk(demo_url, "waybills", "load", "中通快递", str(listing), "--shop", SHOP,
                     user="admin")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Loaded 150 中通快递 numbers" in done.stdout
    again = afterdesk(demo_url, "waybills", "load", "ZTO", str(listing), "--shop", SHOP,
                      user="admin", lang="zh_CN")  # fmt: skip
    assert again.returncode == 2 and "没有装入任何单号" in again.stderr, again.stderr
    ranged = afterdesk(demo_url, "waybills", "load", "ZTO", "--range", "773000100000-773000100009",
                       "--shop", SHOP, user="printer")  # fmt: skip
    assert ranged.returncode == 2 and "Administrator" in ranged.stderr
    left = afterdesk(demo_url, "waybills", "left", "--json", user="printer")
    assert left.returncode == 0, left.stderr
    [pool] = json.loads(left.stdout)
    assert (pool["courier_code"], pool["shop"], pool["left"], pool["low"]) == (
        "ZTO",
        SHOP,
        150,
        False,
    )
    assert afterdesk(demo_url, "waybills", "threshold", SHOP, "200", user="admin").returncode == 0
    warned = afterdesk(demo_url, "waybills", "left", user="printer")
    assert "below 200" in warned.stderr and "150 left" in warned.stdout


def test_an_administrator_adds_a_courier(demo_url) -> None:
    added = afterdesk(demo_url, "waybills", "courier", "DBL", "--name", "德邦快递",
                      "--pattern", r"DPK\d{12}", "--example", "DPK123456789012",
                      "--alias", "德邦", user="admin")  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = json.loads(afterdesk(demo_url, "waybills", "couriers", "--json").stdout)
    assert {"code": "DBL", "name": "德邦快递", "aliases": ["德邦"], "pattern": r"DPK\d{12}",
            "example": "DPK123456789012", "ranges": False} in listed  # fmt: skip
