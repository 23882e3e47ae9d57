"""A whole batch in one go: cover sheet, dispatch notes and labels, planned before drawn.

Planning every slip first means an order that cannot be printed is known before a single page
exists; the caller decides whether to hold it back or refuse the batch. Drawing then reports
progress and honours a cancel flag (so a GUI can show a bar with a Cancel button).

A big batch whose labels go to a file of their own (``render`` with ``labels_separately``)
uses both cores: a second process plans and draws the labels while this one plans and draws
the cover and the dispatch notes. The label process reports which slips it refused as soon
as it has planned them, so the cover and the notes leave those out; it gets plain
dataclasses (the slips) and sends back bytes.
"""

from __future__ import annotations

import io
import multiprocessing
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from app.printing import cover as cover_doc
from app.printing import dispatch_note, fonts, label
from app.printing.data import (
    BatchCover,
    LabelSize,
    OrderSlip,
    PdfResult,
    PrintCancelled,
    SheetSize,
    SlipRefused,
)
from app.printing.draw import Page, emit, new_canvas
from app.printing.words import common, say

Progress = Callable[[int, int], None]


# below this many slips, starting a second process (about half a second) costs more than it saves
PARALLEL_MIN = 600


@dataclass(frozen=True)
class PlannedSlip:
    slip: OrderSlip
    # None: the label is drawn by the label process, or by an e-waybill tool (label_elsewhere)
    label: Page | None
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
            raise PrintCancelled()
        try:
            # an e-waybill tool printed this order's label: the dispatch note only
            page = None if slip.label_elsewhere else label.plan(slip, label_size, glyphs)
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
    labels = [s.label for s in planned if s.label is not None]
    total = len(sheets) + len(labels)
    lang = common(s.slip.language for s in planned)
    title = f"{say(lang, 'batch_title')} {cover.batch_no}" if cover else say(lang, "dispatch_notes")
    main_buf = io.BytesIO()
    main = new_canvas(main_buf, title)
    done = emit(main, sheets, progress=progress, cancelled=cancelled, total=total)
    second = None
    if labels_separately:
        label_buf = io.BytesIO()
        labels_title = say(lang, "labels")
        canvas = new_canvas(
            label_buf, f"{labels_title} {cover.batch_no}" if cover else labels_title
        )
        emit(canvas, labels, progress=progress, cancelled=cancelled, done=done, total=total)
        canvas.save()
        second = PdfResult(label_buf.getvalue(), len(labels), ())
    else:
        emit(main, labels, progress=progress, cancelled=cancelled, done=done, total=total)
    main.save()
    pages = len(sheets) + (0 if labels_separately else len(labels))
    return PdfResult(main_buf.getvalue(), pages, tuple(glyphs.messages())), second


def render(
    slips: list[OrderSlip],
    label_size: LabelSize,
    sheet_size: SheetSize,
    make_cover: Callable[[list[PlannedSlip]], BatchCover],
    *,
    labels_separately: bool = False,
    all_or_none: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PlannedSlip], list[tuple[OrderSlip, SlipRefused]], PdfResult, PdfResult | None]:
    """Plan and draw a batch: (planned, refused, main PDF, labels PDF or None).

    ``make_cover`` builds the cover from the slips that will print. Nothing is drawn (the
    PDFs are empty) when no slip can print, or when one cannot and ``all_or_none`` is set.
    """
    glyphs = fonts.Glyphs()
    if not labels_separately or len(slips) < PARALLEL_MIN:
        planned, refused = plan_slips(slips, label_size, sheet_size, glyphs, cancelled=cancelled)
        if not planned or (all_or_none and refused):
            return planned, refused, PdfResult(b"", 0, tuple(glyphs.messages())), None
        main, labels = build(
            make_cover(planned),
            planned,
            sheet_size,
            glyphs,
            labels_separately=labels_separately,
            progress=progress,
            cancelled=cancelled,
        )
        return planned, refused, main, labels
    return _render_two(
        slips, label_size, sheet_size, make_cover, glyphs, all_or_none, progress, cancelled
    )


