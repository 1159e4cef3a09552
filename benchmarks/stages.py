"""Where the CPU time of ``framing analyze`` goes, stage by stage, in one process (serial).

Stages: import; loading (JSONL read, no cleaning) and cleaning (the rest of ``iter_corpus``); sentence
segmentation; voice attribution (quotes, paraphrase, speakers); each feature family's extractor; building the
span table; what would cross a process boundary (pickling each chunk's articles and its span table, as the
joblib engine sends them); writing Parquet. CPU seconds per stage (``time.process_time``).

Usage: python benchmarks/stages.py CORPUS.jsonl   (prints JSON: stage -> CPU seconds)
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def main(path: str) -> int:
    t0 = time.process_time()
    import pandas as pd
    import pyarrow.parquet  # noqa: F401  (what writing Parquet imports)

    from framing.attribution import attribute
    from framing.corpus.loading import iter_corpus
    from framing.corpus.segmentation import split_sentences_with_cuts
    from framing.document import Doc
    from framing.features import FAMILIES, get_extractor
    from framing.model import Article, spans_to_frame
    from framing.story import default_story

    story = default_story()
    extractors = {f: get_extractor(f) for f in FAMILIES}
    cost: dict[str, float] = defaultdict(float)
    cost["import"] = time.process_time() - t0  # with the story and lexicons: what every process pays first
    t = time.process_time()
    raw = [a for a in iter_corpus(path, clean="off") if isinstance(a, Article)]
    cost["load"] = time.process_time() - t
    t = time.process_time()
    articles = [a for a in iter_corpus(path) if isinstance(a, Article)]
    cost["clean"] = max(0.0, time.process_time() - t - cost["load"])
    del raw
    frames = []
    for i in range(0, len(articles), 25):
        spans = []
        for article in articles[i : i + 25]:
            t = time.process_time()
            sentences, cut = split_sentences_with_cuts(article.text)
            cost["segment"] += time.process_time() - t
            t = time.process_time()
            doc = attribute(Doc(article=article, sentences=sentences, cut=cut), story=story)
            cost["attribute"] += time.process_time() - t
            for family, extract in extractors.items():
                t = time.process_time()
                spans.extend(extract(doc, story=story))
                cost[f"extract_{family}"] += time.process_time() - t
        t = time.process_time()
        frame = spans_to_frame(spans)
        cost["span_table"] += time.process_time() - t
        t = time.process_time()
        pickle.loads(pickle.dumps((articles[i : i + 25], frame), protocol=pickle.HIGHEST_PROTOCOL))
        cost["ipc_pickle"] += time.process_time() - t
        frames.append(frame)
    t = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        pd.concat(frames, ignore_index=True).to_parquet(Path(tmp) / "spans.parquet", index=False)
    cost["write"] = time.process_time() - t
    print(json.dumps({k: round(v, 2) for k, v in cost.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
