from __future__ import annotations

import math

import pytest

from framing.attribution import prepare_doc
from framing.corpus.segmentation import count_words, split_sentences
from framing.evaluation.readability import ordered_share, read_onestopenglish
from framing.features.readability import MEASURES, mtld, readability, readability_table


def test_empty_text_is_nan_not_zero():
    m = readability("")
    assert m["n_words"] == 0 and m["n_sentences"] == 0
    for col in MEASURES:
        if not col.startswith("n_"):
            assert math.isnan(m[col]), col


def test_smog_undefined_below_three_sentences():
    assert math.isnan(readability("One sentence only. And a second one.")["smog_index"])


def test_sentence_length_uses_framing_segmentation():
    t = "Talks ended at 5 p.m. on Feb. 3. Dr. Smith of the U.N. disagreed with the U.S. view."
    m = readability(t)
    assert m["n_sentences"] == len(split_sentences(t)) == 2
    assert m["sentence_length_mean_words"] == count_words(t) / 2


def test_mtld_repetitive_text_lower_than_varied_text():
    rep = ("the war and the war and the war " * 20).split()
    varied = ("china russia alliance partnership sanctions energy trade summit olympics history "
              "economy military ukraine europe washington moscow beijing kremlin diplomacy talks").split() * 2
    assert mtld(rep) < mtld(varied)


def test_mtld_all_distinct_short_is_nan():
    assert math.isnan(mtld(["a", "b", "c"]))


def test_table_per_article_on_seeds(seed_corpus):
    df = readability_table([prepare_doc(a) for a in seed_corpus.articles[:2]] + seed_corpus.articles[2:])
    assert list(df.columns) == ["article_id", "outlet_id", *MEASURES]
    assert len(df) == len(seed_corpus)
    assert (df["fk_grade"].between(5, 25)).all()
    assert (df["n_words"] > 300).all()


def test_textstat_never_downloads(monkeypatch):
    import nltk

    def boom(*a, **k):
        raise AssertionError("nltk.download called")

    monkeypatch.setattr(nltk, "download", boom)
    import textstat

    textstat.flesch_kincaid_grade.cache_clear() if hasattr(textstat.flesch_kincaid_grade, "cache_clear") else None
    m = readability("The committee postponed its unprecedented deliberations. Nobody knew why. It rained.")
    assert not math.isnan(m["fk_grade"]) and not math.isnan(m["dale_chall"]) and not math.isnan(m["smog_index"])


def test_fk_orders_onestopenglish_levels(gold_dir):
    import pandas as pd

    if not (gold_dir / "onestopenglish").is_dir():
        pytest.skip("onestopenglish gold not found")
    man = read_onestopenglish(gold_dir)
    man = man[man["text_id"].isin(sorted(set(man["text_id"]))[:40])]
    vals = pd.DataFrame([readability(t) for t in man["text"]])
    df = pd.concat([man[["text_id", "level_rank"]].reset_index(drop=True), vals], axis=1)
    share, n = ordered_share(df, "fk_grade")
    assert n == 40 and share >= 0.9


def test_readability_measures_come_from_the_per_article_table():
    import pandas as pd

    from framing.features.readability import READABILITY_COLUMNS, measures

    assert [m.column for m in measures()] == list(READABILITY_COLUMNS)
    assert measures(pd.DataFrame({"feature": []})) == []
    assert [m.key for m in measures(None, pd.DataFrame({"mtld": [1.0]}))] == ["readability_mtld"]


# --- textstat_counts + textstat_scores give textstat 0.7.8's figures exactly (counted once, not once per formula) ---

_TEXTSTAT_HARD_CASES = [
    "",  # empty: textstat's 0.0 everywhere
    "...!?",  # punctuation only: no words, one regex sentence piece at most
    "I can't, won't and shouldn't; they'd've gone. 'Quoted' words' ends.",  # contraction vs quote apostrophes
    "Self-determination and state-of-the-art co-operation. E-mail me.",  # hyphens removed, words joined
    "İstanbul's ÉLITE met in 2024. 3.5% rose! Why? Ok.",  # case folding, digits, short pieces ignored
    "CİVİLİAN POLİTİCS in İNDİA. MONİTOR the ANİMAL. They agreed.",  # a word's syllables: punctuation out, then lower
    "One two. Three four five six seven. Eight nine ten eleven twelve thirteen.",  # a <= 2-word piece ignored
    "Unquestionably incomprehensible bureaucratization internationalization.",  # Pyphen words outside cmudict
]


def _textstat_reference(text: str) -> dict[str, float]:
    import textstat

    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "fk_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
    }


def _assert_same_as_textstat(texts: list[str]) -> None:
    from framing.features.readability import textstat_counts, textstat_scores

    for text in texts:
        ours, ref = textstat_scores(textstat_counts(text)), _textstat_reference(text)
        assert set(ours) == set(ref)
        for col, val in ref.items():
            assert ours[col] == val, (col, ours[col], val, text[:120])  # same operations: exactly equal


def test_textstat_counts_give_textstat_figures_on_hard_cases():
    _assert_same_as_textstat(_TEXTSTAT_HARD_CASES)


def test_textstat_counts_give_textstat_figures_on_the_seeds(seed_corpus):
    _assert_same_as_textstat([a.text for a in seed_corpus.articles] + [a.raw_text for a in seed_corpus.articles])


def test_textstat_counts_give_textstat_figures_on_allsides(allsides_texts):
    texts = allsides_texts(300)
    assert len(texts) == 300
    _assert_same_as_textstat(texts)


def test_readability_keeps_the_textstat_wrapper_figures(seed_corpus):
    # readability() = textstat's figures where framing counts words and sentences, SMOG from 3 sentences.
    for art in seed_corpus.articles:
        m, ref = readability(art.text), _textstat_reference(art.text)
        for col, val in ref.items():
            assert m[col] == val, col


def test_analysis_counts_give_the_table_recounting_gives(seed_corpus, seed_analysis):
    """The comparison passes the analysis's word and sentence counts instead of segmenting the texts again:
    the table must be the one recounting gives, and the counts must be the ones used."""
    arts = seed_analysis.articles
    counts = {str(a): (int(w), int(n)) for a, w, n in zip(arts["article_id"], arts["n_words"], arts["n_sentences"],
                                                            strict=True)}
    recounted = readability_table(seed_corpus.articles)
    given = readability_table(seed_corpus.articles, counts=counts)
    assert given.equals(recounted)
    first = seed_corpus.articles[0]
    doubled = readability_table([first], counts={first.id: (2 * counts[first.id][0], counts[first.id][1])})
    assert doubled["n_words"].iloc[0] == 2 * recounted["n_words"].iloc[0]
