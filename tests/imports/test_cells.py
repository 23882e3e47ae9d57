"""Cleaning real-file cells: what a user would see stored, and the messages when refused."""

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from app.models.errors import InvalidInput
from app.services.imports import cells


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ('="3012345678901234567"', "3012345678901234567"),
        ("'13812345678", "13812345678"),
        ('\'="3012345678901234567"', "3012345678901234567"),  # our refused-rows CSV's armour
        ("\t6920000000000000001", "6920000000000000001"),
        ("  张伟 ", "张伟"),
        ("line one\r\nline two", "line one\nline two"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("\u200b零宽\u202e", "零宽"),
        ("", ""),
    ],
)
def test_clean_removes_the_excel_armour(raw: str, clean: str) -> None:
    assert cells.clean(raw) == clean


def test_header_names_lose_their_spaces_and_bom() -> None:
    assert cells.header_name("收货地址 ") == "收货地址"
    assert cells.header_name("\ufeff订单编号") == "订单编号"
    assert cells.header_name(" 订单付款时间\u3000") == "订单付款时间"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("58.00元", Decimal("58.00")),
        ("¥1,299.00", Decimal("1299.00")),
        ("￥ 99", Decimal("99.00")),
        ("$2,450.5", Decimal("2450.50")),
        ('="129.00"', Decimal("129.00")),
        ("CNY 10", Decimal("10.00")),
    ],
)
def test_amounts_in_the_platforms_forms(raw: str, value: Decimal) -> None:
    assert cells.amount(raw, "实付款") == value


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("-5.00", "The column 实付款 holds a negative amount (-5.00)."),
        ("免费", "The column 实付款 holds “免费”, not an amount."),
        ("", "The column 实付款 has no amount."),
        ("NaN", "The column 实付款 holds “NaN”, not an amount."),
    ],
)
def test_bad_amounts_are_refused_naming_the_column(raw: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        cells.amount(raw, "实付款")
    assert caught.value.message() == message


def test_dates_in_the_platforms_forms() -> None:
    china = timezone(timedelta(hours=8))
    assert cells.moment("2026-11-20 10:01:02", "c") == datetime(
        2026, 11, 20, 10, 1, 2, tzinfo=china
    )
    assert cells.moment("2026/11/20 10:01", "c") == datetime(2026, 11, 20, 10, 1, tzinfo=china)
    shopify = cells.moment("2026-11-20 10:01:02 +0800", "c", zone=UTC)
    assert shopify == datetime(2026, 11, 20, 2, 1, 2, tzinfo=UTC)
    assert cells.moment("", "c") is None


def test_impossible_dates_are_refused_naming_the_column() -> None:
    with pytest.raises(InvalidInput) as caught:
        cells.moment("2026-13-45 10:00:00", "订单创建时间")
    assert (
        caught.value.message()
        == "The column 订单创建时间 holds “2026-13-45 10:00:00”, not a real date."
    )


def test_ten_thousand_characters_are_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        cells.bounded("长" * 10_000, "买家留言", cells.TEXT_LIMIT)
    assert caught.value.message() == "The column 买家留言 holds 10000 characters; at most 4000 fit."


@pytest.mark.parametrize("raw", ["0", "-1", "1.5", "两"])
def test_bad_quantities_are_refused(raw: str) -> None:
    with pytest.raises(InvalidInput, match="not a quantity"):
        cells.quantity(raw, "购买数量")


def test_attributes_both_colons_and_unnamed_parts() -> None:
    assert cells.attributes("颜色分类：灰色;尺码：40") == {"颜色分类": "灰色", "尺码": "40"}
    assert cells.attributes("颜色:黑色;尺码:L") == {"颜色": "黑色", "尺码": "L"}
    assert cells.attributes("灰色,38码") == {"规格": "灰色,38码"}
    assert cells.attributes("") == {}


def test_masked_and_encrypted_values() -> None:
    assert cells.is_masked("1******6198") and cells.is_masked("张**")
    assert not cells.is_masked("13812345678")
    assert cells.is_encrypted("##E5B2A3F0C1D2##")
    assert not cells.is_encrypted("#3 building")


def test_encodings_told_apart() -> None:
    text = "订单编号,买家会员名\n"
    assert cells.encoding_of(text.encode("gbk")) == "gb18030"
    assert cells.encoding_of(text.encode("utf-8")) == "utf-8"
    assert cells.encoding_of(text.encode("utf-8-sig")) == "utf-8-sig"
    # a head cut in the middle of a UTF-8 character is still UTF-8
    assert cells.encoding_of(text.encode("utf-8")[:4]) == "utf-8"


def test_gbk_shown_as_utf8_once_is_seen_as_garbled() -> None:
    assert cells.looks_garbled("订单编号".encode("gbk").decode("utf-8", errors="replace"))
    assert cells.looks_garbled("订单编号".encode().decode("latin-1"))
    assert not cells.looks_garbled("订单编号 Name Zürich café")
