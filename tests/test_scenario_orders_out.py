"""Issue 11's acceptance scenario through the command line alone, on SQLite and PostgreSQL: a
Taobao export imported, the shop's courier set, a number pool loaded, a batch that takes its
numbers and prints them as barcodes, the packing desk with item scans (a wrong size refused),
the courier's hand-over and its manifest, the orders shipped, and the platform's bulk-ship
upload given once."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.printing_helpers import barcodes, text
from tests.test_cli import afterdesk

TAOBAO = Path(__file__).parent / "fixtures" / "imports" / "taobao"
EXPORTS = [  # the order list and its detail list, as 千牛 exported them in 2019 and 2024
    [str(TAOBAO / "ExportOrderList2019.csv"), str(TAOBAO / "ExportOrderDetailList2019.csv")],
    [str(TAOBAO / "ExportOrderList2024.csv"), str(TAOBAO / "ExportOrderDetailList2024.csv")],
]
PAID = ["3012345678901234567", "4012345678901234501", "4012345678901234502"]  # waiting to ship
SHOP = "悦步"
ZTO = "中通快递"
FIRST = 75300000000001  # the branch's 号段


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    return result


def answer(url: str, *args: str, user: str | None = None) -> Any:
    return json.loads(ok(afterdesk(url, *args, "--json", user=user)).stdout)


def test_import_pool_batch_pack_hand_over_ship_and_export_once(db_url: str, tmp_path: Path):
    ok(afterdesk(db_url, "init"))
    ok(afterdesk(db_url, "demo", "--orders", "0"))  # the staff accounts, no orders
    for files in EXPORTS:
        assert answer(db_url, "import", "orders", *files, "--shop", SHOP, user="printer")["new"]

    # the shop's courier, then the numbers its branch issued
    refused = afterdesk(db_url, "print", "sender", SHOP, "--courier", "ZTO", user="printer")
    assert refused.returncode == 2 and "Administrator" in refused.stderr
    courier = ok(afterdesk(db_url, "print", "sender", SHOP, "--courier", "ZTO", user="admin"))
    assert courier.stdout == f"Orders of {SHOP} without a courier go with {ZTO}.\n"
    ok(afterdesk(db_url, "waybills", "load", "ZTO", "--shop", SHOP,
                 "--range", f"{FIRST}-{FIRST + 99}", user="admin"))  # fmt: skip

    # the batch takes a number for each order and prints it on the label as a barcode
    labels = tmp_path / "labels.pdf"
    batch = answer(db_url, "print", "batch", "--no-cutoff", "--shop", SHOP,
                   "--out", str(tmp_path / "batch.pdf"), "--labels-out", str(labels),
                   user="printer")  # fmt: skip
    assert sorted(batch["printed"]) == PAID and batch["packing_labels"] == []
    orders = {no: answer(db_url, "orders", "show", no) for no in PAID}
    numbers = {no: order["tracking_no"] for no, order in orders.items()}
    assert {order["courier"] for order in orders.values()} == {ZTO}
    assert sorted(numbers.values()) == [str(FIRST + n) for n in range(3)]
    read_back = [barcodes(labels, tmp_path, page) for page in (1, 2, 3)]
    assert sorted(read_back) == sorted(sorted([no, numbers[no]]) for no in PAID)
    [pool] = answer(db_url, "waybills", "left", user="printer")
    assert (pool["courier"], pool["shop"], pool["taken"], pool["left"]) == (ZTO, SHOP, 3, 97)
    [recorded] = answer(db_url, "print", "batches", user="printer")
    assert recorded["batch_no"] == batch["batch_no"]

    # the packing desk: a wrong size refused, then every piece and the label's number
    first = orders[PAID[0]]["items"][0]
    wrong = first["sku"].rsplit("-", 1)[0] + "-41"  # XB-CAN-灰-40 wanted
    stopped = afterdesk(db_url, "pack", PAID[0], "--item", wrong, "--waybill", numbers[PAID[0]],
                        user="warehouse")  # fmt: skip
    assert stopped.returncode == 2 and "Wrong size or colour" in stopped.stderr
    assert first["sku"] in stopped.stderr
    assert answer(db_url, "orders", "show", PAID[0])["stage"] == "printed"
    for no, order in orders.items():
        items = [a for i in order["items"] for a in ["--item", i["sku"]] * i["quantity"]]
        packed = answer(db_url, "pack", no, *items, "--waybill", numbers[no], user="warehouse")
        assert packed["stage"] == "packed"

    # the hand-over: each parcel once, the manifest on A4, the orders shipped
    # the courier as the waybills commands take it: its code, short or full name
    ok(afterdesk(db_url, "handover", "add", "ZTO", *numbers.values(), user="warehouse"))
    twice = afterdesk(db_url, "handover", "add", "中通", numbers[PAID[0]], user="warehouse")
    assert twice.returncode == 2 and "scanned twice" in twice.stderr
    manifest = tmp_path / "manifest.pdf"
    confirmed = answer(db_url, "handover", "confirm", "ZTO", "--out", str(manifest),
                       user="warehouse")  # fmt: skip
    assert sorted(confirmed["shipped"]) == PAID
    [page] = PdfReader(manifest).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    written = text(manifest)
    assert ZTO in written and all(number in written for number in numbers.values())
    assert {answer(db_url, "orders", "show", no)["stage"] for no in PAID} == {"shipped"}

    # the platform's bulk-ship upload: these shipments once, then nothing new
    upload = tmp_path / "taobao.csv"
    answer(db_url, "export", "shipments", "--shop", SHOP, "--format", "taobao", "--out",
           str(upload), user="printer")  # fmt: skip
    header, *rows = csv.reader(upload.read_text(encoding="utf-8-sig").splitlines())
    assert header == ["订单编号", "物流公司", "运单号"]
    # only what went through the hand-over: never the orders the platform reported shipped
    # itself on import (3012345678901234568 圆通, …569 顺丰)
    assert sorted(rows) == [[no, ZTO, numbers[no]] for no in PAID]
    again = tmp_path / "again.csv"
    second = answer(db_url, "export", "shipments", "--shop", SHOP, "--format", "taobao", "--out",
                    str(again), user="printer")  # fmt: skip
    assert second["count"] == 0
    assert again.read_text(encoding="utf-8-sig").splitlines() == [",".join(header)]
