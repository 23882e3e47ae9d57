"""``afterdesk waybills …`` as an administrator and the printer run it (both databases)."""

from __future__ import annotations

import json

import pytest

from tests.printing_helpers import barcodes, chinese_documents
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
    # as README and the issue write it: the FILE after --shop (and, below, before it)
    done = afterdesk(demo_url, "waybills", "load", "中通快递", "--shop", SHOP, str(listing),
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
    low = afterdesk(demo_url, "waybills", "threshold", SHOP, "200", user="admin")
    assert low.returncode == 0, low.stderr
    assert low.stdout == f"中通快递 at {SHOP}: warn below 200 numbers (150 left).\n"
    assert "below 200: ask the branch for more numbers" in low.stderr
    maple = afterdesk(demo_url, "waybills", "threshold", "Maple & Pine Outfitters", "50",
                      user="admin", lang="zh_CN")  # fmt: skip
    assert maple.stdout == "Maple & Pine Outfitters：单号池少于 50 个单号时提醒。\n", maple.stderr
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


def test_a_pool_then_a_batch_prints_its_numbers_on_labels(db_url, tmp_path) -> None:
    """Through the command line: load a pool, print the batch, read the labels' barcodes."""
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "40").returncode == 0
    chinese_documents(db_url)
    for shop in (SHOP, "Maple & Pine Outfitters"):
        start = 773000000001 if shop == SHOP else 773000100001
        loaded = afterdesk(db_url, "waybills", "load", "ZTO", "--shop", shop,
                           "--range", f"{start}-{start + 99}", user="admin")  # fmt: skip
        assert loaded.returncode == 0, loaded.stderr
    # the pools are 中通's: orders without a courier print with it (the shops' default)
    for shop in (SHOP, "Maple & Pine Outfitters"):
        given = afterdesk(db_url, "print", "sender", shop, "--courier", "中通", user="admin")
        said = f"Orders of {shop} without a courier go with 中通快递.\n"
        assert given.stdout == said, given.stderr
    out, labels = tmp_path / "batch.pdf", tmp_path / "labels.pdf"
    done = afterdesk(db_url, "print", "batch", "--no-cutoff", "--out", str(out),
                     "--labels-out", str(labels), "--json", user="printer")  # fmt: skip
    assert done.returncode == 0, done.stderr  # nothing lacks a number: nothing to ask
    result = json.loads(done.stdout)
    assert result["printed"] and result["packing_labels"] == []
    first = result["printed"][0]
    shown = json.loads(afterdesk(db_url, "orders", "show", first, "--json").stdout)
    assert shown["courier"] == "中通快递" and shown["tracking_no"].startswith("7730")
    assert barcodes(labels, tmp_path, 1) == sorted([first, shown["tracking_no"]])
    left = json.loads(afterdesk(db_url, "waybills", "left", "--json", user="printer").stdout)
    assert sum(p["taken"] for p in left) == len(result["printed"])
