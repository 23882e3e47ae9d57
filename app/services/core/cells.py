"""Customer text in the spreadsheets AfterDesk writes: always text, never a formula.

A buyer's reason or memo that starts with ``=``, ``+``, ``-`` or ``@`` (``=HYPERLINK("http://…",
"click")``) would run as a formula in Excel or WPS when the file is opened (CSV/formula
injection, OWASP). Every XLSX and CSV export writes its cells through these two functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# what a spreadsheet program reads as the start of a formula (tab and CR: after trimming)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def xlsx_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """A row for ``sheet.append`` (openpyxl, write-only too): text that looks like a formula
    goes in as a string cell (type ``s``), unchanged; Excel shows it as typed."""
    from openpyxl.cell import WriteOnlyCell

    out: list[Any] = []
    for value in values:
        if risky(value):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            out.append(cell)
        else:
            out.append(value)
    return out


def csv_row(values: Iterable[Any]) -> list[Any]:
    """A row for ``csv.writer``: a CSV has no cell types, so text that looks like a formula
    gets a leading ``'`` (what Excel itself shows for text typed that way)."""
    return [f"'{v}" if risky(v) else v for v in values]
