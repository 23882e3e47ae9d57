"""Each document read back: page sizes, embedded fonts, every field's text, decoded barcodes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.printing import barcodes as bc
from app.printing.cover import cover_pdf
from app.printing.data import (
    BatchCover,
    CoverLine,
    LabelSize,
    Party,
    SheetSize,
    SlipItem,
    SlipRefused,
)
from app.printing.dispatch_note import dispatch_notes_pdf
from app.printing.label import labels_pdf
from app.printing.text import NO_START, escape, fit, mask_phone, wrap
from tests.printing_helpers import barcodes, fonts, page_sizes_mm, slip, text, write


@pytest.mark.parametrize("size", list(LabelSize))
def test_label_fields_fonts_size_and_barcodes(tmp_path, size) -> None:
    result = labels_pdf([slip()], size)
    assert page_sizes_mm(result.data) == [tuple(int(v) for v in size.value.split("x"))]
    path = write(tmp_path, result.data)
    embedded = fonts(path)
    assert embedded and all(f["emb"] == "yes" and "TrueType" in f["type"] for f in embedded)
    assert not any("Helvetica" in f["name"] for f in embedded)
    page = "".join(text(path).split())  # the layout may wrap: compare without spaces
    for field in (
        "顺丰速运",
        "王小明",
        "138****8000",
        "悦步客服",
        "0571-88886666",
        "经典帆布鞋",
        "内附贺卡",  # the packer's mark: a card goes in; its text is on the note inside
        "3861000123456789012",
        "SF1234567890123",
        "文三路478号",
        "前台代收",
    ):
        assert field in page, field
    assert "13800138000" not in page  # the phone is masked on the parcel
    for inside in ("发票抬头", "杭州某某科技有限公司", "生日快乐"):  # nothing for the courier
        assert inside not in page, inside
    assert barcodes(path, tmp_path, 1) == ["3861000123456789012", "SF1234567890123"]


def test_label_without_tracking_number_says_so_and_invents_none(tmp_path) -> None:
    path = write(tmp_path, labels_pdf([slip(tracking_no=None)]).data)
    assert "运单号：未分配" in text(path) and "快递取号后补贴运单" in text(path)
    assert barcodes(path, tmp_path, 1) == ["3861000123456789012"]


def test_customer_text_prints_as_written(tmp_path) -> None:
    odd = slip(recipient=Party("Tom & <Jerry>", "13800138000", "上海市浦东新区 A&B <楼> 1号"))
    page = text(write(tmp_path, labels_pdf([odd]).data))
    assert "Tom & <Jerry>" in page and "A&B <楼>" in page
    assert escape("A & <b>") == "A &amp; &lt;b&gt;"


def test_dispatch_note_a5_a4(tmp_path) -> None:
    for size, mm in ((SheetSize.A5, (148, 210)), (SheetSize.A4, (210, 297))):
        result = dispatch_notes_pdf([slip()], size)
        assert page_sizes_mm(result.data) == [mm]
        path = write(tmp_path, result.data, f"{size}.pdf")
        page = "".join(text(path).split())
        for field in (
            "发货单",
            "XZ-01-黑-40",
            "经典帆布鞋",
            "尺码:40",
            "×2",
            "请尽快发货",
            "红旗备注",
            "客户要求发顺丰---2026.11.24张三",
            "特殊要求",
            "【发票抬头】杭州某某科技有限公司",  # the invoice title and the card, inside only
            "【贺卡】生日快乐！",
            "tb_wang123",
        ):
            assert field in page, field
        assert barcodes(path, tmp_path, 1) == ["3861000123456789012"]


def test_long_order_continues_on_a_second_page(tmp_path) -> None:
    items = tuple(SlipItem(f"SKU-{n}", f"商品{n}", (("尺码", "40"),), 1) for n in range(60))
    result = dispatch_notes_pdf([slip(items=items)], SheetSize.A5)
    assert result.pages >= 2
    path = write(tmp_path, result.data)
    assert "SKU-59" in text(path) and "发货单 (续)" in text(path, 2)


def test_cover_sheet_lists_the_batch_with_signature(tmp_path) -> None:
    lines = tuple(CoverLine(f"38610000000000{n:05d}", "李四", "中通", None, 1) for n in range(70))
    cover = BatchCover(
        "P20261124-0001", datetime(2026, 11, 24, 8, tzinfo=UTC), "王芳", "", "中通", "16:00", lines
    )
    result = cover_pdf(cover, SheetSize.A5)
    path = write(tmp_path, result.data)
    first = text(path, 1)
    assert "P20261124-0001" in first and "王芳" in first and "共 70 单" in first
    assert "16:00" in first and "签名" in first
    assert "3861000000000000069" in text(path)  # the last order, on a later page
    assert barcodes(path, tmp_path, 1) == ["P20261124-0001"]


def test_missing_glyph_is_shown_and_reported(tmp_path) -> None:
    result = labels_pdf([slip(recipient=Party("张𠮷", "13800138000", "北京市朝阳区建国路1号"))])
    assert any("U+20BB7" in w for w in result.warnings)
    assert "张[U+20BB7]" in text(write(tmp_path, result.data))


def test_bad_input_is_refused_clearly() -> None:
    with pytest.raises(SlipRefused, match="no recipient phone"):
        labels_pdf([slip(recipient=Party("王小明", "", "北京市朝阳区建国路1号"))])
    with pytest.raises(SlipRefused, match="no recipient name or address"):
        labels_pdf([slip(recipient=Party("王小明", "13800138000", ""))])
    huge = "北京市朝阳区" + "很长的地址" * 80
    with pytest.raises(SlipRefused, match="address is too long"):
        labels_pdf([slip(recipient=Party("王小明", "13800138000", huge))], LabelSize.L76X130)


def test_long_address_shrinks_and_wraps_without_kinsoku_breaks(tmp_path) -> None:
    address = "广东省深圳市南山区粤海街道科技园南区，高新南七道，深圳湾科技生态园三期，" * 2
    result = labels_pdf([slip(recipient=Party("王小明", "13800138000", address))])
    assert "".join(text(write(tmp_path, result.data)).split()).count("深圳湾科技生态园三期") == 2
    for width in (60, 90, 120, 200):
        lines = wrap(address, width, 10)
        assert "".join(lines) == address.replace(" ", "")
        assert not any(line[0] in NO_START for line in lines)
    fitted = fit(address, 200, 60, max_size=14, min_size=7)
    assert fitted is not None and fitted.height <= 60


def test_barcode_modules_are_whole_printer_dots() -> None:
    placed = bc.place("3861000123456789012", 0, 270, 0, 30)
    assert placed is not None and placed.dots in (2, 3)
    assert abs(placed.x / bc.DOT - round(placed.x / bc.DOT)) < 1e-6
    assert bc.place("3861000123456789012" * 4, 0, 200, 0, 30) is None


def test_masked_phone() -> None:
    assert mask_phone("13800010001") == "138****0001"
    assert mask_phone("+86 138 0001 0001") == "138 **** 0001"
    assert mask_phone("12345") == "12345"
