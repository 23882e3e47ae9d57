"""The dispute's evidence pack read back: the notes with their signatures, the timeline with
who and when, the photos embedded with the SHA-256 of their originals, the warehouse's signed
inspection, the recall slip's state, the tracking numbers, page numbers, fonts embedded.
On SQLite and PostgreSQL; the pack is also made through the command line."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest

from app.db import Database
from app.models import CaseType, Role, SignoffResult
from app.models.errors import InvalidInput
from app.services.cases import opening as cases
from app.services.cases import photos as case_photos
from app.services.cases import steps as case_steps
from app.services.complaints import disputes, evidence
from app.services.core.actor import Actor
from app.services.orders import notes
from tests.case_helpers import jpeg, png, shipped_orders
from tests.printing_helpers import chinese_documents, fonts, text
from tests.test_cli import afterdesk


def photos() -> list[tuple[str, bytes]]:
    return [
        ("toe.jpg", jpeg(2400, 1800, colour="green")),
        ("side.png", png(900, 700)),
        ("label.jpg", jpeg(1200, 1600, colour="navy")),
    ]


def disputed_return(db: Database, staff: dict[Role, Actor]) -> tuple[str, str, list[str]]:
    """A quality return with photos, a note, the warehouse's signature and a dispute."""
    after, warehouse = staff[Role.AFTERSALES], staff[Role.WAREHOUSE]
    order_no = shipped_orders(db, 1)[0]
    db.write(lambda s: notes.add(s, after, order_no, "客户来电：鞋底开胶，已让客户拍照"))
    prepared = [case_photos.prepare(data, name) for name, data in photos()]
    case = db.write(
        lambda s: case_photos.open_with_photos(
            s, after, order_no, CaseType.RETURN, prepared, reason="鞋底开胶", quality=True,
            defect_location="左脚鞋头",
        )
    )  # fmt: skip
    db.write(
        lambda s: case_steps.record_return(
            s, after, case.case_no, tracking="SF1000200030", courier="顺丰"
        )
    )
    db.write(
        lambda s: case_steps.signoff(
            s, warehouse, case.case_no, result=SignoffResult.DAMAGED, notes_text="开胶属实"
        )
    )
    db.write(
        lambda s: disputes.open_dispute(
            s, after, case.case_no, dispute_no="WQ88001", deadline="2030-01-10 18:00",
            claim="买家称质量问题，要求退货退款",
        )
    )  # fmt: skip
    hashes = [hashlib.sha256(data).hexdigest() for _name, data in photos()]
    return order_no, case.case_no, hashes


@pytest.fixture
def pack(shop_db: Database, shop_staff, tmp_path: Path) -> tuple[Path, str, str, list[str]]:
    chinese_documents(shop_db)
    order_no, case_no, hashes = disputed_return(shop_db, shop_staff)
    out = tmp_path / "evidence.pdf"
    made = evidence.make(shop_db, shop_staff[Role.AFTERSALES], case_no, out)
    assert (made.photos, made.pages) == (3, pdf_pages(out))
    return out, order_no, case_no, hashes


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]


def test_the_pack_holds_notes_timeline_signatures_and_tracking(pack) -> None:
    path, order_no, case_no, _hashes = pack
    body = text(path)
    assert "维权证据包" in body and case_no in body and order_no in body
    # the dispute
    assert "WQ88001" in body and "买家称质量问题，要求退货退款" in body
    # every note with its signature and date
    assert re.search(r"客户来电：鞋底开胶，已让客户拍照---\d{4}\.\d{2}\.\d{2} 李娜", body)
    # the timeline with who and when
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} 李娜 已开售后单", body), body
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} 赵强 仓库已验货签字", body), body
    # the warehouse's signed inspection and the tracking numbers
    assert re.search(r"有损坏，赵强 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 签字", body), body
    assert "SF1000200030" in body
    # page numbers on every page
    pages = pdf_pages(path)
    assert pages >= 2
    for n in range(1, pages + 1):
        assert f"第 {n}/{pages} 页" in text(path, n)


def test_the_photos_are_embedded_with_their_originals_hashes(pack) -> None:
    path, _order, _case, hashes = pack
    body = text(path).replace("\n", " ")
    for digest in hashes:  # the original files' SHA-256, not the embedded copies'
        assert digest in body
    listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
    images = [line.split() for line in listed.stdout.splitlines()[2:]]
    assert len(images) == 3
    # downscaled for the page, still legible: about 1600 px on the long side at most
    assert all(
        max(int(i[3]), int(i[4])) <= 2000 and min(int(i[3]), int(i[4])) >= 500 for i in images
    )
    assert all(f["emb"] == "yes" for f in fonts(path))


def test_a_recall_shows_its_slip_state(shop_db: Database, shop_staff, tmp_path: Path) -> None:
    chinese_documents(shop_db)
    after = shop_staff[Role.AFTERSALES]
    order_no = shipped_orders(shop_db, 2)[1]
    case = shop_db.write(lambda s: cases.open_case(s, after, order_no, CaseType.RECALL))
    made = evidence.make(shop_db, after, case.case_no, tmp_path / "recall.pdf")
    body = text(tmp_path / "recall.pdf")
    assert made.photos == 0
    assert "未打印" in body and "“原包裹已收到”尚未签字" in body


def test_the_pack_through_the_command_line(shop_db: Database, shop_staff, tmp_path: Path) -> None:
    _order, case_no, _hashes = disputed_return(shop_db, shop_staff)
    url = shop_db.url.render_as_string(hide_password=False)
    out = tmp_path / "pack.pdf"
    done = afterdesk(url, "dispute", "evidence", case_no, "--out", str(out), user="aftersales")
    assert done.returncode == 0, done.stderr
    assert out.exists() and "3" in done.stdout
    again = afterdesk(url, "dispute", "evidence", case_no, "--out", str(out), user="aftersales")
    assert again.returncode == 2 and "exists already" in again.stderr
    refused = afterdesk(url, "dispute", "evidence", case_no, "--out", str(tmp_path / "x.pdf"),
                        user="warehouse")  # fmt: skip
    assert refused.returncode == 2 and not (tmp_path / "x.pdf").exists()


def test_a_pack_needs_a_pdf_name(shop_db: Database, shop_staff, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="PDF"):
        evidence.make(shop_db, shop_staff[Role.AFTERSALES], "X", tmp_path / "pack.txt")
