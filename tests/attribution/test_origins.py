"""Source origin (framing.attribution.origins): what the article says about where a source comes from."""

from __future__ import annotations

from framing.attribution import prepare_doc
from framing.attribution.origins import joint_origin, name_key, person_origin, speaker_origin
from framing.document import Quote
from framing.model import Article
from framing.story import default_story, load_story, packaged_stories

STORY = default_story()


def _direct(text: str) -> list[Quote]:
    doc = prepare_doc(Article(id="t", outlet_id="o", outlet_name="O", raw_text=text, text=text))
    return [q for q in doc.quotes if q.voice == "direct_quote"]


def test_transliteration_variants_fold_to_one_key() -> None:
    assert name_key("Sergey Lavrov") == name_key("Sergei Lavrov")
    assert name_key("Dmitry Peskov") == name_key("Dmitri Peskov") == name_key("Dmitriy Peskov")
    assert name_key("Zelenskyy") == name_key("Zelensky")
    assert name_key("Yevgeny Primakov") == name_key("Evgeny Primakov")


def test_a_leaders_own_name_is_their_origin_in_any_spelling() -> None:
    assert person_origin(STORY, "Sergey Lavrov") == person_origin(STORY, "Sergei Lavrov") == "russia"
    assert person_origin(STORY, "Boris Yeltsin") == "russia" and person_origin(STORY, "Jiang Zemin") == "china"
    assert person_origin(STORY, "Gorbachev") == "russia" and person_origin(STORY, "Ann Lee") == "unknown"


def test_short_later_mention_of_a_leader_keeps_the_origin() -> None:
    qs = _direct("“We stand together,” Putin said. Later he added more. “Never apart,” Putin said.")
    assert [q.origin for q in qs] == ["russia", "russia"]


def test_nationality_adjective_beats_the_field_of_expertise() -> None:
    assert speaker_origin(STORY, "Li Jingjie", "Li Jingjie", "Chinese Russia expert") == "china"
    assert STORY.origin_of("a China expert") == "unknown"
    assert STORY.origin_of("a Chinese expert") == "china"
    assert STORY.origin_of("an expert on Russia") == "unknown"
    assert STORY.origin_of("an associate professor at the Centre for Russian Studies at East China Normal University") \
        == "china"


def test_a_person_named_inside_a_description_is_a_topic_not_an_origin() -> None:
    assert STORY.origin_of("a biographer of Putin") == "unknown"


def test_a_leaders_government_or_staff_takes_the_leaders_origin() -> None:
    # The Washington Post seed: "the Trump administration ... posing national security threats" was unknown.
    for name, origin in [("Trump administration", "us"), ("the Biden administration", "us"),
                         ("Putin's aides", "russia"), ("Xi government", "china")]:
        assert speaker_origin(STORY, name, name, "") == origin, name
    assert speaker_origin(STORY, "Lee administration", "Lee administration", "") == "unknown"


def test_joint_sources_of_different_origins_are_other() -> None:
    assert joint_origin(STORY, "the United States and NATO") == "other"
    assert joint_origin(STORY, "Russia and China") == "other"
    assert joint_origin(STORY, "the two countries") == "other"
    assert joint_origin(STORY, "Chinese and Russian officials") == "other"
    assert joint_origin(STORY, "Xi and Putin") == "other"
    assert joint_origin(STORY, "Russia") == ""


def test_then_prefixed_nationality_is_a_nationality() -> None:
    assert STORY.origin_of("then-Chinese leader") == "china"


def test_role_resolves_to_the_person_named_earlier_with_that_title() -> None:
    t = (
        "Chinese Foreign Minister Wang Yi met Blinken on Monday.\n\n"
        "In a call on Thursday, China’s foreign minister said, “Security concerns must be taken seriously.”"
    )
    (q,) = _direct(t)
    assert (q.speaker, q.origin, q.quote_type) == ("Wang Yi", "china", "person")


def test_india_us_story_origins_still_come_from_its_own_table() -> None:
    story = load_story(packaged_stories()["india_us"])
    assert speaker_origin(story, "Ravi Rao", "Ravi Rao", "a professor in New Delhi") == "india"
    assert speaker_origin(story, "Putin", "Putin", "") == "russia"
