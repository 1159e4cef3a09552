"""The story configuration: the default story, another story, and story files that are refused with a reason."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from framing.attribution import prepare_doc
from framing.errors import FramingError
from framing.features import labels, sentiment
from framing.lexicons import load_lexicon
from framing.model import Article
from framing.story import Story, default_story, load_story, packaged_stories

ACTORS_HEAD = "# name: mine\n# version: 1\n# source: test\nterm\tvariants\tactor\tkind\tparty\tlabel_target\torigin\n"


def _doc(text: str):
    return prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))


def _story_file(tmp_path: Path, body: str, *, actors: str | None = None) -> Path:
    if actors is not None:
        (tmp_path / "mine.tsv").write_text(ACTORS_HEAD + actors, encoding="utf-8")
    path = tmp_path / "story.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_default_story_is_the_sample_story():
    story = default_story()
    assert (story.dyad, story.members) == ("china-russia", ("china", "russia"))
    assert story.origins == ("china", "russia", "us", "europe", "other", "unknown")
    assert story.name and Path(story.path).name == "default.toml"


def test_story_is_frozen_hashable_and_pickles_without_its_matchers():
    story = default_story()
    story.origin_of("a professor in Beijing")  # builds and caches a matcher
    data = pickle.dumps(story)
    assert len(data) < 1000
    assert pickle.loads(data) == story and hash(pickle.loads(data)) == hash(story)
    with pytest.raises(AttributeError):
        story.dyad = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("description", "origin"),
    [
        ("an expert on Russia-China relations at the Carnegie Moscow Centre", "russia"),  # the last cue wins
        ("director of the Centre for Russia Europe Asia Studies, a think tank in Brussels", "europe"),
        ("a Nato spokesman", "europe"),  # an actor term (actors.tsv) with an origin, in another case
        ("a Washington Post reporter", "us"),  # blocks "Washington" for tone, still an origin cue
        ("a fellow at Peking University", "china"),  # a place term (places.tsv)
        ("we in the us", "unknown"),  # cues must be capitalised in the text
        ("a fellow at a think tank", "unknown"),
    ],
)
def test_origin_of_takes_the_last_capitalised_cue_of_either_table(description, origin):
    assert default_story().origin_of(description) == origin


def test_each_packaged_term_is_written_once_over_actors_and_places():
    seen: dict[str, str] = {}
    for name in ("actors", "places"):
        for row in load_lexicon(name).rows:
            for term in [row["term"], *[v for v in row.get("variants", "").split("|") if v]]:
                key = term.lower()
                assert seen.get(key, name) == name, f"{term!r} is in {seen[key]} and {name}"
                seen[key] = name


def test_origins_of_the_tables_are_listed_by_the_story():
    used = {r["origin"] for name in ("actors", "places") for r in load_lexicon(name).rows if r["origin"]}
    assert used <= set(default_story().origins)


def test_tone_actors_and_label_parties_come_from_one_table():
    story = default_story()
    assert {"china", "russia", "us_west", "putin", "xi"} <= set(story.tone_actors())
    hits = [(m.text, m.value.parties) for m in story.party_matcher().finditer("Sino-Russian ties, NATO allies")]
    assert hits == [("Sino-Russian", ("china", "russia")), ("NATO", ("nato",))]


def test_india_us_story_gets_its_own_actors_dyad_and_origins():
    story = load_story(packaged_stories()["india_us"])
    assert (story.dyad, story.members) == ("india-us", ("india", "us"))
    assert {"india", "us", "modi"} <= set(story.tone_actors())
    doc = _doc("India and the United States are natural allies, Modi said in Washington.")
    assert [(s.label, s.target) for s in labels.extract(doc, story=story)] == [("ally", "india-us")]
    actors = [s.label for s in sentiment.extract(doc, story=story) if s.feature == "actor"]
    assert actors == ["india", "us", "modi", "us"]
    assert story.origin_of("a professor in New Delhi") == "india"
    assert story.origin_of("a diplomat in Beijing") == "china"  # the packaged table still supplies the rest
    default_actors = [s.label for s in sentiment.extract(doc) if s.feature == "actor"]
    assert "india" not in default_actors and "us_west" in default_actors


def test_an_earlier_actors_table_hides_the_same_term_later(tmp_path):
    path = _story_file(
        tmp_path,
        'name = "Mine"\ndyad = "a-b"\nmembers = ["a", "b"]\nactors = ["mine.tsv", "actors"]\n',
        actors="Alpha\t\ta\tstate\ta\t\tother\nBeta\t\tb\tstate\tb\t\tother\nChina\t\tcn\tstate\tcn\t\tother\n",
    )
    story = load_story(path)
    assert [m.value.actor for m in sentiment.find_actors("China met Russia", story=story)] == ["cn", "russia"]
    assert story.origin_of("a scholar in China") == "other"


def test_lexicon_paths_are_relative_to_the_story_file(tmp_path):
    sub = tmp_path / "stories"
    sub.mkdir()
    _story_file(sub, 'name = "Mine"\ndyad = "a-b"\nmembers = ["a", "b"]\nactors = "mine.tsv"\n',
                actors="Alpha\t\ta\tstate\ta\t\t\nBeta\t\tb\tstate\tb\t\t\n")
    story = load_story(sub / "story.toml")
    assert story.actors == (str((sub / "mine.tsv").resolve()),)
    assert story.labels == "relationship_labels" and story.origins[-2:] == ("other", "unknown")


@pytest.mark.parametrize(
    ("body", "actors", "problem"),
    [
        ('name = "x"\ndyad = ', None, "not valid TOML"),
        ('name = "x"\nmembers = ["a", "b"]\n', None, "`dyad` is missing"),
        ('name = "x"\ndyad = "a-b"\nmembers = ["a", "b"]\ncolour = "red"\n', None, "unknown key(s) colour"),
        ('name = "x"\ndyad = "a-b"\nmembers = ["a"]\n', None, "`members` must name two different parties"),
        ('name = "x"\ndyad = "a-b"\nmembers = ["a", "b"]\nactors = "missing.tsv"\n', None, "not found"),
        ('name = "x"\ndyad = "a-b"\nmembers = ["a", "b"]\nlabels = "no_such_lexicon"\n', None,
         "names no packaged lexicon 'no_such_lexicon'"),
        ('name = "x"\ndyad = "a-b"\nmembers = ["a", "zz"]\nactors = "mine.tsv"\n',
         "Alpha\t\ta\tstate\ta\t\t\n", "member(s) zz named by no term"),
        ('name = "x"\ndyad = "a-b"\nmembers = ["a", "b"]\nactors = "mine.tsv"\n',
         "Alpha\tAlfa\ta\tstate\ta\t\t\nBeta\tAlfa\tb\tstate\tb\t\t\n", "line 6: term 'Alfa' is also on line 5"),
        ('name = "x"\ndyad = "a-b"\nmembers = ["a", "b"]\nactors = "mine.tsv"\n'
         'origins = ["china", "russia", "us", "europe"]\n',
         "Alpha\t\ta\tstate\ta\t\tfar\nBeta\t\tb\tstate\tb\t\t\n", "origin(s) far used in the actors/places files"),
    ],
    ids=["not-toml", "missing-key", "unknown-key", "one-member", "missing-file", "unknown-lexicon",
         "member-not-a-party", "term-twice", "origin-not-listed"],
)
def test_a_bad_story_file_is_refused_naming_file_and_problem(tmp_path, body, actors, problem):
    path = _story_file(tmp_path, body, actors=actors)
    with pytest.raises(FramingError) as exc:
        load_story(path)
    assert str(path) in str(exc.value) and problem in str(exc.value)


def test_a_missing_story_file_is_refused(tmp_path):
    with pytest.raises(FramingError, match="cannot be read"):
        load_story(tmp_path / "nope.toml")


def test_a_story_made_in_code_derives_its_origins():
    story = Story(name="Test", dyad="china-russia", members=("china", "russia"), actors="actors")
    assert story.actors == ("actors",) and story.origins == default_story().origins


@pytest.mark.parametrize(
    ("description", "origin"),
    [
        ("Chinese Russia expert", "china"),  # nationality adjective beats the field of expertise
        ("a China expert", "unknown"),  # a country's name before "expert" is the field
        ("a Russian expert", "russia"),  # a demonym there is a nationality
        ("an expert on Russia", "unknown"),
        ("Professor of Russian and European Politics at the University of Kent", "europe"),
        ("then-Chinese leader", "china"),
        ("an adviser to Putin", "unknown"),  # a person's name is an origin cue for that person only
        ("a professor at National Taiwan Normal University", "other"),
    ],
    ids=["adjective-before-topic", "name-before-expert", "demonym-before-expert", "expert-on", "subject-noun",
         "then-prefix", "leader-in-description", "longest-institution"],
)
def test_origin_of_skips_fields_of_expertise(description, origin):
    assert default_story().origin_of(description) == origin


def test_people_give_their_own_origin_and_are_not_place_words():
    story = default_story()
    people = dict(story.person_origins())
    assert people["Putin"] == "russia" and people["Jiang Zemin"] == "china" and people["Yeltsin"] == "russia"
    assert "putin" not in story.origin_words() and "lavrov" not in story.origin_words()
    assert "united states" in story.place_phrases() and "vladimir putin" not in story.place_phrases()
