"""What goes wrong with an input, as every part reports it: convert (a seed, a sidecar),
`parkdigest check` and the output contract (an article's front-matter), the CLI that prints
them. Below all of them, so that none depends on another for its error type."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, reported as `file:line: message — hint`."""

    path: str
    message: str
    hint: str
    line: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message} — {self.hint}"
