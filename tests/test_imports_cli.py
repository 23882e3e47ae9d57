"""``afterdesk import orders|catalogue|history`` and ``afterdesk shop add|rename`` as real
processes over the fixture exports, with --json, and their refusals (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from app.db import Database
from app.models import CatalogueItem, Order, Shop
from app.services.core import audit
from tests.test_cli import afterdesk

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
TAOBAO = [
    str(FIXTURES / "taobao" / "ExportOrderList2019.csv"),
    str(FIXTURES / "taobao" / "ExportOrderDetailList2019.csv"),
]
SHOPIFY = str(FIXTURES / "shopify" / "orders_export.csv")


def _ok(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _count(db_url: str, table) -> int:
    db = Database(db_url)
    try:
        return db.read(lambda s: s.execute(select(func.count()).select_from(table)).scalar_one())
    finally:
        db.dispose()


def test_import_orders_through_the_cli(db_url: str) -> None:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "0").returncode == 0
    dry = _ok(afterdesk(db_url, "import", "orders", *TAOBAO, "--shop", "悦步", "--dry-run",
                        "--json", user="printer"))  # fmt: skip
    assert dry["dry_run"] and dry["format"] == "taobao" and dry["shop_created"]
    assert dry["new"] > 0 and dry["preview"][0]["province"]
    assert _count(db_url, Order) == 0  # a dry run writes nothing

    first = _ok(afterdesk(db_url, "import", "orders", *TAOBAO, "--shop", "悦步", "--json",
                          user="printer"))  # fmt: skip
    assert first["finished"] and first["new"] == dry["new"] and first["refused"] == dry["refused"]
    stored = _count(db_url, Order)
    assert stored == first["new"]
    again = afterdesk(db_url, "import", "orders", *TAOBAO, "--shop", "悦步", user="printer")
    assert again.returncode == 0 and "imported already" in again.stdout
    assert _count(db_url, Order) == stored

    text = afterdesk(db_url, "import", "orders", SHOPIFY, "--shop", "Maple", user="admin")
    assert text.returncode == 0, text.stderr
    assert "Format: Shopify orders export" in text.stdout and "Maple (new shop)" in text.stdout
    assert "New " in text.stdout

    history = _ok(afterdesk(db_url, "import", "history", "--json", user="warehouse"))
    assert [h["shop"] for h in history] == ["Maple", "悦步"]
    assert history[1]["new"] == first["new"] and history[1]["finished"]
    db = Database(db_url)
    try:
        assert db.read(audit.verify).ok
    finally:
        db.dispose()


def test_import_refusals_say_why_and_change_nothing(db_url: str, tmp_path: Path) -> None:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "0").returncode == 0
    shops = _count(db_url, Shop)
    refused = afterdesk(db_url, "import", "orders", SHOPIFY, "--shop", "X", user="presales")
    assert refused.returncode == 2 and "role" in refused.stderr
    products = str(FIXTURES / "shopify" / "products_export.csv")
    wrong = afterdesk(db_url, "import", "orders", products, "--shop", "X", user="printer")
    assert wrong.returncode == 2 and "products export" in wrong.stderr
    other = tmp_path / "invoices.csv"
    other.write_text("Invoice,Amount\n1,2\n", encoding="utf-8")
    unknown = afterdesk(db_url, "import", "orders", str(other), "--shop", "X", user="printer")
    assert unknown.returncode == 2 and "not an order export" in unknown.stderr
    mismatch = afterdesk(db_url, "import", "orders", *TAOBAO, "--shop", "Maple & Pine Outfitters",
                         user="printer")  # fmt: skip
    assert mismatch.returncode == 2 and "this file is a Taobao export" in mismatch.stderr
    nothing = afterdesk(db_url, "import", "settle", "999", "--keep", "ours", user="printer")
    assert nothing.returncode == 2 and "There is no conflict 999" in nothing.stderr
    assert _count(db_url, Shop) == shops and _count(db_url, Order) == 0


def test_catalogue_and_shops_through_the_cli(db_url: str) -> None:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "0").returncode == 0
    added = _ok(afterdesk(db_url, "shop", "add", "Maple", "--platform", "shopify", "--json",
                          user="admin"))  # fmt: skip
    assert added["platform"] == "shopify"
    taken = afterdesk(db_url, "shop", "add", "Maple", "--platform", "shopify", user="admin")
    assert taken.returncode == 2 and "already a shop" in taken.stderr
    not_admin = afterdesk(db_url, "shop", "add", "Oak", "--platform", "jd", user="printer")
    assert not_admin.returncode == 2
    renamed = _ok(afterdesk(db_url, "shop", "rename", "Maple", "Maple CH", "--json", user="admin"))
    assert renamed["name"] == "Maple CH"
    products = str(FIXTURES / "shopify" / "products_export.csv")
    catalogue = _ok(afterdesk(db_url, "import", "catalogue", products, "--shop", "Maple CH",
                              "--json", user="supervisor"))  # fmt: skip
    assert catalogue["new"] >= 3 and catalogue["refused"] == 0
    assert _count(db_url, CatalogueItem) == catalogue["new"]
    again = _ok(afterdesk(db_url, "import", "catalogue", products, "--shop", "Maple CH", "--json",
                          user="supervisor"))  # fmt: skip
    assert again["already_imported"] and _count(db_url, CatalogueItem) == catalogue["new"]


def test_any_other_file_with_map_then_the_saved_mapping(db_url: str) -> None:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "0").returncode == 0
    wechat = str(FIXTURES / "mapped" / "wechat_orders.xlsx")
    unknown = afterdesk(db_url, "import", "orders", wechat, "--shop", "微信小店", user="printer")
    assert unknown.returncode == 2 and "Choose the columns by hand" in unknown.stderr
    columns = ["order_no=单号", "ordered_at=下单日期", "recipient_name=姓名", "address=地址",
               "title=商品", "sku=编码", "quantity=数量", "price=单价"]  # fmt: skip
    maps = [arg for column in columns for arg in ("--map", column)]
    wrong = afterdesk(db_url, "import", "orders", wechat, "--shop", "微信小店", "--map", "单号",
                      user="printer")  # fmt: skip
    assert wrong.returncode == 2 and "--map takes FIELD=COLUMN" in wrong.stderr
    first = _ok(afterdesk(db_url, "import", "orders", wechat, "--shop", "微信小店", *maps,
                          "--json", user="printer"))  # fmt: skip
    assert (first["format"], first["new"], first["refused"]) == ("mapped", 2, 0)
    # the next file of that shop: no --map, the saved mapping reads it
    again = _ok(afterdesk(db_url, "import", "orders", wechat, "--shop", "微信小店", "--format",
                          "mapped", "--dry-run", "--json", user="printer"))  # fmt: skip
    assert again["format"] == "mapped" and again["already_imported"]


def test_a_chinese_cli_says_everything_in_chinese(db_url: str, tmp_path: Path) -> None:
    """The dry run's format and outcomes, and a file that is not there, in the user's
    language: no "taobao", "new" or "No such file or directory" in a Chinese sentence."""
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "0").returncode == 0
    dry = afterdesk(db_url, "import", "orders", *TAOBAO, "--shop", "悦步", "--dry-run",
                    user="printer", lang="zh_CN.UTF-8")  # fmt: skip
    assert dry.returncode == 0, dry.stderr
    assert "格式：淘宝/天猫订单报表" in dry.stdout and "[新增, " in dry.stdout, dry.stdout
    gone = afterdesk(db_url, "import", "orders", str(tmp_path / "没有.csv"), "--shop", "悦步",
                     user="printer", lang="zh_CN.UTF-8")  # fmt: skip
    assert gone.returncode != 0
    assert "没有这个文件或文件夹" in gone.stderr and "No such file" not in gone.stderr, gone.stderr
