"""Every bad input a shop meets gets a clear message; the rest of the file still reads."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from app.models.errors import InvalidInput
from app.services.imports.reading import open_catalogue, open_reading
from app.services.imports.records import FormatId, RefusedRow
from tests.imports.helpers import FIXTURES, read_all

TAOBAO = FIXTURES / "taobao"
SHOPIFY = FIXTURES / "shopify" / "orders_export.csv"


def refused_open(*paths: Path, **kwargs: object) -> str:
    with pytest.raises(InvalidInput) as caught:
        open_reading(list(paths), **kwargs)  # type: ignore[arg-type]
    return caught.value.message()


def taobao_lines() -> list[str]:
    return (TAOBAO / "ExportOrderList2019.csv").read_bytes().decode("gbk").split("\r\n")


def write_gbk(path: Path, lines: list[str]) -> Path:
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return path


def test_a_file_of_another_kind_names_the_nearest_format_and_missing_columns(
    tmp_path: Path,
) -> None:
    other = tmp_path / "report.csv"
    other.write_text("订单号,客户姓名,金额\n1,张三,10\n", encoding="utf-8")
    assert refused_open(other) == (
        "report.csv is not an order export AfterDesk knows. The nearest is jd, which would have "
        "the columns 商品ID, 客户地址. Choose the columns by hand (Other CSV/XLSX) instead."
    )


def test_a_forced_format_names_the_missing_columns(tmp_path: Path) -> None:
    lines = taobao_lines()
    lines[0] = lines[0].replace("收货人姓名", "收件人").replace("订单创建时间", "创建日")
    path = write_gbk(tmp_path / "ExportOrderList.csv", lines)
    assert refused_open(path, format=FormatId.TAOBAO) == (
        "ExportOrderList.csv is not a complete taobao export: the columns 收货人姓名, 订单创建时间 "
        "are missing."
    )


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\xef\xbb\xbf\r\n")
    assert refused_open(empty) == "empty.csv is empty."
    header_only = write_gbk(tmp_path / "ExportOrderList.csv", taobao_lines()[:1])
    assert refused_open(header_only) == "ExportOrderList.csv has its column names but no orders."


def test_not_csv_or_xlsx_at_all(tmp_path: Path) -> None:
    pdf = tmp_path / "orders.pdf"
    pdf.write_bytes(b"%PDF-1.7\n...")
    assert refused_open(pdf) == "orders.pdf is not a CSV or XLSX file."
    xls = tmp_path / "orders.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert (
        refused_open(xls) == "orders.xls is an old Excel .xls file: save it as .xlsx or CSV first."
    )
    image = tmp_path / "photo.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert refused_open(image) == "photo.csv is not a CSV or XLSX file."
    fake = tmp_path / "broken.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    assert refused_open(fake).startswith("broken.xlsx is not a CSV or XLSX export (")


def test_gbk_text_once_saved_as_utf8_is_refused_not_stored_garbled(tmp_path: Path) -> None:
    garbled = "\r\n".join(taobao_lines()).encode("gbk").decode("utf-8", errors="replace")
    path = tmp_path / "ExportOrderList.csv"
    path.write_text(garbled, encoding="utf-8")
    assert refused_open(path) == (
        "The column names of ExportOrderList.csv are garbled (Chinese text saved with the wrong "
        "encoding). Download the export again from the platform, without opening and saving it "
        "in another program."
    )


def test_gbk_bytes_are_read_as_gbk_never_as_mojibake() -> None:
    _, orders, _ = read_all(
        TAOBAO / "ExportOrderList2019.csv", TAOBAO / "ExportOrderDetailList2019.csv"
    )
    assert orders["3012345678901234567"].recipient_name == "张伟"


def test_a_truncated_last_line_is_refused_and_the_rest_reads(tmp_path: Path) -> None:
    lines = [line for line in taobao_lines() if line]
    lines[-1] = lines[-1][:40]  # the download stopped here, no line end
    path = write_gbk(tmp_path / "ExportOrderList.csv", lines)
    _, orders, refused = read_all(path)
    assert len(orders) == 4  # the mixed order needs its items file; the cut one is refused
    cut = refused[-1]
    assert cut.line == 7
    assert cut.problem.message() == (
        "ExportOrderList.csv ends in the middle of line 7: the file was cut short. Download "
        "the export again."
    )


def test_a_shopify_order_cut_short_is_refused_whole(tmp_path: Path) -> None:
    text = SHOPIFY.read_text(encoding="utf-8")
    cut = text[: text.index("Sport Socks 3-pack") + 5]  # inside #1001's second line item
    path = tmp_path / "orders_export.csv"
    path.write_text(cut, encoding="utf-8")
    _, orders, refused = read_all(path)
    assert orders == {}
    assert [(r.line, r.order_no) for r in refused] == [(2, "#1001")]
    assert "was cut short" in refused[0].problem.message()


def test_an_unterminated_quote_at_the_end_is_a_cut_short_file(tmp_path: Path) -> None:
    text = SHOPIFY.read_text(encoding="utf-8")
    path = tmp_path / "orders_export.csv"
    path.write_text(
        text.rstrip("\n") + '\n#1006,x@example.com,paid,,,,,USD,,,,"12', encoding="utf-8"
    )
    _, orders, refused = read_all(path)
    assert len(orders) == 5
    assert refused[-1].line == 10 and "was cut short" in refused[-1].problem.message()


def test_the_same_order_twice_with_different_values(tmp_path: Path) -> None:
    lines = [line for line in taobao_lines() if line]
    lines.append(lines[2].replace("圆通速递", "中通快递"))  # 3012345678901234568 again, changed
    lines.append(lines[3])  # 3012345678901234569 again, identical: an overlapping export page
    path = write_gbk(tmp_path / "ExportOrderList.csv", lines)
    _, orders, refused = read_all(path, TAOBAO / "ExportOrderDetailList2019.csv")
    assert orders["3012345678901234568"].courier == "圆通速递"
    twice = [r for r in refused if r.order_no == "3012345678901234568"]
    assert [r.line for r in twice] == [8]
    assert twice[0].problem.message() == (
        "The order 3012345678901234568 is in the file twice with different values (first at line "
        "3); export again or remove one of them."
    )
    assert not [r for r in refused if r.order_no == "3012345678901234569"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "2026-11-19 09:30",
            "2026-13-45 09:30",
            "The column 订单创建时间 holds “2026-13-45 09:30”, not a real date.",
        ),
        ("129.00", "-129.00", "The column 买家实际支付金额 holds a negative amount (-129.00)."),
        ("129.00", "一百", "The column 买家实际支付金额 holds “一百”, not an amount."),
        (
            ",王小明,",
            "," + "王" * 10_000 + ",",
            "The column 收货人姓名 holds 10000 characters; at most 100 fit.",
        ),
        (
            "卖家已发货，等待买家确认",
            "卖家正在想",
            "The column 订单状态 holds an unknown order status “卖家正在想”.",
        ),
    ],
)
def test_a_bad_value_refuses_its_order_naming_line_and_column(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    lines = [line for line in taobao_lines() if line]
    lines[2] = lines[2].replace(old.replace("-", "/") if "09:30" in old else old, new, 1)
    path = write_gbk(tmp_path / "ExportOrderList.csv", lines)
    _, orders, refused = read_all(path, TAOBAO / "ExportOrderDetailList2019.csv")
    assert "3012345678901234568" not in orders and len(orders) == 5
    assert len(refused) == 1
    assert (refused[0].line, refused[0].order_no) == (3, "3012345678901234568")
    assert refused[0].problem.message() == message
    assert refused[0].raw["订单编号"] == '="3012345678901234568"'


def test_a_10000_character_field_anywhere_in_a_row_is_bounded(tmp_path: Path) -> None:
    text = SHOPIFY.read_text(encoding="utf-8").replace("Please leave at the door.", "x" * 10_000)
    path = tmp_path / "orders_export.csv"
    path.write_text(text, encoding="utf-8")
    _, orders, refused = read_all(path)
    assert "#1001" not in orders and len(orders) == 4
    assert (
        refused[0].problem.message() == "The column Notes holds 10028 characters; at most 4000 fit."
    )


def test_the_taobao_items_file_alone_is_recognised_and_refused() -> None:
    assert refused_open(TAOBAO / "ExportOrderDetailList2019.csv") == (
        "ExportOrderDetailList2019.csv is a Taobao/Tmall items file (宝贝报表): import it together "
        "with its orders file (订单报表, ExportOrderList…)."
    )


def test_a_shopify_products_export_given_as_orders() -> None:
    assert refused_open(FIXTURES / "shopify" / "products_export.csv") == (
        "products_export.csv is a Shopify products export: import it as the catalogue, "
        "not as orders."
    )
    with pytest.raises(InvalidInput, match="is not a Shopify products export"):
        open_catalogue(SHOPIFY)


def test_two_files_that_are_not_a_taobao_pair() -> None:
    assert refused_open(SHOPIFY, FIXTURES / "jd" / "jd_orders.csv").startswith(
        "Import one file at a time"
    )


def test_an_xlsx_formula_refuses_its_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["单号", "日期", "姓名", "地址", "商品", "数量", "单价"])
    sheet.append(["A1", "2026-11-20 10:00:00", "周芳", "江苏省南京市鼓楼区中山路1号", "鞋", 1, 99])
    sheet.append(
        ["A2", "2026-11-20 10:00:00", "吴强", "江苏省南京市鼓楼区中山路2号", "鞋", 1, "=F3*99"]
    )
    sheet.append(
        [
            "A3",
            "2026-11-20 10:00:00",
            '=HYPERLINK("http://x","y")',
            "江苏省南京市鼓楼区中山路3号",
            "鞋",
            1,
            99,
        ]
    )
    path = tmp_path / "orders.xlsx"
    book.save(path)
    mapping = {
        "order_no": "单号",
        "ordered_at": "日期",
        "recipient_name": "姓名",
        "address": "地址",
        "title": "商品",
        "quantity": "数量",
        "price": "单价",
    }
    _, orders, refused = read_all(path, mapping=mapping)
    assert list(orders) == ["A1"]
    assert [(r.line, r.order_no) for r in refused] == [(3, "A2"), (4, "A3")]
    assert refused[0].problem.message() == (
        "Line 3 holds a formula in 单价; save the sheet with values only (copy, paste as values) "
        "and import it again."
    )


def test_a_mapping_that_lacks_fields_or_names_absent_columns() -> None:
    xlsx = FIXTURES / "mapped" / "wechat_orders.xlsx"
    assert refused_open(xlsx, mapping={"order_no": "单号"}) == (
        "The column mapping lacks ordered_at, recipient_name, title, quantity, price, address."
    )
    full = {
        "order_no": "单号",
        "ordered_at": "下单日期",
        "recipient_name": "姓名",
        "address": "地址",
        "title": "商品",
        "quantity": "数量",
        "price": "价格",
    }
    assert refused_open(xlsx, mapping=full) == (
        "wechat_orders.xlsx has no column named 价格 (the mapping expects it)."
    )


def test_records_stream_one_by_one() -> None:
    reading = open_reading([SHOPIFY])
    first = next(reading.records)
    assert not isinstance(first, RefusedRow) and first.order_no == "#1001"
    assert reading.progress is not None and 0 < reading.progress() <= 1


def test_utf8_without_bom_reads_like_gbk(tmp_path: Path) -> None:
    path = tmp_path / "ExportOrderList.csv"
    path.write_text("\r\n".join(taobao_lines()), encoding="utf-8")
    _, orders, _ = read_all(path, TAOBAO / "ExportOrderDetailList2019.csv")
    assert orders["3012345678901234567"].address.city == "杭州市"


def test_a_bad_item_refuses_its_order_only(tmp_path: Path) -> None:
    items = (TAOBAO / "ExportOrderDetailList2019.csv").read_bytes().decode("gbk")
    path = tmp_path / "ExportOrderDetailList.csv"
    path.write_bytes(items.replace(",129.00,1,", ",129.00,半,", 1).encode("gbk"))
    _, orders, refused = read_all(TAOBAO / "ExportOrderList2019.csv", path)
    assert "3012345678901234568" not in orders and len(orders) == 5
    assert [(r.line, r.order_no) for r in refused] == [(3, "3012345678901234568")]
    assert refused[0].problem.message() == "The column 购买数量 holds “半”, not a quantity."


def test_seen_orders_remember_many_numbers_compactly() -> None:
    from app.services.imports.formats.common import SeenOrders

    seen = SeenOrders()
    for n in range(50_000):
        assert seen.first(f"30{n:017d}", n + 2, n % 1000) is None
    assert seen.first("3000000000000012345", 99, 0) == (12347, 345)
    assert seen.first("#1001", 3, 7) is None


def test_a_shopify_country_that_is_not_a_code(tmp_path: Path) -> None:
    text = SHOPIFY.read_text(encoding="utf-8").replace(",AT,", ",Austria,")
    path = tmp_path / "orders_export.csv"
    path.write_text(text, encoding="utf-8")
    _, orders, refused = read_all(path)
    assert "#1005" not in orders
    assert refused[0].problem.message() == (
        "The column Shipping Country holds “AUSTRIA”, not a two-letter country code."
    )


def test_order_numbers_rounded_by_a_spreadsheet_program(tmp_path: Path) -> None:
    lines = [line for line in taobao_lines() if line]
    lines[2] = lines[2].replace('="3012345678901234568"', "3.01235E+18", 1)
    path = write_gbk(tmp_path / "ExportOrderList.csv", lines)
    _, orders, refused = read_all(path, TAOBAO / "ExportOrderDetailList2019.csv")
    assert len(orders) == 5
    assert [(r.line, r.order_no) for r in refused] == [(3, "3.01235E+18")]
    assert refused[0].problem.message() == (
        "The column 订单编号 holds “3.01235E+18”: the file was saved by a spreadsheet program, "
        "which rounded the long numbers. Download the export again and import it without "
        "opening it first."
    )


def test_a_garbled_cell_refuses_its_order(tmp_path: Path) -> None:
    text = SHOPIFY.read_text(encoding="utf-8").replace("李伟", "\ufffd\ufffd")
    path = tmp_path / "orders_export.csv"
    path.write_text(text, encoding="utf-8")
    _, orders, refused = read_all(path)
    assert "#1002" not in orders and len(orders) == 4
    assert refused[0].problem.message() == (
        "The column Shipping Name holds garbled text (“\ufffd\ufffd”): the file was once opened "
        "with the wrong encoding and saved. Download the export again."
    )


def test_a_zip_of_several_files(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.csv", "Name\n#1\n")
        out.writestr("b.csv", "Name\n#2\n")
    assert refused_open(archive) == (
        "exports.zip is a zip holding 2 CSV files: unzip it and import the export itself."
    )


def test_the_same_taobao_order_on_the_next_line_with_other_values(tmp_path: Path) -> None:
    lines = [line for line in taobao_lines() if line]
    lines.insert(3, lines[2].replace("圆通速递", "中通快递"))
    path = write_gbk(tmp_path / "ExportOrderList.csv", lines)
    _, orders, refused = read_all(path, TAOBAO / "ExportOrderDetailList2019.csv")
    assert orders["3012345678901234568"].courier == "圆通速递"
    assert [(r.line, r.order_no) for r in refused] == [(4, "3012345678901234568")]
    assert "(first at line 3)" in refused[0].problem.message()
