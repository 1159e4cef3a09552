"""Relationship labels: hard cases (one per rule) and the seed gold."""

from __future__ import annotations

import math

import pytest

from framing.attribution import prepare_doc
from framing.evaluation import default_gold_dir
from framing.evaluation.labels import validate
from framing.features.labels import extract, make_label_extractor
from framing.model import Article
from framing.story import load_story, packaged_stories


def _labels(text: str) -> list[tuple[str, str, str, str]]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [(s.text, s.category, s.polarity, s.target) for s in extract(doc)]


def test_negation_by_no_means_scopes_over_marriage_of_convenience() -> None:
    out = _labels("China and Russia are a strategic partnership and by no means a marriage of convenience.")
    assert ("marriage of convenience", "convenience", "negated", "china-russia") in out
    assert ("strategic partnership", "partnership", "affirmed", "china-russia") in out


def test_negation_does_not_cross_but() -> None:
    out = _labels("Russia and China have not created a formal military alliance, but they act as a military union.")
    assert [(t, p) for t, _, p, _ in out] == [("military alliance", "negated"), ("military union", "affirmed")]


def test_negation_skips_parenthetical_comma() -> None:
    out = _labels("The Russia-China relationship has not, despite the plans of both countries, become an alliance.")
    assert out[-1][:3] == ("alliance", "alliance", "negated")


def test_not_only_is_not_negation() -> None:
    assert _labels("For China, Russia is not only a partner but a friend.")[0][2] == "affirmed"


def test_target_western_alliance_is_not_the_dyad() -> None:
    out = _labels("The Western Alliance imposed sanctions on Russia and China.")
    assert out[0][3] == "western-alliance"


def test_target_nato_allies_is_other() -> None:
    assert _labels("NATO allies met as China and Russia held drills.")[0][3] == "nato"


def test_target_us_and_its_allies_is_other() -> None:
    assert _labels("China and Russia oppose the United States and its allies.")[0][3] == "us-allies"


def test_whole_words_only_no_hit_inside_words() -> None:
    assert _labels("Especially, China really formally ended the blockade at the rally in Russia.") == []


def test_quasi_alliance_is_one_hit() -> None:
    out = _labels("Russia and China form a quasi-alliance.")
    assert [t for t, *_ in out] == ["quasi-alliance"]


def test_hypothetical_could_become_allies() -> None:
    assert _labels("China and Russia could become allies.")[0][2] == "hypothetical"


def test_hypothetical_does_not_touch_presupposed_definite_label() -> None:
    out = _labels("There are no limits to how far the quasi-alliance between Moscow and Beijing could develop.")
    assert out[0][2] == "affirmed"


def test_questioned_when_outlet_asks() -> None:
    assert _labels("Is it a friendship?")[0][2] == "questioned"


def test_convenience_alone_needs_of() -> None:
    assert _labels("For convenience, Russia and China met.") == []
    assert _labels("Analysts dismiss the Russia-China partnership as one of convenience.")[1][1] == "convenience"


def test_organisation_name_picture_alliance_excluded() -> None:
    assert _labels("Xi and Putin in Beijing. Photo: picture alliance") == []


def test_friend_of_people_needs_an_actor() -> None:
    assert _labels("He met friends for dinner.") == []


def test_may_the_month_is_no_hypothetical_cue() -> None:
    assert _labels("In May, Xi and Putin met their allies.")[0][2] == "affirmed"


def test_user_lexicon_and_dyad_swap(tmp_path) -> None:
    (tmp_path / "lex.tsv").write_text(
        "# name: mine\n# version: 1\n# source: test\nterm\tcategory\nentente\talliance\n", encoding="utf-8"
    )
    (tmp_path / "actors.tsv").write_text(
        "# name: d\n# version: 1\n# source: test\n"
        "term\tactor\tkind\tparty\tlabel_target\torigin\nBritain\tuk\tstate\tuk\t\teurope\n"
        "France\tfrance\tstate\tfrance\t\teurope\n",
        encoding="utf-8",
    )
    (tmp_path / "story.toml").write_text(
        'name = "UK–France"\ndyad = "uk-france"\nmembers = ["uk", "france"]\nactors = "actors.tsv"\n'
        'labels = "lex.tsv"\n',
        encoding="utf-8",
    )
    ex = make_label_extractor(story=load_story(tmp_path / "story.toml"))
    t = "Britain and France renewed their entente, not an alliance."
    spans = ex(prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=t, text=t)))
    assert [(s.label, s.target) for s in spans] == [("entente", "uk-france")]


