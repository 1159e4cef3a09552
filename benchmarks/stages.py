"""Where the CPU time of ``framing analyze`` goes, stage by stage, in one process (serial).

Stages: load and clean; segment + voice attribution (``prepare_doc``); each feature family's
extractor; building the span table; writing Parquet. CPU seconds per stage (``time.process_time``).

Usage: python benchmarks/stages.py CORPUS.jsonl   (prints JSON: stage -> CPU seconds)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def main(path: str) -> int:
    t0 = time.process_time()
    from framing.attribution import prepare_doc
    from framing.corpus.loading import iter_corpus
    from framing.features import FAMILIES, get_extractor
    from framing.model import Article, spans_to_frame
    from framing.story import default_story

    cost: dict[str, float] = defaultdict(float)
    cost["import"] = time.process_time() - t0
    story = default_story()
    extractors = {f: get_extractor(f) for f in FAMILIES}
    spans = []
    t = time.process_time()
    articles = [a for a in iter_corpus(path) if isinstance(a, Article)]
    cost["load_clean"] = time.process_time() - t
    for article in articles:
        t = time.process_time()
        doc = prepare_doc(article, story=story)
        cost["segment_attribute"] += time.process_time() - t
        for family, extract in extractors.items():
            t = time.process_time()
            spans.extend(extract(doc, story=story))
            cost[f"extract_{family}"] += time.process_time() - t
    t = time.process_time()
    table = spans_to_frame(spans)
    cost["span_table"] = time.process_time() - t
    t = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        table.to_parquet(Path(tmp) / "spans.parquet", index=False)
    cost["write"] = time.process_time() - t
    print(json.dumps({k: round(v, 2) for k, v in cost.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
