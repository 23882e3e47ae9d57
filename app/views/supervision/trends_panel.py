"""Trends on the supervisor's page: twelve weeks per shop, a click on a bar lists what it counts.

The figures come from one service (app/services/supervision/trends.py) in one read; this
panel only draws them. Print, Save PNG and Save PDF take the charts as they are on screen.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models.errors import UserError
from app.models.formats import short_time
from app.printing.trends_pdf import trends_pdf
from app.services.core import outputs
from app.services.core.actor import Actor
from app.services.supervision import trends
from app.services.supervision.trends import Measure, Trends, Week
from app.views.kit.ops import Op, hub, show_error, translate
from app.views.kit.pdf_preview import PreviewDialog
from app.views.supervision.bar_chart import BarChart, StackedChart, png_bytes, widget_image
from app.views.supervision.trend_list_dialog import TrendListDialog

ALL_SHOPS = -1


class TrendsPanel(QWidget):
    loaded = Signal(object)
    """The charts show new figures (a ``Trends``)."""

    list_opened = Signal(object)
    """A bar's list is on screen (its ``TrendListDialog``)."""

    case_requested = Signal(str)

    def __init__(
        self,
        actor: Actor,
        parent: QWidget | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.actor = actor
        self.now = now or (lambda: datetime.now(UTC))
        self.figures: Trends | None = None
        self.preview: PreviewDialog | None = None
        self.shop = QComboBox()
        self.shop.addItem(self.tr("All shops"), ALL_SHOPS)
        self.shop.currentIndexChanged.connect(lambda _i: self.load())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.load)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_charts)
        self.png_button = QPushButton(self.tr("Save PNG…"))
        self.png_button.clicked.connect(lambda: self.save("png"))
        self.pdf_button = QPushButton(self.tr("Save PDF…"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Shop:")))
        top.addWidget(self.shop)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        for button in (self.print_button, self.png_button, self.pdf_button):
            top.addWidget(button)

        self.charts: dict[Measure, BarChart | StackedChart] = {}
        self.board = QWidget()
        grid = QGridLayout(self.board)
        for n, measure in enumerate(Measure):
            title, unit = translate("Measure", measure.label), translate("Measure", measure.unit)
            if measure in (Measure.DISPUTES_LOST, Measure.COMPLAINTS):
                unit = ""  # a count: the title says of what (Qt Charts cuts a short unit to "⋮")
            chart: BarChart | StackedChart = (
                StackedChart(title, unit)
                if measure is Measure.COMPLAINTS
                else BarChart(
                    title,
                    unit,
                    self._label_format(measure),
                    whole=measure is Measure.DISPUTES_LOST,
                )
            )
            chart.bar_clicked.connect(lambda i, m=measure: self.open_bar(m, i))
            self.charts[measure] = chart
            grid.addWidget(chart, n // 2, n % 2)
        scroll = QScrollArea()
        scroll.setWidget(self.board)
        scroll.setWidgetResizable(True)
        hint = QLabel(
            self.tr(
                "Per week (Monday to Sunday, local time), the last twelve weeks; the lighter "
                "bar is the week still running. Click a bar to see the cases it counts."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        hub().data_changed.connect(self._data_changed)
        Op(self, lambda s: trends.shops(s, actor)).success(self._shops).failure(self._failed).run()
        self.load()

    # -- figures ---------------------------------------------------------------------------------
    def shop_id(self) -> int | None:
        value = self.shop.currentData()
        return None if value in (None, ALL_SHOPS) else int(value)

    def shop_name(self) -> str:
        return self.shop.currentText()

    def _shops(self, shops: list[tuple[int, str]]) -> None:
        for shop_id, name in shops:
            self.shop.addItem(name, shop_id)

    def load(self) -> None:
        actor, shop_id, now = self.actor, self.shop_id(), self.now()
        self.message.setText(self.tr("Reading the figures…"))
        Op(self, lambda s: trends.figures(s, actor, now, shop_id)).success(
            self.show_figures
        ).failure(self._failed).run()

    def show_figures(self, figures: Trends) -> None:
        if figures.shop_id != self.shop_id():
            return  # another shop was chosen meanwhile: its figures are on their way
        self.figures = figures
        weeks = [f"{w.week.monday.month}.{w.week.monday.day}" for w in figures.weeks]  # 11.23
        for measure, chart in self.charts.items():
            if isinstance(chart, StackedChart):
                chart.set_stacks(weeks, by_category(figures))
            else:
                chart.set_bars(weeks, figures.values(measure))
        self.message.setText(
            self.tr("Paid orders in the twelve weeks: {orders}; refunds: {refunds}.").format(
                orders=sum(w.paid_orders for w in figures.weeks),
                refunds=sum(w.refunds for w in figures.weeks),
            )
        )
        self.loaded.emit(figures)

    def _label_format(self, measure: Measure) -> str:
        """What is written above a bar: Qt Charts puts the value in for @value."""
        if measure is Measure.REFUND_HOURS:
            return self.tr("{hours} h").format(hours="@value")
        if measure is Measure.DISPUTES_LOST:
            return "@value"
        return "@value%"

    def _data_changed(self, what: str) -> None:
        if what == "cases" and self.isVisible():
            self.load()

    def _failed(self, error: UserError) -> None:
        self.message.clear()
        show_error(self, error)

    # -- the list behind a bar -------------------------------------------------------------------
    def open_bar(self, measure: Measure, index: int) -> None:
        if self.figures is None:
            return
        actor, shop_id, week = self.actor, self.shop_id(), self.figures.weeks[index].week
        now = self.now()
        Op(self, lambda s: trends.counted(s, actor, measure, week, shop_id, now)).success(
            lambda rows: self.show_list(measure, week, rows)
        ).failure(self._failed).run()

    def show_list(self, measure: Measure, week: Week, rows: list) -> TrendListDialog:
        heading = self.tr("{measure} · week of {monday} · {shop}").format(
            measure=translate("Measure", measure.label),
            monday=f"{week.monday:%Y.%m.%d}",
            shop=self.shop_name(),
        )
        dialog = TrendListDialog(heading, rows, self)
        dialog.case_requested.connect(self.case_requested)
        dialog.open()
        self.list_opened.emit(dialog)
        return dialog

    # -- print and save --------------------------------------------------------------------------
    def pdf_data(self) -> bytes:
        figures = self.figures
        first = figures.weeks[0].week.monday if figures else None
        last = figures.weeks[-1].week.monday if figures else None
        lines = [
            self.tr("Weeks of {first} to {last} (Monday to Sunday, local time)").format(
                first=f"{first:%Y.%m.%d}" if first else "", last=f"{last:%Y.%m.%d}" if last else ""
            ),
            self.tr("Printed by {name} at {time}").format(
                name=self.actor.display_name, time=short_time(datetime.now(UTC))
            ),
        ]
        charts = [png_bytes(widget_image(chart)) for chart in self.charts.values()]
        title = self.tr("Trends — {shop}").format(shop=self.shop_name())
        return trends_pdf(title, lines, charts).data

    def print_charts(self) -> PreviewDialog:
        out = Path(tempfile.mkdtemp(prefix="afterdesk-")) / "trends.pdf"
        out.write_bytes(self.pdf_data())
        self.preview = PreviewDialog([(self.tr("Trends"), out)], self)
        self.preview.open()
        return self.preview

    def save(self, kind: str) -> Path | None:
        target = self.ask_save_path(kind)
        if target is None:
            return None
        db = hub().db
        try:
            checked = outputs.check_output(db.url, target, overwrite=True) if db else target
            if kind == "pdf":
                data = self.pdf_data()
                outputs.write_beside(checked, lambda temp: temp.write_bytes(data))
            else:
                image = widget_image(self.board)
                outputs.write_beside(checked, lambda temp: _save_png(image, temp))
        except UserError as exc:
            self.message.setText(exc.message())
            return None
        self.message.setText(self.tr("Saved as {path}.").format(path=str(checked)))
        return checked

    # -- replaced in tests -----------------------------------------------------------------------
    def ask_save_path(self, kind: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("trends-{date}").format(date=f"{datetime.now():%Y%m%d}") + f".{kind}"
        filters = {"png": self.tr("PNG images (*.png)"), "pdf": self.tr("PDF documents (*.pdf)")}
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the charts"), str(Path(folder) / name), filters[kind]
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == f".{kind}" else path.with_name(f"{path.name}.{kind}")


def by_category(figures: Trends) -> dict[str, list[float]]:
    """The complaints of each category, week by week (a category absent a week counts 0)."""
    kinds = sorted({c for w in figures.weeks for c, _ in w.service.by_category})
    counts = [dict(w.service.by_category) for w in figures.weeks]
    return {kind: [float(week.get(kind, 0)) for week in counts] for kind in kinds}


def _save_png(image, path: Path) -> None:  # type: ignore[no-untyped-def]
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
