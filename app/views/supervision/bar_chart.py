"""One weekly bar chart drawn with Qt Charts; a click on a bar asks for the list behind it.

Qt Charts (PySide6-Addons) is the charting library: Qt's own, kept with Qt's releases, drawn
on Qt's graphics view with the application's fonts (Chinese included); a bar reports its own
click. The desktop bundle takes only what is imported: Qt Charts adds about 4 MB to it, where
pyqtgraph would have brought numpy and 46 MB, past the bundle's 300 MB (docs/supervision.md).
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QIODevice, QMargins, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

BAR = QColor("#3d7ab8")
BAR_LAST = QColor("#9bbbe0")  # the week still running: lighter, it is not finished
TEXT = QColor("#202020")
PALETTE = [QColor(c) for c in ("#3d7ab8", "#e08a2e", "#4f9d5a", "#c44e52", "#8172b2", "#937860",
                                "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd")]  # fmt: skip


class WeekChart(QChartView):
    """A chart of one bar per week: the title, the weeks below, the unit on the left."""

    bar_clicked = Signal(int)
    """The index of the bar clicked (the week, oldest first)."""

    def __init__(
        self, title: str, unit: str, series: QAbstractBarSeries, *, whole: bool = False
    ) -> None:
        super().__init__()
        self.title, self.unit, self.series = title, unit, series
        self.whole = whole  # counts: whole-number ticks
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = QChart()
        chart.setTitle(title)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitleBrush(TEXT)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        self.weeks = QBarCategoryAxis()
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.weeks.setLabelsFont(small)
        self.weeks.setLabelsAngle(-45)  # twelve dates side by side would be cut to "11.…"
        self.axis = QValueAxis()
        self.axis.setTitleText(unit)
        self.axis.setLabelFormat("%.0f")
        self.axis.setLabelsFont(QFont(self.font()))
        chart.addAxis(self.weeks, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(self.weeks)
        series.attachAxis(self.axis)
        self.setChart(chart)
        self.setMinimumHeight(240)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _scale(self, weeks: list[str], tops: list[float]) -> None:
        self.weeks.setCategories(weeks)
        top = max(tops, default=0.0)
        if self.whole and top <= 8:  # a few disputes: ticks at whole numbers, never "0.5"
            ceiling = int(top) + 1
            self.axis.setRange(0, ceiling)
            self.axis.setTickCount(ceiling + 1)
            return
        self.axis.setRange(0, top * 1.2 if top > 0 else 1.0)
        self.axis.applyNiceNumbers()

    def values(self) -> list[float]:
        """The bars' heights as drawn (a stack's total)."""
        sets = self.series.barSets()
        count = max((s.count() for s in sets), default=0)
        return [sum(s.at(i) for s in sets if i < s.count()) for i in range(count)]

    def bar_point(self, index: int) -> QPoint:
        """Where bar ``index`` is on the widget (half way up its lowest part)."""
        lowest = next((s.at(index) for s in self.series.barSets() if s.at(index) > 0), 0.0)
        scene = self.chart().mapToPosition(QPointF(index, lowest / 2), self.series)
        return self.mapFromScene(self.chart().mapToScene(scene))


class BarChart(WeekChart):
    """Bars over week labels, each value written above its bar in the chart's unit."""

    def __init__(self, title: str, unit: str, label_format: str, *, whole: bool = False) -> None:
        series = QBarSeries()
        super().__init__(title, unit, series, whole=whole)
        self.set = QBarSet(title)
        self.set.setColor(BAR)
        self.set.setBorderColor(BAR)
        self.set.setSelectedColor(BAR_LAST)
        self.set.setLabelColor(TEXT)
        self.set.clicked.connect(self.bar_clicked)
        series.append(self.set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat(label_format)  # e.g. "@value%", "@value 小时"

    def set_bars(self, weeks: list[str], values: list[float]) -> None:
        """One bar per week (oldest first), values rounded to one decimal as written."""
        rounded = [round(v, 1) for v in values]
        self.set.remove(0, self.set.count())
        self.set.append(rounded)
        self.set.deselectAllBars()
        if rounded:
            self.set.selectBar(len(rounded) - 1)
        self._scale(weeks, rounded)

    def label_format(self) -> str:
        return self.series.labelsFormat()


class StackedChart(WeekChart):
    """A bar per week made of one part per kind (complaints by category), with a legend."""

    def __init__(self, title: str, unit: str) -> None:
        super().__init__(title, unit, QStackedBarSeries(), whole=True)
        self.chart().legend().show()
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignTop)  # the weeks keep the width

    def set_stacks(self, weeks: list[str], parts: dict[str, list[float]]) -> None:
        self.series.clear()
        for n, (kind, values) in enumerate(parts.items()):
            part = QBarSet(kind)
            part.setColor(PALETTE[n % len(PALETTE)])
            part.append(values)
            part.clicked.connect(self.bar_clicked)
            self.series.append(part)
        totals = [sum(v[i] for v in parts.values()) for i in range(len(weeks))]
        self._scale(weeks, totals)

    def parts(self) -> dict[str, list[float]]:
        return {s.label(): [s.at(i) for i in range(s.count())] for s in self.series.barSets()}


def widget_image(widget: QWidget, scale: float = 2.0) -> QImage:
    """``widget`` rendered at ``scale`` times its size on screen (sharp in a PDF or a PNG)."""
    size = widget.size()
    image = QImage(
        int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_RGB32
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QWidget.render(widget, painter, QPoint())  # the widget as on screen, children included
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())