def test_another_story_places_its_own_dyad() -> None:
    t = "India and the US are natural allies, and New Delhi wants a strategic partnership with Washington."
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    india_us = load_story(packaged_stories()["india_us"])
    got = [(s.label, s.target) for s in extract(doc, story=india_us)]
    assert got == [("ally", "india-us"), ("strategic partnership", "india-us")]
    assert [s.target for s in extract(doc)] == ["us-allies", "india"]  # the sample story knows no such pair


def test_seed_gold_meets_targets() -> None:
    gold = default_gold_dir()
    if not (gold / "seeds" / "relationship_labels.jsonl").is_file():
        pytest.skip(f"seed gold absent under {gold}")
    rows = {(r.measure, r.metric): r.value for r in validate(gold)}
    assert rows[("relationship labels", "F1 (core tier)")] >= 0.95
    assert rows[("label polarity", "accuracy")] >= 0.90
    assert rows[("label target", "accuracy (dyad vs other)")] >= 0.90
    assert not math.isnan(rows[("label voice", "accuracy")])


def test_negation_of_one_noun_phrase_stops_at_but():
    from framing.attribution import prepare_doc
    from framing.features.labels import extract
    from framing.model import Article

    t = "China and Russia have no alliance but a partnership."
    doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    assert [(s.label, s.polarity) for s in extract(doc)] == [("alliance", "negated"), ("partnership", "affirmed")]


def test_label_inside_quotation_marks_is_the_sources_voice_with_its_speaker():
    from framing.attribution import prepare_doc
    from framing.features.labels import extract
    from framing.model import Article

    t = ('China and Russia are close. "Our relationship is by no means a marriage of convenience," '
         "said Fu Ying, a former Chinese vice foreign minister. Beijing calls its ties with Moscow a partnership.")
    doc = prepare_doc(Article(id="a", outlet_id="o", outlet_name="O", raw_text=t, text=t))
    got = [(s.label, s.polarity, s.voice, s.speaker) for s in extract(doc)]
    assert got[0] == ("marriage of convenience", "negated", "direct_quote", "Fu Ying")
    assert got[1][:2] == ("partnership", "affirmed") and got[1][2] != "direct_quote"


def test_measures_of_everything_list_every_category_and_polarity_of_the_story():
    from framing.features.labels import measures
    from framing.lexicons import load_lexicon
    from framing.model import POLARITIES

    keys = [m.key for m in measures()]
    categories = {r["category"] for r in load_lexicon("relationship_labels").rows} - {"exclude"}
    assert {f"label_{c}_per_1000_words" for c in categories} | {f"label_{p}_per_1000_words" for p in POLARITIES} \
        <= set(keys)
    assert keys[0] == "label_per_1000_words" and keys[-1] == "label_about_other_relationships_per_1000_words"


def test_story_measures_count_only_the_dyad_and_other_targets_get_their_own_rows():
    from framing.features.labels import OTHER_GROUP, measures
    from framing.model import Span, spans_to_frame

    def label(start: int, target: str) -> Span:
        return Span("a", "o", "relationship_label", start, start + 4, "ally", 0, label="ally", category="alliance",
                    polarity="questioned", target=target)

    spans = spans_to_frame([label(0, "china-russia"), label(10, "us-allies"), label(20, "us-allies"),
                            label(30, "nato")])
    got = {m.key: m for m in measures(spans)}
    assert list(got) == [
        "label_per_1000_words", "label_alliance_per_1000_words", "label_affirmed_per_1000_words",
        "label_negated_per_1000_words", "label_questioned_per_1000_words", "label_own_per_1000_words",
        "label_sources_per_1000_words", "label_about_other_relationships_per_1000_words",
        "label_about_us_allies_per_1000_words"]  # nato has one hit: no row of its own
    story_rows = [m for m in got.values() if m.group != OTHER_GROUP]
    assert all(("target", ("china-russia",)) in m.where for m in story_rows)
    assert "China–Russia relations" in story_rows[0].group and "China–Russia relations" in story_rows[0].name
    assert got["label_about_other_relationships_per_1000_words"].where == (("target", ("nato", "us-allies")),)
    assert measures(spans.iloc[0:0]) == []


