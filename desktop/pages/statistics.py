"""The statistics page: clues by model and status, the funnel, clues and cases per month."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.views import ClueStatistics, CountSeries, cases_per_month, clue_statistics
from desktop.context import AppContext
from desktop.labels import status_label
from desktop.operations import Change, Job, Operation
from desktop.pages.base import Page

STATUS_COLOURS = {
    "new": "#5b8def",
    "reviewing": "#f0a73a",
    "confirmed": "#2e9e5b",
    "dismissed": "#9aa5b1",
    "transferred": "#8e6bd8",
    "suggestion_issued": "#d9534f",
    "closed": "#4a4a4a",
}


@dataclass(frozen=True)
class Figures:
    clues: ClueStatistics | None
    cases: CountSeries


class ChartBox(QGroupBox):
    """A chart with its title and an "export PNG" button."""

    def __init__(self, title: str, export_label: str, name: str) -> None:
        super().__init__(title)
        self.name = name
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(240)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: gray")
        self.export_button = QPushButton(export_label)
        self.export_button.setObjectName(f"export_{name}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout.addLayout(row)

    def reset(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def set_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    def save_png(self, path: Path) -> Path:
        """Write the chart as a PNG at twice the screen resolution."""
        pixmap = self.view.grab()
        if not pixmap.save(str(path), "PNG"):
            from core.errors import UserError

            raise UserError(f"无法保存图片：{path}")
        return path


class StatisticsPage(Page):
    interests = Change.CLUES | Change.DRAFTS | Change.CASES | Change.MODELS | Change.WORKSPACE

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Statistics"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(title)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        export = self.tr("Export PNG…")
        self.by_model = ChartBox(self.tr("Clues by model and status"), export, "by_model")
        self.funnel = ChartBox(self.tr("From clue to reply"), export, "funnel")
        self.per_month = ChartBox(self.tr("Clues raised per month"), export, "per_month")
        self.cases = ChartBox(self.tr("Cases filed per month"), export, "cases")
        self.boxes = (self.by_model, self.funnel, self.per_month, self.cases)
        for i, box in enumerate(self.boxes):
            grid.addWidget(box, i // 2, i % 2)
            box.export_button.clicked.connect(lambda _=False, b=box: self.export(b))
        layout.addWidget(grid_host, 1)
        self.figures: Figures | None = None

    def refresh(self) -> None:
        ws = self.ctx.ws

        def work(job: Job) -> Figures:
            return Figures(clue_statistics(ws), cases_per_month(ws))

        Operation(self, work, title=self.tr("Counting"), lane="read", dialog=False).success(
            self._show
        ).run()

    def _show(self, figures: Figures) -> None:
        self.figures = figures
        stats = figures.clues
        no_clues = self.tr("No clues yet: run the models first.")
        self._by_model(stats, no_clues)
        self._funnel(stats, no_clues)
        self._months(
            self.per_month, stats.per_month if stats else CountSeries(), self.tr("Clues"), no_clues
        )
        self._months(self.cases, figures.cases, self.tr("Cases"), self.tr("No cases yet."))

    def _by_model(self, stats: ClueStatistics | None, empty: str) -> None:
        box = self.by_model
        box.reset()
        if not stats or not stats.by_model_status:
            box.set_empty(empty)
            return
        box.set_empty("")
        models = sorted({m for m, _s, _n in stats.by_model_status})
        counts = {(m, s): n for m, s, n in stats.by_model_status}
        series = QHorizontalStackedBarSeries()
        for status, colour in STATUS_COLOURS.items():
            values = [counts.get((m, status), 0) for m in models]
            if not any(values):
                continue
            bar = QBarSet(status_label(status))
            bar.setColor(QColor(colour))
            bar.append(values)
            series.append(bar)
        self._attach(box, series, models, horizontal=True)
        # Model names are long Chinese phrases: show them whole (smaller) rather than "…".
        axis = box.chart.axes(Qt.Orientation.Vertical)[0]
        axis.setTruncateLabels(False)
        font = axis.labelsFont()
        font.setPointSizeF(max(7.5, font.pointSizeF() - 1.5))
        axis.setLabelsFont(font)

    def _funnel(self, stats: ClueStatistics | None, empty: str) -> None:
        box = self.funnel
        box.reset()
        if not stats or not stats.funnel[0][1]:
            box.set_empty(empty)
            return
        box.set_empty("")
        stages = [
            self.tr("Clues"),
            self.tr("Confirmed"),
            self.tr("Suggestion issued"),
            self.tr("Replied"),
        ]
        values = [n for _label, n in stats.funnel]
        bar = QBarSet(self.tr("Clues"))
        bar.setColor(QColor("#2b5797"))
        bar.append(list(reversed(values)))
        bar.setLabelColor(QColor("#222"))
        series = QHorizontalBarSeries()
        series.append(bar)
        series.setLabelsVisible(True)
        self._attach(box, series, list(reversed(stages)), horizontal=True)
        box.chart.legend().setVisible(False)

    def _months(self, box: ChartBox, data: CountSeries, label: str, empty: str) -> None:
        box.reset()
        if not data.labels:
            box.set_empty(empty)
            return
        box.set_empty("")
        bar = QBarSet(label)
        bar.setColor(QColor("#2b5797"))
        bar.append(data.values)
        series = QBarSeries()
        series.append(bar)
        series.setBarWidth(0.6 if len(data.labels) > 3 else 0.3)
        many = len(data.labels) > 8
        # Two years of months only fit as short labels standing upright: 24-03.
        labels = [m[2:] if many else m for m in data.labels]
        self._attach(box, series, labels, horizontal=False)
        box.chart.legend().setVisible(False)
        axis = box.chart.axes(Qt.Orientation.Horizontal)[0]
        axis.setLabelsAngle(-90 if many else 0)
        axis.setTruncateLabels(False)
        font = axis.labelsFont()
        font.setPointSizeF(7.5 if many else font.pointSizeF())
        axis.setLabelsFont(font)

    @staticmethod
    def _attach(box: ChartBox, series: Any, categories: list[str], horizontal: bool) -> None:
        chart = box.chart
        chart.addSeries(series)
        cat = QBarCategoryAxis()
        cat.append(categories)
        value = QValueAxis()
        value.setLabelFormat("%d")
        # The longest bar: stacked sets add up, so sum per category.
        top = max(
            (sum(s.at(i) for s in series.barSets()) for i in range(len(categories))), default=0
        )
        value.setRange(0, max(1, top * 1.1))
        value.applyNiceNumbers()
        chart.addAxis(
            cat, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        )
        chart.addAxis(
            value, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        )
        series.attachAxis(cat)
        series.attachAxis(value)

    def export(self, box: ChartBox) -> None:
        default = self.ctx.ws.exports_dir / f"{box.title()}.png"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), str(default), "PNG (*.png)"
        )
        if path:
            box.save_png(Path(path))
            self.ctx.show_status(self.tr("Chart saved: %1").replace("%1", path))
