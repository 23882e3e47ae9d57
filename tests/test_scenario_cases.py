"""Scenarios: after-sales cases walked through the command line (docs/domain.md rules 5 and 6).

Like Tryton's scenario_*.rst: after-sales opens a case, evidence and the return parcel
are recorded, the warehouse (or, on a recall, the order printer) signs, after-sales
refunds or ships the exchange. Each refused move says why and changes nothing.
On SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.models.formats import SIGNATURE_SEPARATOR
from tests.case_helpers import jpeg, png
from tests.test_cli import afterdesk


@pytest.fixture
def shop(db_url: str) -> str:
    result = afterdesk(db_url, "demo", "--orders", "60")
    assert result.returncode == 0, result.stderr
    return db_url


def shipped(url: str, n: int = 1) -> list[dict]:
    listed = afterdesk(url, "orders", "list", "--stage", "shipped", "--limit", str(n), "--json")
    return json.loads(listed.stdout)


def run(url: str, *args: str, user: str | None = None) -> dict:
    result = afterdesk(url, *args, "--json", user=user)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(url: str, *args: str, user: str, says: str) -> None:
    result = afterdesk(url, *args, "--json", user=user)
    assert result.returncode == 2 and result.stdout == "", result.stdout
    assert says in result.stderr, result.stderr


def show(url: str, case_no: str) -> dict:
    return run(url, "case", "show", case_no)


def photos(tmp_path: Path) -> tuple[str, str]:
    first, second = tmp_path / "toe.jpg", tmp_path / "side.png"
    first.write_bytes(jpeg(1600, 1200, gps=True))
    second.write_bytes(png())
    return str(first), str(second)


def test_quality_return_photos_signoff_refund_with_freight(shop, tmp_path) -> None:
    order = shipped(shop)[0]
    case = run(
        shop,
        "case", "open", order["order_no"], "--type", "return", "--reason", "鞋底开胶",
        "--quality", "--defect-location", "左脚鞋头缝线", "--freight-advance", "12",
        "--card", "yes",
        user="aftersales",
    )  # fmt: skip
    no = case["case_no"]
    assert no.startswith("SH") and case["state"] == "open"
    assert (case["freight_payer"], case["return_freight"]) == ("shop", "12.00")
    # nothing is promised before the evidence is there
    refused(shop, "case", "return", no, "--tracking", "SF1000200030", user="aftersales",
            says="quality claim")  # fmt: skip
    toe, side = photos(tmp_path)
    with_photos = run(shop, "case", "photo", no, toe, side, user="aftersales")
    assert [p["mime"] for p in with_photos["photos"]] == ["image/jpeg", "image/png"]
    assert with_photos["photos"][0]["added_by"] == "李娜"
    refused(shop, "case", "photo", no, toe, user="aftersales", says="already on case")
    back = run(shop, "case", "return", no, "--tracking", "SF1000200030", "--courier", "顺丰",
               user="aftersales")  # fmt: skip
    assert back["state"] == "return_sent"
    refused(shop, "case", "refund", no, "--amount", "10", "--method", "alipay",
            user="aftersales", says="No refund before the warehouse")  # fmt: skip
    refused(shop, "case", "signoff", no, "--result", "as_described", user="presales",
            says="Warehouse")  # fmt: skip
    # the warehouse scans the parcel's number and gets the case at once
    scanned = run(shop, "scan", "SF1000200030", user="warehouse")
    assert scanned["case"]["case_no"] == no and scanned["matched"] == "return_tracking"
    signed = run(shop, "case", "signoff", no, "--result", "as_described", "--notes", "鞋头开胶属实",
                 user="warehouse")  # fmt: skip
    assert signed["signoff"]["by"] == "赵强" and signed["state"] == "received"
    total = order["total"]
    refused(shop, "case", "refund", no, "--amount", str(float(total) + 1), "--method", "original",
            user="aftersales", says="more than the order's payment")  # fmt: skip
    paid = run(shop, "case", "refund", no, "--amount", total, "--method", "alipay",
               "--reference", "2026112422001", user="aftersales")  # fmt: skip
    assert paid["state"] == "refunded"
    assert paid["refund"] | {"at": None} == {
        "amount": f"{float(total):.2f}", "method": "alipay", "reference": "2026112422001",
        "freight_reimbursed": "12.00", "by": "李娜", "at": None,
    }  # fmt: skip
    refused(shop, "case", "refund", no, "--amount", "1", "--method", "alipay",
            user="aftersales", says="no second refund")  # fmt: skip
    timeline = [(t["action"], t["who"]) for t in show(shop, no)["timeline"]]
    assert timeline == [
        ("case.open", "李娜"), ("case.photo", "李娜"), ("case.return", "李娜"),
        ("case.signoff", "赵强"), ("case.refund", "李娜"),
    ]  # fmt: skip
    # the order's own view lists its case with every step, who and when
    order_view = run(shop, "orders", "show", order["order_no"])
    assert [c["case_no"] for c in order_view["cases"]] == [no]
    assert [(t["action"], t["who"]) for t in order_view["cases"][0]["timeline"]] == timeline
    assert run(shop, "audit", "verify")["ok"]


def test_exchange_waits_for_the_return_then_the_note_is_written(shop) -> None:
    order = shipped(shop)[0]
    no = run(shop, "case", "open", order["order_no"], "--type", "exchange",
             "--reason", "尺码小了", "--wants", "42码", user="aftersales")["case_no"]  # fmt: skip
    # not a quality problem: the customer pays the return leg unless a supervisor says so
    refused(shop, "case", "return", no, "--tracking", "YT5550001112", "--freight-advance", "10",
            user="aftersales", says="supervisor's approval")  # fmt: skip
    refused(shop, "case", "approve", no, "--free-freight", "--reason", "老客户", user="aftersales",
            says="Supervisor")  # fmt: skip
    before = show(shop, no)
    refused(shop, "case", "approve", no, "--free-freight", "--reason", " ", user="supervisor",
            says="Reason cannot be empty")  # an exception says why  # fmt: skip
    assert show(shop, no) == before
    refused(shop, "case", "exchange-shipped", no, "--tracking", "SF7770001112", "--courier", "顺丰",
            user="aftersales", says="unless a supervisor approves")  # fmt: skip
    assert show(shop, no) == before  # refused: the case is unchanged
    run(shop, "case", "return", no, "--tracking", "YT5550001112", "--courier", "圆通",
        user="aftersales")  # fmt: skip
    refused(shop, "case", "exchange-shipped", no, "--tracking", "YT5550001112", "--courier", "圆通",
            user="aftersales", says="unless a supervisor approves")  # fmt: skip
    run(shop, "case", "signoff", no, "--result", "as_described", user="warehouse")
    refused(shop, "case", "exchange-shipped", no, "--tracking", "YT5550001112", "--courier", "圆通",
            user="aftersales", says="already belongs to case")  # fmt: skip
    sent = run(shop, "case", "exchange-shipped", no, "--tracking", "SF7770001112",
               "--courier", "顺丰", user="aftersales")  # fmt: skip
    assert sent["state"] == "exchange_shipped" and sent["exchange"]["tracking_no"] == "SF7770001112"
    notes = run(shop, "orders", "show", order["order_no"])["notes"]
    text, _, stamp = notes[-1]["display"].rpartition(SIGNATURE_SEPARATOR)
    assert text == "换货已发出，单号为：SF7770001112" and stamp.endswith(" 李娜")
    closed = run(shop, "case", "close", no, user="aftersales")
    assert closed["state"] == "closed" and closed["closed"]["by"] == "李娜"


def test_early_exchange_with_a_supervisors_approval(shop) -> None:
    order = shipped(shop)[0]
    no = run(shop, "case", "open", order["order_no"], "--type", "exchange",
             user="aftersales")["case_no"]  # fmt: skip
    refused(shop, "case", "approve", no, "--early-exchange", "--reason", " ", user="supervisor",
            says="Reason cannot be empty")  # fmt: skip
    approved = run(shop, "case", "approve", no, "--early-exchange", "--reason", "客户婚礼急用",
                   user="supervisor")  # fmt: skip
    assert approved["early_exchange"]["by"] == "陈静"
    [entry] = [t for t in approved["timeline"] if t["action"] == "case.approve"]
    assert entry["reason"] == "客户婚礼急用"
    sent = run(shop, "case", "exchange-shipped", no, "--tracking", "ZT3330001112",
               "--courier", "中通", user="aftersales")  # fmt: skip
    assert sent["state"] == "exchange_shipped"


def test_recall_printer_receives_then_refund(shop) -> None:
    order = shipped(shop)[0]
    case = run(shop, "case", "open", order["order_no"], "--type", "recall",
               "--reason", "客户不要了", user="aftersales")  # fmt: skip
    no = case["case_no"]
    # the courier brings back the very parcel it carried
    assert case["return_tracking_no"] == order["tracking_no"]
    refused(shop, "case", "refund", no, "--amount", "1", "--method", "original",
            user="aftersales", says="original parcel received")  # fmt: skip
    refused(shop, "case", "received", no, user="warehouse", says="Order printer")
    scanned = run(shop, "scan", order["tracking_no"], user="printer")
    assert scanned["case"]["case_no"] == no
    back = run(shop, "case", "received", no, user="printer")
    assert back["state"] == "parcel_back" and back["parcel_back"]["by"] == "王芳"
    paid = run(shop, "case", "refund", no, "--amount", order["total"], "--method", "original",
               user="aftersales")  # fmt: skip
    assert paid["state"] == "refunded" and paid["refund"]["freight_reimbursed"] == "0.00"


def test_unannounced_parcel_list_and_export(shop, tmp_path) -> None:
    missing = afterdesk(shop, "scan", "JT0009990001")
    assert missing.returncode == 1 and "Not registered" in missing.stdout
    case = run(shop, "case", "register-unannounced", "--tracking", "JT0009990001",
               "--courier", "极兔", user="warehouse")  # fmt: skip
    assert case["state"] == "unannounced" and case["card_in_parcel"] == "no"
    listed = run(shop, "case", "list", "--state", "unannounced")
    assert [r["case_no"] for r in listed] == [case["case_no"]]
    out = tmp_path / "register.xlsx"
    exported = afterdesk(shop, "register", "export", "--out", str(out))
    assert exported.returncode == 0 and out.stat().st_size > 0
    from openpyxl import load_workbook

    rows = list(load_workbook(out).active.values)
    assert len(rows) == 2 and rows[1][1] == case["case_no"] and rows[1][10] == "JT0009990001"
    # a parcel that held a card, though nobody announced it: the warehouse says so
    carded = run(shop, "case", "register-unannounced", "--tracking", "JT0009990002",
                 "--card", "yes", user="warehouse")  # fmt: skip
    assert carded["card_in_parcel"] == "yes"


def test_bad_photo_files_are_refused(shop, tmp_path) -> None:
    order = shipped(shop)[0]
    no = run(shop, "case", "open", order["order_no"], "--type", "return", "--quality",
             "--defect-location", "拉链", user="aftersales")["case_no"]  # fmt: skip
    text = tmp_path / "note.jpg"
    text.write_text("not a picture")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(jpeg(1200, 900)[:4000])
    refused(shop, "case", "photo", no, str(text), user="aftersales", says="is not a photo")
    refused(shop, "case", "photo", no, str(cut), user="aftersales", says="cut short")
    assert show(shop, no)["photos"] == []


def test_a_claim_opened_with_its_photos_is_all_or_nothing(shop, tmp_path) -> None:
    """``case open --photo``: the case and its evidence in one go, or neither."""
    order = shipped(shop)[0]["order_no"]
    bad = tmp_path / "note.jpg"
    bad.write_text("not a picture")
    refused(shop, "case", "open", order, "--type", "return", "--quality",
            "--defect-location", "左脚鞋头", "--photo", str(bad),
            user="aftersales", says="is not a photo")  # fmt: skip
    assert run(shop, "orders", "show", order)["cases"] == []  # no case without its photos
    good, _ = photos(tmp_path)
    case = run(shop, "case", "open", order, "--type", "return", "--quality",
               "--defect-location", "左脚鞋头", "--photo", good, user="aftersales")  # fmt: skip
    assert len(case["photos"]) == 1 and case["quality"]
