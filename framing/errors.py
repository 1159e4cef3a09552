"""Errors and message helpers (one place for how problems are worded).

Example:
    >>> str(InputError("seeds/x.txt", "empty file"))
    'seeds/x.txt: empty file'
"""

from __future__ import annotations


class FramingError(Exception):
    """Base class for errors the CLI reports as one line (exit code 2)."""


class InputError(FramingError):
    """A corpus path or file that cannot be used."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class LexiconError(FramingError):
    """A malformed lexicon or configuration file: names file, line and problem."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


def value_invalid_msg(name: str, value: object, valid: object) -> str:
    """Word an invalid option the same way everywhere.

    Example:
        >>> value_invalid_msg("level", "x", ["intro", "advanced"])
        "`level` value 'x' is invalid; it must be one of ['intro', 'advanced']"
    """
    return f"`{name}` value {value!r} is invalid; it must be one of {valid!r}"
