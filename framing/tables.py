"""Write tidy tables (span table, audits) as CSV or Parquet, atomically and deterministically.

Example:
    >>> import pandas as pd, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_table(pd.DataFrame({"a": [1]}), p)
    >>> p.read_text()
    'a\\n1\\n'
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from framing.atomic import write_bytes


def write_table(df: pd.DataFrame, path: str | Path) -> None:
    """Write ``df`` to ``.csv`` (UTF-8, ``\\n``) or ``.parquet``, atomically."""
    target = Path(path)
    if target.suffix.lower() == ".parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        write_bytes(target, buf.getvalue())
    else:
        write_bytes(target, df.to_csv(index=False, lineterminator="\n").encode("utf-8"))
