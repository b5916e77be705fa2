"""The one typed settings object of the desktop app, stored in QSettings."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QSettings

from reader.core.settings import AnalysisSettings

THEMES = ("system", "light", "dark")
VIEWS = ("side", "reader", "map")


def _to_bool(value, default: bool) -> bool:
    # QSettings' INI backend hands booleans back as the strings "true"/"false".
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


class UiSettings:
    """Typed preferences (analysis options, theme, font size, last story, view, filter).

    Only window geometry/state bypass this object (they are opaque QByteArrays the
    main window saves itself); everything else is read and written here.
    """

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qs = qsettings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                          "Parallax", "parallax")

    @classmethod
    def at(cls, path: str) -> "UiSettings":
        """Settings stored in an explicit INI file (tests, portable installs)."""
        return cls(QSettings(path, QSettings.Format.IniFormat))

    @property
    def qsettings(self) -> QSettings:
        """The backing store (the main window keeps its geometry here)."""
        return self._qs

    def sync(self) -> None:
        """Flush to disk."""
        self._qs.sync()

    # -- analysis ---------------------------------------------------------------------------
    @property
    def analysis(self) -> AnalysisSettings:
        """The analysis options (grouping strictness, normalisation, reference, page size)."""
        default = AnalysisSettings()
        values = {}
        for f in fields(AnalysisSettings):
            raw = self._qs.value(f"analysis/{f.name}")
            dflt = getattr(default, f.name)
            if raw is None:
                values[f.name] = dflt
            elif isinstance(dflt, bool):
                values[f.name] = _to_bool(raw, dflt)
            elif isinstance(dflt, float):
                try:
                    values[f.name] = min(1.0, max(0.0, float(raw)))
                except (TypeError, ValueError):
                    values[f.name] = dflt
            elif f.name == "reference":
                values[f.name] = str(raw) or None
            else:
                values[f.name] = str(raw)
        return AnalysisSettings(**values)

    @analysis.setter
    def analysis(self, value: AnalysisSettings) -> None:
        for f in fields(AnalysisSettings):
            v = getattr(value, f.name)
            self._qs.setValue(f"analysis/{f.name}", "" if v is None else v)

    # -- appearance -------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        """system, light or dark."""
        value = str(self._qs.value("ui/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self._qs.setValue("ui/theme", value)

    @property
    def font_size(self) -> int:
        """Point size of the comparison text (8-32)."""
        try:
            size = int(self._qs.value("ui/font_size", 10))
        except (TypeError, ValueError):
            size = 10
        return min(32, max(8, size))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._qs.setValue("ui/font_size", int(value))

    @property
    def view(self) -> str:
        """The comparison view shown last: side, reader or map."""
        value = str(self._qs.value("ui/view", "side"))
        return value if value in VIEWS else "side"

    @view.setter
    def view(self, value: str) -> None:
        self._qs.setValue("ui/view", value if value in VIEWS else "side")

    @property
    def shared_only(self) -> bool:
        """Side by side shows only passages at least two versions share."""
        return _to_bool(self._qs.value("ui/shared_only"), False)

    @shared_only.setter
    def shared_only(self, value: bool) -> None:
        self._qs.setValue("ui/shared_only", bool(value))

    @property
    def feed_refresh_minutes(self) -> int:
        """Refresh feeds every this many minutes while the app runs; 0 = never (default)."""
        try:
            value = int(self._qs.value("feeds/refresh_minutes", 0))
        except (TypeError, ValueError):
            value = 0
        return min(24 * 60, max(0, value))

    @feed_refresh_minutes.setter
    def feed_refresh_minutes(self, value: int) -> None:
        self._qs.setValue("feeds/refresh_minutes", int(value))

    @property
    def missing_inline(self) -> bool:
        """Side by side shows a version's missing words inline, not as carets."""
        return _to_bool(self._qs.value("ui/missing_inline"), False)

    @missing_inline.setter
    def missing_inline(self, value: bool) -> None:
        self._qs.setValue("ui/missing_inline", bool(value))

    # -- session ----------------------------------------------------------------------------
    @property
    def last_story(self) -> str | None:
        """Id of the story selected when the app was closed."""
        value = self._qs.value("session/last_story")
        return str(value) if value else None

    @last_story.setter
    def last_story(self, value: str | None) -> None:
        self._qs.setValue("session/last_story", value or "")

    @property
    def sample_imported(self) -> bool:
        """Whether the first-run sample library was already offered."""
        return _to_bool(self._qs.value("session/sample_imported"), False)

    @sample_imported.setter
    def sample_imported(self, value: bool) -> None:
        self._qs.setValue("session/sample_imported", bool(value))
