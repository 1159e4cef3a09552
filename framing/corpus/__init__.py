"""Corpus input: loading, decoding, cleaning, segmentation, language.

Modules: :mod:`~framing.corpus.loading` (folders, HTML, JSONL and CSV into a
:class:`~framing.model.Corpus`), :mod:`~framing.corpus.decoding` (bytes to
text), :mod:`~framing.corpus.cleaning` (page furniture removed, by the rules of
:mod:`~framing.corpus.line_rules`; the standfirst kept, by
:mod:`~framing.corpus.standfirst`), :mod:`~framing.corpus.language` (a guess
of the language), :mod:`~framing.corpus.segmentation` (sentences and words
with offsets).

Example:
    >>> from framing.corpus import count_words, load_corpus
    >>> len(load_corpus()), count_words("Xi met Putin.")
    (5, 3)
"""

from framing.corpus.cleaning import CleanResult, clean_text
from framing.corpus.decoding import MAX_FILE_BYTES, Decoded, DecodeError, decode_bytes
from framing.corpus.language import guess_language
from framing.corpus.loading import default_corpus_path, iter_corpus, load_corpus, make_article, slugify
from framing.corpus.segmentation import WORD_RE, count_words, split_sentences, tokenize

__all__ = [
    "MAX_FILE_BYTES",
    "WORD_RE",
    "CleanResult",
    "DecodeError",
    "Decoded",
    "clean_text",
    "count_words",
    "decode_bytes",
    "default_corpus_path",
    "guess_language",
    "iter_corpus",
    "load_corpus",
    "make_article",
    "slugify",
    "split_sentences",
    "tokenize",
]
