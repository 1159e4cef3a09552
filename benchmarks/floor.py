"""The floor of `make bench`: the least any per-sentence sentiment tool must do, as one process.

Reads the same JSONL corpus as ``framing analyze``, splits sentences with a regex, tokenises with a regex
and runs VADER on every sentence. Nothing else: no cleaning, no attribution, no output file.

Usage: python benchmarks/floor.py CORPUS.jsonl   (prints sentences and tokens as JSON)
"""

from __future__ import annotations

import json
import re
import sys

SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


def main(path: str) -> int:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    n_sent = n_tok = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            for m in SENTENCE_RE.finditer(text):
                sentence = m.group(0).strip()
                if not sentence:
                    continue
                n_tok += len(TOKEN_RE.findall(sentence))
                analyzer.polarity_scores(sentence)
                n_sent += 1
    print(json.dumps({"sentences": n_sent, "tokens": n_tok}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
