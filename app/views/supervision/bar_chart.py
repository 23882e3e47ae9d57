"""One weekly bar chart drawn with pyqtgraph; a click on a bar asks for the list behind it.

pyqtgraph (with numpy) is the charting library: it draws on Qt's own graphics view, so the
charts use the application's fonts (Chinese included) and print like any widget. QtCharts
would need PySide6-Addons, 422 MB installed (175 MB to download on every CI run) for 3 MB of
charts; pyqtgraph and numpy are 83 MB (docs/supervision.md, "Trends").
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

BAR = QColor("#3d7ab8")
BAR_LAST = QColor("#9bbbe0")  # the week still running: lighter, it is not finished
TEXT = QColor("#202020")
WIDTH = 0.7


class BarChart(pg.PlotWidget):
    """Bars over week labels, each value written above its bar."""

    bar_clicked = Signal(int)
    """The index of the bar clicked (the week, oldest first)."""

    def __init__(self, title: str, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.title, self.unit = title, unit
        self._values: list[float] = []
        self._texts: list[str] = []
        plot = self.getPlotItem()
        plot.setTitle(title, color=TEXT.name(), size=f"{self.font().pointSizeF() * 1.15:.0f}pt")
        plot.setLabel("left", unit, color=TEXT.name())
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=False, y=True, alpha=0.25)
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(TEXT)
            axis.setTextPen(TEXT)
            axis.setStyle(tickFont=QFont(self.font()))
        self.bars = pg.BarGraphItem(x=[], height=[], width=WIDTH)
        plot.addItem(self.bars)
        self._labels: list[pg.TextItem] = []
        self.setMinimumHeight(220)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.scene().sigMouseClicked.connect(self._clicked)

    # -- what is drawn ---------------------------------------------------------------------------
    def set_bars(self, weeks: list[str], values: list[float], texts: list[str]) -> None:
        """One bar per week (oldest first); ``texts`` are written above the bars."""
        plot = self.getPlotItem()
        self._values, self._texts = list(values), list(texts)
        xs = list(range(len(values)))
        brushes = [BAR] * len(values)
        if brushes:
            brushes[-1] = BAR_LAST
        self.bars.setOpts(x=xs, height=values, width=WIDTH, brushes=brushes, pen=None)
        for item in self._labels:
            plot.removeItem(item)
        self._labels = []
        for x, value, text in zip(xs, values, texts, strict=True):
            label = pg.TextItem(text, color=TEXT, anchor=(0.5, 1.0))
            label.setPos(x, value)
            plot.addItem(label)
            self._labels.append(label)
        # every second week's date when they would crowd a narrow chart
        step = 1 if self.width() > 560 else 2
        ticks = [(i, w) for i, w in enumerate(weeks) if (len(weeks) - 1 - i) % step == 0]
        plot.getAxis("bottom").setTicks([ticks])
        top = max(values, default=0.0)
        plot.setXRange(-0.6, len(values) - 0.4, padding=0)
        plot.setYRange(0, top * 1.18 if top > 0 else 1.0, padding=0)

    def values(self) -> list[float]:
        """The bars' heights as drawn."""
        return list(self._values)

    def texts(self) -> list[str]:
        return list(self._texts)

    # -- clicks ----------------------------------------------------------------------------------
    def bar_point(self, index: int) -> QPoint:
        """Where bar ``index`` is on the widget (its middle, or just above the axis if flat)."""
        view = self.getPlotItem().getViewBox()
        top = self._values[index]
        bottom_y = view.viewRange()[1][1] * 0.02
        scene = view.mapViewToScene(QPointF(index, max(top / 2, bottom_y)))
        return self.mapFromScene(scene)

    def _clicked(self, event) -> None:  # type: ignore[no-untyped-def]
        view = self.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        at = view.mapSceneToView(event.scenePos())
        index = round(at.x())
        if 0 <= index < len(self._values) and abs(at.x() - index) <= WIDTH / 2:
            # a flat (zero) bar still opens its week: the list says nothing was counted
            self.bar_clicked.emit(index)


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
