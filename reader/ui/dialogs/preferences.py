"""Preferences dialog: grouping, normalisation, reference, theme, font size, page size, feeds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QSlider, QSpinBox, QVBoxLayout,
                               QWidget)

from reader.core.settings import DEFAULT_STRICTNESS

from reader.ui.settings import THEMES, UiSettings


class PreferencesDialog(QDialog):
    """Edits the one settings object; `apply()` writes it back."""

    def __init__(self, settings: UiSettings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(480)
        self._settings = settings
        a = settings.analysis
        self.strictness = QSlider(Qt.Orientation.Horizontal)
        self.strictness.setRange(0, 100)
        self.strictness.setValue(round(a.strictness * 100))
        self.strictness.setToolTip("Left: group loosely. Right: only near-identical copies.")
        self.strictness.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.strictness.setTickInterval(10)
        self.strictness_value = QLabel()
        self.strictness.valueChanged.connect(self._show_strictness)
        self._show_strictness(self.strictness.value())
        strict_row = QWidget()
        row = QHBoxLayout(strict_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("loose"))
        row.addWidget(self.strictness, 1)
        row.addWidget(QLabel("strict"))
        row.addWidget(self.strictness_value)
        self.ignore_case = QCheckBox("Ignore case in word differences")
        self.ignore_case.setChecked(a.ignore_case)
        self.ignore_punct = QCheckBox("Ignore punctuation")
        self.ignore_punct.setChecked(a.ignore_punctuation)
        self.quotes = QCheckBox("Treat quote and dash styles as equal")
        self.quotes.setChecked(a.normalize_quotes)
        self.names = QCheckBox("Treat spelling variants of names as equal")
        self.names.setChecked(a.name_variants)
        self.reference = QLineEdit(a.reference or "")
        self.reference.setPlaceholderText("automatic (or an outlet name)")
        self.theme = QComboBox()
        self.theme.addItems(THEMES)
        self.theme.setCurrentText(settings.theme)
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 32)
        self.font_size.setValue(settings.font_size)
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setCurrentText(a.page_size)
        self.feed_minutes = QSpinBox()
        self.feed_minutes.setRange(0, 24 * 60)
        self.feed_minutes.setSingleStep(15)
        self.feed_minutes.setSuffix(" min")
        self.feed_minutes.setSpecialValueText("off")
        self.feed_minutes.setValue(settings.feed_refresh_minutes)
        self.feed_minutes.setToolTip("Refresh feeds periodically while Parallax is open "
                                     "(the only time it uses the network)")
        form = QFormLayout()
        form.addRow("Grouping strictness", strict_row)
        form.addRow("", self.ignore_case)
        form.addRow("", self.ignore_punct)
        form.addRow("", self.quotes)
        form.addRow("", self.names)
        form.addRow("Reference version", self.reference)
        form.addRow("Theme", self.theme)
        form.addRow("Text size", self.font_size)
        form.addRow("PDF page size", self.page_size)
        form.addRow("Refresh feeds every", self.feed_minutes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _show_strictness(self, value: int) -> None:
        default = " (default)" if value == round(DEFAULT_STRICTNESS * 100) else ""
        self.strictness_value.setText(f"{value / 100:.2f}{default}")

    def apply(self) -> bool:
        """Store the dialog's values; True if the analysis options changed."""
        before = self._settings.analysis
        after = before.with_changes(
            strictness=self.strictness.value() / 100,
            ignore_case=self.ignore_case.isChecked(),
            ignore_punctuation=self.ignore_punct.isChecked(),
            normalize_quotes=self.quotes.isChecked(),
            name_variants=self.names.isChecked(),
            reference=self.reference.text().strip() or None,
            page_size=self.page_size.currentText(),
        )
        self._settings.analysis = after
        self._settings.theme = self.theme.currentText()
        self._settings.font_size = self.font_size.value()
        self._settings.feed_refresh_minutes = self.feed_minutes.value()
        return after != before
