"""A whole batch in one go: cover sheet, dispatch notes and labels, planned before drawn.

Planning every slip first means an order that cannot be printed is known before a single page
exists; the caller decides whether to hold it back or refuse the batch. Drawing then reports
progress and honours a cancel flag (so a GUI can show a bar with a Cancel button).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from app.printing import cover as cover_doc
from app.printing import dispatch_note, fonts, label
from app.printing.data import (
    BatchCover,
    LabelSize,
    OrderSlip,
    PdfResult,
    SheetSize,
    SlipRefused,
)
from app.printing.draw import Page, emit, new_canvas

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PlannedSlip:
    slip: OrderSlip
    label: Page
    note: tuple[Page, ...]


def plan_slips(
    slips: list[OrderSlip],
    label_size: LabelSize,
    sheet_size: SheetSize,
    glyphs: fonts.Glyphs,
    *,
    notes: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PlannedSlip], list[tuple[OrderSlip, SlipRefused]]]:
    """Lay out every slip; those that cannot be printed come back with the reason."""
    planned: list[PlannedSlip] = []
    refused: list[tuple[OrderSlip, SlipRefused]] = []
    for i, slip in enumerate(slips, 1):
        if cancelled is not None and i % 200 == 0 and cancelled():
            from app.printing.data import PrintCancelled

            raise PrintCancelled()
        try:
            page = label.plan(slip, label_size, glyphs)
            note = tuple(dispatch_note.plan(slip, sheet_size, glyphs)) if notes else ()
        except SlipRefused as problem:
            refused.append((slip, problem))
            continue
        planned.append(PlannedSlip(slip, page, note))
    return planned, refused


def build(
    cover: BatchCover | None,
    planned: list[PlannedSlip],
    sheet_size: SheetSize,
    glyphs: fonts.Glyphs,
    *,
    labels_separately: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[PdfResult, PdfResult | None]:
    """The batch PDF (cover, notes, labels), or the labels in a second PDF for a label printer.

    Every page keeps its own exact size: A5/A4 sheets and 100×150 labels may share one file.
    """
    sheets: list[Page] = cover_doc.plan(cover, sheet_size, glyphs) if cover else []
    sheets += [p for s in planned for p in s.note]
    labels = [s.label for s in planned]
    total = len(sheets) + len(labels)
    title = f"打单批次 {cover.batch_no}" if cover else "发货单 / 快递单"
    main_buf = io.BytesIO()
    main = new_canvas(main_buf, title)
    done = emit(main, sheets, progress=progress, cancelled=cancelled, total=total)
    second = None
    if labels_separately:
        label_buf = io.BytesIO()
        canvas = new_canvas(label_buf, f"快递单 {cover.batch_no}" if cover else "快递单")
        emit(canvas, labels, progress=progress, cancelled=cancelled, done=done, total=total)
        canvas.save()
        second = PdfResult(label_buf.getvalue(), len(labels), ())
    else:
        emit(main, labels, progress=progress, cancelled=cancelled, done=done, total=total)
    main.save()
    pages = len(sheets) + (0 if labels_separately else len(labels))
    return PdfResult(main_buf.getvalue(), pages, tuple(glyphs.messages())), second
