"""One weekly bar chart drawn with Qt Charts; a click on a bar asks for the list behind it.

Qt Charts (PySide6-Addons) is the charting library: Qt's own, kept with Qt's releases, drawn
on Qt's graphics view with the application's fonts (Chinese included); a bar reports its own
click. The desktop bundle takes only what is imported: Qt Charts adds about 4 MB to it, where
pyqtgraph would have brought numpy and 46 MB, past the bundle's 300 MB (docs/supervision.md).
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QIODevice, QMargins, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

BAR = QColor("#3d7ab8")
BAR_LAST = QColor("#9bbbe0")  # the week still running: lighter, it is not finished
TEXT = QColor("#202020")


class BarChart(QChartView):
    """Bars over week labels, each value written above its bar in the chart's unit."""

    bar_clicked = Signal(int)
    """The index of the bar clicked (the week, oldest first)."""

    def __init__(
        self, title: str, unit: str, label_format: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title, self.unit = title, unit
        self._values: list[float] = []
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
        self.set = QBarSet(title)
        self.set.setColor(BAR)
        self.set.setBorderColor(BAR)
        self.set.setSelectedColor(BAR_LAST)
        self.set.setLabelColor(TEXT)
        self.set.clicked.connect(self.bar_clicked)
        self.series = QBarSeries()
        self.series.append(self.set)
        self.series.setBarWidth(0.7)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat(label_format)  # e.g. "@value%", "@value 小时"
        chart.addSeries(self.series)
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
        self.series.attachAxis(self.weeks)
        self.series.attachAxis(self.axis)
        self.setChart(chart)
        self.setMinimumHeight(240)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    # -- what is drawn ---------------------------------------------------------------------------
    def set_bars(self, weeks: list[str], values: list[float]) -> None:
        """One bar per week (oldest first), values rounded to one decimal as written."""
        self._values = [round(v, 1) for v in values]
        self.set.remove(0, self.set.count())
        self.set.append(self._values)
        self.set.deselectAllBars()
        if self._values:
            self.set.selectBar(len(self._values) - 1)
        self.weeks.setCategories(weeks)
        top = max(self._values, default=0.0)
        self.axis.setRange(0, top * 1.2 if top > 0 else 1.0)
        self.axis.applyNiceNumbers()

    def values(self) -> list[float]:
        """The bars' heights as drawn."""
        return [self.set.at(i) for i in range(self.set.count())]

    def label_format(self) -> str:
        return self.series.labelsFormat()

    # -- clicks ----------------------------------------------------------------------------------
    def bar_point(self, index: int) -> QPoint:
        """Where bar ``index`` is on the widget (half way up it)."""
        value = self._values[index]
        scene = self.chart().mapToPosition(QPointF(index, value / 2), self.series)
        return self.mapFromScene(self.chart().mapToScene(scene))


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