def test_seed_comparison_story_label_rates_equal_the_labels_with_the_dyad_target(seed_analysis):
    """The check of issue 13: each story label rate is 1000 x (labels with the dyad's target) / words."""
    import framing

    spans, story = seed_analysis.spans, seed_analysis.story
    labels = spans[spans["feature"] == "relationship_label"]
    words = seed_analysis.articles.groupby("outlet_id")["n_words"].sum()
    table = framing.compare(seed_analysis, reps=20).to_frame().set_index(["measure", "outlet_id"])
    checks = {
        "label_per_1000_words": labels["target"] == story.dyad,
        "label_alliance_per_1000_words": (labels["target"] == story.dyad) & (labels["category"] == "alliance"),
        "label_negated_per_1000_words": (labels["target"] == story.dyad) & (labels["polarity"] == "negated"),
        "label_about_other_relationships_per_1000_words": labels["target"] != story.dyad,
    }
    for key, mask in checks.items():
        counts = labels[mask].groupby("outlet_id").size()
        for outlet, n_words in words.items():
            row = table.loc[(key, outlet)]
            n = int(counts.get(outlet, 0))
            assert int(row["n_hits"]) == n, (key, outlet)
            assert row["value"] == pytest.approx(1000 * n / n_words), (key, outlet)
    # The example: none of the Romanian site's three "alliance" hits is about the dyad.
    ro = labels[(labels["outlet_id"] == "ro-site") & (labels["category"] == "alliance")]
    assert len(ro) == 3 and set(ro["target"]) == {"western-alliance", "russia-generic"}
    assert table.loc[("label_alliance_per_1000_words", "ro-site"), "n_hits"] == 0


def test_target_the_two_is_the_dyad_only_when_both_members_are_named_nearby() -> None:
    """ "The two are still friends" in an article about two senators is not about the story's pair."""
    assert [t for *_, t in _labels("The senators met in 1990. The two are still friends.")] == ["generic"]
    near = "Xi met Putin in Beijing on Friday. The two leaders are old friends."
    assert [t for *_, t in _labels(near)] == ["china-russia"]
    far = "Xi met Putin in Beijing. " + "The weather was cold. " * 5 + "The two are still friends."
    assert [t for *_, t in _labels(far)] == ["generic"]


def test_target_the_two_in_a_sentence_naming_both_members_is_the_dyad() -> None:
    assert _labels("China and Russia say the two countries are partners.")[0][3] == "china-russia"


def test_target_partnership_with_a_members_companies_is_not_the_dyad() -> None:
    """The seed's "Moscow welcomed ... partnerships with cash-rich Chinese technology companies" (gold: not dyad)."""
    out = _labels("Moscow welcomed the move, seeing partnerships with cash-rich Chinese technology companies.")
    assert out[0][3] == "china-companies"
    assert _labels("Moscow is seeking a partnership with Chinese leaders.")[0][3] == "china-russia"


def test_possible_targets_cover_every_target_of_the_seeds(seed_analysis) -> None:
    from framing.features.labels_target import possible_targets

    spans = seed_analysis.spans
    targets = set(spans.loc[spans["feature"] == "relationship_label", "target"]) - {seed_analysis.story.dyad}
    assert targets and targets <= set(possible_targets(seed_analysis.story))


def test_target_the_two_nations_in_a_standfirst_is_the_dyad_the_body_names_next() -> None:
    """The SCMP standfirst says "the two nations" before the body names China and Russia (seed gold: dyad)."""
    t = ("The relationship may be the closest the two nations have been since the 1950s honeymoon. "
         "China could provide Russia with some relief.")
    assert [(p, tg) for _, _, p, tg in _labels(t)] == [("affirmed", "china-russia")]
