"""Section 7, the validity card (how well each measure agrees with human annotation), and each measure's badge.

The figures are those written by ``framing validate --json``. Without that
file the card shows the figures measured at release, shipped with the package
(``framing/evaluation/validity_release.json``), with their date and version,
so a fresh install that has no gold data still says how accurate it is.
:data:`BADGES` maps each measure (by key prefix) to its headline validity
rows; :func:`badges` turns it into the figure, data set and a link to the
card's row, or says that the measure has no validity figure.

Example:
    >>> card = validity_card(None)
    >>> card["ran"], card["source"].startswith("measured at release")
    (True, True)
    >>> badges("frame_history_sentences_pct", card)[0]["text"]
    'no validity figure'
"""

from __future__ import annotations

import math
from importlib import resources
from pathlib import Path
from typing import Any

from framing.evaluation.run import ValidityFile, read_json

#: The validity file shipped with the package (measured at release).
RELEASE_FILE = "validity_release.json"

#: Measure key prefix -> headline validity rows: (validity measure, metric, text the data set contains).
#: The first prefix that matches a key wins; a key that matches none has no validity figure.
BADGES: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("label_about_", (("label target", "accuracy (dyad vs other)", "seeds"),)),
    ("label_negated_", (("label polarity", "accuracy", "seeds"),)),
    ("label_hypothetical_", (("label polarity", "accuracy", "seeds"),)),
    ("label_own_", (("label voice", "accuracy", "seeds"),)),
    ("label_sources_", (("label voice", "accuracy", "seeds"),)),
    ("label_", (("relationship labels", "F1 (core tier)", "seeds"),)),
    ("hedge_", (("hedge cues", "precision (hand-checked)", "polnear dev_articles"),
                ("hedge cues", "cue F1 (overlap)", "bioscope"))),
    ("booster_", (("booster cues", "precision (hand-checked)", "polnear dev_articles"),)),
    ("quote_share", (("direct quotes", "F1 (>=50% overlap)", "polnear dev"),)),
    ("paraphrase_share", (("indirect speech", "F1 (>=50% token overlap)", "polnear dev"),)),
    ("attributions_", (("direct quotes", "F1 (>=50% overlap)", "polnear dev"),
                       ("indirect speech", "F1 (>=50% token overlap)", "polnear dev"))),
    ("distinct_sources", (("quote speaker", "speaker accuracy", "polnear dev"),)),
    ("source_origin_", (("source origin", "accuracy", "seeds"),)),
    ("sentence", (("sentence sentiment (vader_news)", "3-class macro F1", "held-out"),)),
    ("actor_", (("tone toward actor (model)", "3-class macro F1", "held-out"),)),
    ("readability_", (("readability ({name})", "share of texts with all 3 levels in order", "onestopenglish"),)),
)


def _release() -> ValidityFile:
    return read_json(resources.files("framing.evaluation").joinpath(RELEASE_FILE))


def validity_card(validity: Path | None) -> dict[str, Any]:
    """The card's rows from a ``framing validate --json`` file, or the shipped release figures without one."""
    how = ("framing validate --json reports/validity.json   (or: make validity), then "
           "framing report --validity reports/validity.json")
    problem = ""
    try:
        data = read_json(validity) if validity is not None else _release()
    except (OSError, ValueError, TypeError, KeyError) as exc:
        name = validity.name if validity is not None else RELEASE_FILE
        return {"ran": False, "rows": [], "how": how, "problem": f"{name}: could not be read ({exc})",
                "source": ""}
    when = ", ".join(x for x in (data.measured_on, f"framing {data.framing_version}" if data.framing_version else "")
                     if x)
    if validity is None:
        source = f"measured at release, {when}" if when else "measured at release"
    else:
        source = f"from {validity.name}" + (f", measured {when}" if when else "")
    return {
        "ran": True, "how": how, "problem": problem, "source": source,
        "rows": [{"id": f"validity-{i + 1}", "measure": r.measure, "dataset": r.dataset, "metric": r.metric,
                  "raw": r.value, "value": "not run" if math.isnan(r.value) else f"{r.value:.3f}",
                  "target": r.target, "anchor": r.anchor, "n": f"{r.n:,}" if r.n else "", "note": r.note}
                 for i, r in enumerate(data.rows)],
    }


def badges(key: str, card: dict[str, Any]) -> list[dict[str, str]]:
    """The validity badges of one measure: figure, metric and data set, linking to the card's row.

    A measure with no mapped row, or whose rows the card lacks, gets one badge
    saying so (``href`` empty).
    """
    spec = next((rows for prefix, rows in BADGES if key.startswith(prefix)), ())
    name = key.removeprefix("readability_")
    out = []
    for measure, metric, dataset in spec:
        measure = measure.format(name=name)
        row = next((r for r in card["rows"] if r["measure"] == measure and r["metric"].startswith(metric)
                    and dataset in r["dataset"] and not math.isnan(r["raw"])), None)
        if row is not None:
            out.append({"text": f"{row['metric']} {float(row['raw']):.2f}", "dataset": row["dataset"],
                        "href": f"#{row['id']}", "title": f"{row['measure']}: {row['metric']} = {row['value']} "
                        f"on {row['dataset']} (n = {row['n'] or '?'}); {card['source']}"})
    if not out:
        out.append({"text": "no validity figure", "dataset": "", "href": "",
                    "title": "This measure has not been checked against human annotation."})
    return out
