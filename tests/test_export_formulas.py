"""Customer text that looks like a formula is written as text into every spreadsheet AfterDesk
exports (issue 10, Reliability): the register's XLSX and the refused rows' CSV."""

from __future__ import annotations

import csv

from openpyxl import load_workbook

from app.models import CaseType, Role
from app.models.errors import InvalidInput
from app.services.cases import opening as cases
from app.services.cases import register as case_register
from app.services.core.cells import csv_row
from app.services.imports import history
from app.services.imports.records import RefusedRow
from tests.case_helpers import shipped_orders
from tests.import_helpers import run, taobao

LINK = '=HYPERLINK("http://evil.example/x","click")'


def test_a_case_reason_is_text_in_the_registers_xlsx(shop_db, shop_staff, tmp_path) -> None:
    after = shop_staff[Role.AFTERSALES]
    order_no = shipped_orders(shop_db, 1)[0]
    case = shop_db.write(
        lambda s: cases.open_case(s, after, order_no, CaseType.RETURN, reason=LINK)
    )
    for reason in ("+86 138", "-1 size", "@everyone"):
        shop_db.write(
            lambda s, r=reason: cases.open_case(
                s, after, shipped_orders(shop_db, 1)[0], CaseType.RETURN, reason=r
            )
        )
    target = tmp_path / "register.xlsx"
    shop_db.read(lambda s: case_register.export_xlsx(s, after, target))
    sheet = load_workbook(target).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {c.value for c in risky} >= {LINK, "+86 138", "-1 size", "@everyone"}
    assert all(c.data_type == "s" for c in risky)  # text, not a live formula ('f')
    assert not any(c.data_type == "f" for c in cells)
    assert case.case_no in {c.value for c in cells}


def test_refused_rows_csv_keeps_formulas_as_text(db, staff, tmp_path) -> None:
    problem = InvalidInput("Amount is not a number.")
    refused = RefusedRow(3, "X1", problem, {"订单编号": "X1", "买家留言": LINK})
    summary = run(db, staff[Role.PRINTER], tmp_path, [taobao("A1"), refused])
    out = tmp_path / "refused.csv"
    assert (
        db.read(lambda s: history.save_refused(s, staff[Role.WAREHOUSE], summary.run_id, out)) == 1
    )
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][2:] == ["订单编号", "买家留言"]
    assert rows[1] == ["3", "Amount is not a number.", "X1", "'" + LINK]


def test_csv_row_leaves_plain_values_alone() -> None:
    assert csv_row(["a", 1, "-", "=1", None]) == ["a", 1, "'-", "'=1", None]
