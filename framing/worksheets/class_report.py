"""The class's agreement with the tool in plain words, from the class's side, with the rows that were skipped.

``framing agreement`` prints this after scoring (:func:`framing.agreement.agreement_table`):
one paragraph per coder and feature ("the class found 8 of the tool's 10
hedges; the tool found 6 of the class's 9"), kappa explained once and shown
as not meaningful where too few sentences were coded, then every skipped row
with its problem.

Example:
    >>> import pandas as pd
    >>> from framing.agreement import BadRow
    >>> row = dict(coder="", feature="hedge", n_units=12, n_tool=10, n_coder=9, n_matched=8, kappa=0.42,
    ...            kappa_note="", class_found_of_tool_pct=80.0, tool_found_of_class_pct=88.9)
    >>> text = class_summary(pd.DataFrame([row]), [BadRow(7, "text 'arround' not found")])
    >>> print(text.splitlines()[1])
    Hedges: the class found 8 of the tool's 10 hedges; the tool found 8 of the class's 9. Kappa over 12 sentences: 0.42.
    >>> "row 7: text 'arround' not found" in text
    True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from framing.agreement import KAPPA_EXPLAINED, BadRow
from framing.worksheets.answers import FEATURE_WORDS


def _sentence(r: dict[str, object]) -> str:
    """One coder's and feature's result in plain words."""
    words = FEATURE_WORDS.get(str(r["feature"]), str(r["feature"]))
    who = f"{r['coder']}" if r["coder"] else "the class"
    m, n_tool, n_coder = int(r["n_matched"]), int(r["n_tool"]), int(r["n_coder"])  # type: ignore[call-overload]
    found = (f"{who} found {m} of the tool's {n_tool} {words}" if n_tool
             else f"the tool found no {words} in the sentences {who} coded")
    back = f"the tool found {m} of {who}'s {n_coder}" if n_coder else f"{who} marked none"
    kappa = float(r["kappa"])  # type: ignore[arg-type]
    note = str(r["kappa_note"])
    if note:
        k = f"Kappa: {note}."
    elif not math.isnan(kappa):
        k = f"Kappa over {r['n_units']} sentences: {kappa:.2f}."
    else:
        k = ""
    head = words[0].upper() + words[1:]
    return f"{head}: {found}; {back}. {k}".rstrip()


def class_summary(table: pd.DataFrame, problems: Sequence[BadRow] = ()) -> str:
    """The agreement table and the skipped rows as text for the teacher (see the module example).

    Args:
        table: :func:`framing.agreement.agreement_table` output.
        problems: Rows skipped while reading the coding file.

    Returns:
        Lines of text, ending with a newline.
    """
    lines = ["How the class and the tool compare:"]
    lines += [_sentence(r) for r in table.to_dict("records")]
    lines.append(KAPPA_EXPLAINED)
    if problems:
        lines.append(f"{len(problems)} row{'s' if len(problems) != 1 else ''} skipped (fix and run again to "
                     "count them):")
        lines += [f"  {p}" for p in problems]
    return "\n".join(lines) + "\n"
