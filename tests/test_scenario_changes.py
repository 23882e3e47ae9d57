"""Scenarios: each row of docs/domain.md's stage table, walked through the command line.

Like Tryton's scenario_*.rst: a person records a customer's request, confirms it,
the printer acknowledges; we check the order, the signed notes (the seed's exact
words), the request and the audit log. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import json

import pytest

from app.models.formats import SIGNATURE_SEPARATOR
from tests.test_cli import afterdesk


@pytest.fixture
def shop(db_url: str) -> str:
    result = afterdesk(db_url, "demo", "--orders", "80")
    assert result.returncode == 0, result.stderr
    return db_url


def first(url: str, stage: str) -> dict:
    listed = afterdesk(url, "orders", "list", "--stage", stage, "--limit", "1", "--json")
    return json.loads(listed.stdout)[0]


def show(url: str, order_no: str) -> dict:
    return json.loads(afterdesk(url, "orders", "show", order_no, "--json").stdout)


def run(url: str, *args: str, user: str) -> dict:
    result = afterdesk(url, *args, "--json", user=user)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def signed_texts(order: dict) -> list[tuple[str, str]]:
    """(text, signer) of each note; the display must be text---YYYY.MM.DD signer."""
    out = []
    for note in order["notes"]:
        text, _, stamp = note["display"].rpartition(SIGNATURE_SEPARATOR)
        date, _, signer = stamp.partition(" ")
        assert text == note["text"] and signer == note["author"]
        assert len(date) == 10 and date[4] == date[7] == "."
        out.append((note["text"], signer))
    return out


def audit_actions(url: str) -> None:
    verify = afterdesk(url, "audit", "verify", "--json")
    assert verify.returncode == 0 and json.loads(verify.stdout)["ok"]


def test_address_change_before_printing(shop) -> None:
    order = first(shop, "paid")
    req = run(
        shop,
        "change",
        "address",
        order["order_no"],
        "--province",
        "浙江省",
        "--city",
        "杭州市",
        "--district",
        "西湖区",
        "--street",
        "文三路100号",
        "--phone",
        "13800138000",
        user="presales",
    )
    assert req["state"] == "awaiting_confirmation" and req["path"] == "apply"
    # nothing changes until the customer confirmed
    assert show(shop, order["order_no"])["recipient"] == order["recipient"]
    req = run(shop, "change", "confirm", str(req["id"]), user="presales")
    assert req["state"] == "open"
    after = show(shop, order["order_no"])
    assert after["recipient"]["street"] == "文三路100号"
    assert after["recipient"]["phone"] == "13800138000"
    name = order["recipient"]["name"]
    postcode = order["recipient"]["postcode"]
    place = "浙江省杭州市西湖区文三路100号"
    expected = f"客户要求修改地址，新地址为：{place}，{name}，13800138000，{postcode}"
    assert signed_texts(after)[-1] == (expected, "张三")
    assert after["notes"][-1]["flagged"]
    # the old address stays in the request's history
    assert after["change_requests"][-1]["old"]["street"] == order["recipient"]["street"]
    queue = run(shop, "requests", "list", "--open", user="printer")
    assert [r["id"] for r in queue] == [req["id"]]
    done = run(shop, "requests", "done", str(req["id"]), user="printer")
    assert done["state"] == "done" and done["done_by"] == "王芳"
    assert run(shop, "requests", "list", "--open", user="printer") == []
    audit_actions(shop)


def test_attribute_change_after_printing_is_amended_by_the_printer(shop) -> None:
    order = first(shop, "printed")
    item = order["items"][0]
    size_key = next(k for k in item["attributes"] if k != "颜色")
    old_size = item["attributes"][size_key]
    req = run(
        shop,
        "change",
        "attribute",
        order["order_no"],
        "--item",
        item["sku"],
        "--to",
        f"{size_key}=XXL",
        "--confirmed",
        user="presales",
    )
    assert (req["path"], req["state"]) == ("amend_slips", "open")
    after = show(shop, order["order_no"])
    assert after["items"][0]["attributes"][size_key] == "XXL"
    assert signed_texts(after)[-1] == (
        f"客户拍下{size_key}{old_size}，要求修改成{size_key}XXL，已修改妥当",
        "张三",
    )
    run(shop, "requests", "done", str(req["id"]), user="printer")
    after = show(shop, order["order_no"])
    assert signed_texts(after)[-1] == (
        f"客户要求修改成{size_key}XXL，已在发货单与快递单上修改妥当",
        "王芳",
    )


def test_special_request_on_a_packed_order_retrieves_the_parcel(shop) -> None:
    order = first(shop, "packed")
    req = run(
        shop,
        "change",
        "request",
        order["order_no"],
        "--kind",
        "invoice",
        "--text",
        "杭州悦步科技有限公司",
        "--confirmed",
        "--urgent",
        user="presales",
    )
    assert (req["path"], req["urgent"]) == ("retrieve_parcel", True)
    after = show(shop, order["order_no"])
    assert after["special_requests"] == {"invoice": "杭州悦步科技有限公司"}
    assert signed_texts(after)[-1] == ("客户要求开发票，抬头为：杭州悦步科技有限公司", "张三")


def test_change_after_shipping_goes_to_after_sales(shop) -> None:
    order = first(shop, "shipped")
    req = run(
        shop,
        "change",
        "address",
        order["order_no"],
        "--street",
        "人民路1号",
        "--confirmed",
        user="presales",
    )
    assert (req["path"], req["state"]) == ("handover", "handed_over")
    after = show(shop, order["order_no"])
    assert after["recipient"] == order["recipient"]  # not changed here
    assert after["stage"] == "shipped"
    text, signer = signed_texts(after)[-1]
    assert text.startswith("已发货，转交售后处理：客户要求修改地址") and signer == "张三"
    assert run(shop, "requests", "list", "--open", user="printer") == []


@pytest.mark.parametrize(
    ("stage", "path", "void_note"),
    [
        ("paid", "void", "订单已作废"),
        ("printed", "retrieve_slips_void", "发货单与快递单已取回销毁，订单已作废"),
        ("packed", "retrieve_parcel_void", "包裹已取回，商品已退回库存，订单已作废"),
    ],
)
def test_cancel_before_shipping_is_voided_by_the_printer(shop, stage, path, void_note) -> None:
    order = first(shop, stage)
    req = run(
        shop,
        "change",
        "cancel",
        order["order_no"],
        "--reason",
        "拍错了",
        "--confirmed",
        user="presales",
    )
    assert (req["path"], req["state"]) == (path, "open")
    assert show(shop, order["order_no"])["stage"] == stage  # voided by the printer, not by us
    refused = afterdesk(shop, "requests", "done", str(req["id"]), "--json", user="presales")
    assert refused.returncode != 0 and "Order printer" in refused.stderr
    run(shop, "requests", "done", str(req["id"]), user="printer")
    after = show(shop, order["order_no"])
    assert after["stage"] == "cancelled"
    assert signed_texts(after)[-2:] == [
        ("客户要求取消订单，原因：拍错了", "张三"),
        (void_note, "王芳"),
    ]
    again = afterdesk(shop, "change", "cancel", order["order_no"], user="presales")
    assert again.returncode == 2 and "already cancelled" in again.stderr
    audit_actions(shop)


def test_cancel_after_shipping_is_handed_over_not_cancelled(shop) -> None:
    order = first(shop, "shipped")
    req = run(shop, "change", "cancel", order["order_no"], "--confirmed", user="presales")
    assert req["state"] == "handed_over"
    assert show(shop, order["order_no"])["stage"] == "shipped"


def test_the_overdue_time_is_a_shared_setting(shop) -> None:
    shown = afterdesk(shop, "requests", "overdue")
    assert shown.returncode == 0 and "after 30 minutes" in shown.stdout
    refused = afterdesk(shop, "requests", "overdue", "10", user="presales")
    assert refused.returncode == 2 and "Supervisor" in refused.stderr
    changed = afterdesk(shop, "requests", "overdue", "10", user="supervisor")
    assert changed.returncode == 0 and "after 10 minutes" in changed.stdout
