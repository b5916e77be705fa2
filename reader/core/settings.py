"""The one typed settings object for analysis and reports (no Qt here)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

DEFAULT_STRICTNESS = 0.5


@dataclass(frozen=True, slots=True)
class AnalysisSettings:
    """Options that change grouping, alignment, word diffs and reports."""

    # 0.0 = group loosely, 1.0 = only near-identical copies.
    strictness: float = DEFAULT_STRICTNESS
    ignore_case: bool = False
    ignore_punctuation: bool = False
    # Treat curly/straight quotes, apostrophes and dash styles as equal.
    normalize_quotes: bool = True
    # Treat spelling variants of a name as equal (Zelenskyy / Zelensky / Zelenskiy).
    name_variants: bool = True
    # Outlet name or article id used as the reference version; None = automatic.
    reference: str | None = None
    # Report page size: "A4" or "Letter".
    page_size: str = "A4"

    def to_dict(self) -> dict[str, Any]:
        """Plain dict, for JSON and reports."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AnalysisSettings":
        """Build from a dict, ignoring unknown keys (old or newer settings files)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_changes(self, **changes: Any) -> "AnalysisSettings":
        """A copy with some fields changed."""
        return replace(self, **changes)
