"""Problems found in the input, each with the place it was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factsite.problems.messages import MESSAGES


@dataclass(frozen=True, order=True)
class Mark:
    """A place in an input file: 1-based line and column."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One error or warning, located, with a hint and optional detail lines."""

    mark: Mark
    code: str
    message: str
    hint: str = ""
    details: tuple[str, ...] = ()
    severity: str = "error"

    def format(self) -> str:
        lines = [f"{self.mark}: {self.severity}: {self.message}"]
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        lines.extend(f"  {d}" for d in self.details)
        return "\n".join(lines)


@dataclass
class Problems:
    """Collects every problem of a run so they can be reported at once; warnings do not stop a build."""

    items: list[Problem] = field(default_factory=list)  # errors
    warnings: list[Problem] = field(default_factory=list)

    def add(self, mark: Mark, code: str, *, details: tuple[str, ...] = (), **args: Any) -> None:
        msg = MESSAGES[code]
        problem = Problem(mark, code, msg.text.format(**args), msg.hint.format(**args), details,
                          "warning" if msg.warning else "error")
        (self.warnings if msg.warning else self.items).append(problem)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        """Errors in file order, root causes first: a duplicate id explains the errors it sets off."""
        return sorted(self.items, key=lambda p: (not MESSAGES[p.code].root, p.mark, p.message))

    def sorted_warnings(self) -> list[Problem]:
        return sorted(self.warnings, key=lambda p: (p.mark, p.message))


class BuildError(Exception):
    """Raised by a stage when input problems stop the build."""

    def __init__(self, problems: Problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