def _render_two(
    slips, label_size, sheet_size, make_cover, glyphs, all_or_none, progress, cancelled
):
    # spawn, not fork: the parent may run Qt or database threads
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    worker = context.Process(
        target=_label_worker, args=(theirs, label_size), name="afterdesk-labels"
    )
    worker.start()
    theirs.close()
    # the slips go through the pipe from a thread: the new interpreter takes a second to start
    # and read them, and this process plans the dispatch notes meanwhile
    threading.Thread(target=ours.send, args=(slips,), daemon=True).start()
    try:
        notes = []
        for i, slip in enumerate(slips, 1):
            if cancelled is not None and i % 200 == 0 and cancelled():
                raise PrintCancelled()
            notes.append(tuple(dispatch_note.plan(slip, sheet_size, glyphs)))
        refused_at = set(_receive(ours, worker, cancelled, "planned"))
        refused = []
        for i in sorted(refused_at):  # planned again here for the reason (rare)
            try:
                label.plan(slips[i], label_size, glyphs)
            except SlipRefused as problem:
                refused.append((slips[i], problem))
        planned = [
            PlannedSlip(s, None, n)
            for i, (s, n) in enumerate(zip(slips, notes, strict=True))
            if i not in refused_at
        ]
        if not planned or (all_or_none and refused):
            return planned, refused, PdfResult(b"", 0, tuple(glyphs.messages())), None
        cover = make_cover(planned)
        sheets: list[Page] = cover_doc.plan(cover, sheet_size, glyphs)
        sheets += [p for s in planned for p in s.note]
        total = len(sheets) + sum(not p.slip.label_elsewhere for p in planned)
        main_buf = io.BytesIO()
        main = new_canvas(main_buf, f"{say(cover.language, 'batch_title')} {cover.batch_no}")
        done = emit(main, sheets, progress=progress, cancelled=cancelled, total=total)
        main.save()
        data, pages, missing = _receive(ours, worker, cancelled, "pdf")
        for where, chars in missing.items():
            glyphs.note(where, chars)
        if progress is not None:
            progress(done + pages, total)
        messages = tuple(glyphs.messages())
        return (
            planned,
            refused,
            PdfResult(main_buf.getvalue(), len(sheets), messages),
            PdfResult(data, pages, ()),
        )
    finally:
        ours.close()
        if worker.is_alive():
            worker.terminate()
        worker.join()


def _receive(conn, worker, cancelled, kind: str):
    while not conn.poll(0.1):
        if cancelled is not None and cancelled():
            raise PrintCancelled()
        if not worker.is_alive() and not conn.poll():
            raise RuntimeError(f"the label process ended unexpectedly ({worker.exitcode})")
    got, *payload = conn.recv()
    if got == "error":
        raise RuntimeError(f"the label process failed:\n{payload[0]}")
    assert got == kind, got
    return payload[0] if len(payload) == 1 else payload


def _label_worker(conn, size: LabelSize) -> None:
    """The label process: the slips come in; refusals go out first, then the PDF of the others."""
    try:
        slips: list[OrderSlip] = conn.recv()
        glyphs = fonts.Glyphs()
        pages, refused = [], []
        for i, slip in enumerate(slips):
            if slip.label_elsewhere:  # printed by the e-waybill tool
                continue
            try:
                pages.append(label.plan(slip, size, glyphs))
            except SlipRefused:
                refused.append(i)
        conn.send(("planned", refused))
        batch_no = slips[0].batch_no if slips else ""
        buffer = io.BytesIO()
        title = say(common(s.language for s in slips), "labels")
        canvas = new_canvas(buffer, f"{title} {batch_no}" if batch_no else title)
        emit(canvas, pages)
        canvas.save()
        conn.send(("pdf", buffer.getvalue(), len(pages), glyphs.missing))
    except BaseException:
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()
