"""The story configuration: which relationship a corpus is about, and who its actors are.

Nothing story-specific lives in code. A :class:`Story` names the dyad whose
relationship labels are counted, its two member parties, and the data files
for actors, places and relationship labels. The default is the packaged
sample story (``framing/stories/default.toml``); another story is a TOML file
passed as ``--story FILE`` on the CLI or ``story=load_story(path)`` in the API.

A story file::

    name = "India–US relations"          # plain words, shown in the report
    dyad = "india-us"                     # target id of labels about the pair
    members = ["india", "us"]             # the two party ids (actors.tsv `party`)
    actors = ["india_us_actors.tsv", "actors"]  # optional; default: packaged "actors"
    places = "places"                     # optional; default: packaged "places"
    labels = "relationship_labels"        # optional; the relationship-label lexicon
    frames = "frames"                     # optional; the frame cue lexicon
    origins = ["india", "us", "china", "europe", "other", "unknown"]  # optional

A lexicon value with a suffix (``.tsv``) or a ``/`` is a file path, relative to
the story file's folder; a bare word is a packaged lexicon
(``framing/lexicons/<word>.tsv``). ``actors`` may list several tables: a term
in an earlier one hides the same term (in any letter case) in later ones and in
``places``, so a story's own short table can sit in front of the packaged one.
``origins`` gives the display order of source origins (default: the origins
of the actors and places files in order of appearance); ``other`` and
``unknown`` always come last. The actors and places formats are documented in
the headers of ``framing/lexicons/actors.tsv`` and ``places.tsv``: a term is
written once, and its columns say which rules use it (tone actor, label party
and target, source origin).

Example:
    >>> story = default_story()
    >>> story.dyad, len(story.members)
    ('china-russia', 2)
    >>> story.origin_of("an expert on Russia-China relations at the Carnegie Moscow Centre")
    'russia'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicons import Lexicon, load_lexicon, resolve_lexicon
from framing.matching import CasedMatcher, PhraseMatcher

#: Party id of phrases that name the story's pair without naming its members ("the two countries").
DYAD_PARTY = "dyad"
#: ``actor``/``party`` value of a fixed phrase that blocks a shorter name inside it.
BLOCK = "-"
#: Origin of a source whose description names no place; always the last origin.
UNKNOWN = "unknown"
#: Origin of places outside the story's named origins; always before ``unknown``.
OTHER = "other"

_DEFAULT_FILE = "default.toml"
_DEFAULT_ACTORS = ("actors",)
_DEFAULTS = {"places": "places", "labels": "relationship_labels", "frames": "frames"}
_LEXICON_KEYS = ("actors", "places", "labels", "frames")
_KEYS = ("name", "dyad", "members", "origins", *_LEXICON_KEYS)


@dataclass(frozen=True)
class ActorTerm:
    """One term of the actors table (a variant is a term of its own with its row's values).

    Attributes:
        term: The term as written in the table.
        actor: Tone actor id, ``-`` for a blocking phrase, ``""`` if not a tone actor.
        kind: ``state``, ``leader``, ``organisation``...
        parties: Party ids for placing relationship labels (``("dyad",)`` for "the two countries").
        label_target: Target of a label this party modifies ("" = the party ids joined by ``|``).
        origin: Origin of a source described with this term ("" = not an origin cue).
        adjective: The term is a nationality adjective or demonym ("Chinese"), not a name ("China").
    """

    term: str
    actor: str = ""
    kind: str = ""
    parties: tuple[str, ...] = ()
    label_target: str = ""
    origin: str = ""
    adjective: bool = False


@dataclass(frozen=True)
class Story:
    """A story configuration (frozen and picklable: it travels to worker processes).

    Matchers built from its files are cached per process, keyed by the file
    names, so a story is cheap to make and to send.

    Attributes:
        name: Plain-words name of the story ("China–Russia relations").
        dyad: Id of the relationship whose labels the story figures count.
        members: Party ids of the dyad's two members (``party`` column of the actors table).
        actors: Lexicon names or paths of the actors tables, first one winning
            (a single string is one table): terms naming actors, label parties and origins.
        labels: Lexicon name or path: relationship labels.
        origins: Source-origin categories in display order (ends with ``other`` and
            ``unknown``); derived from the actors and places files when empty.
        places: Lexicon name or path: places and institutions that give a source's origin.
        frames: Lexicon name or path: frame cue words.
        path: The story file it was read from ("" if made in code).

    Example:
        >>> s = Story(name="Test", dyad="china-russia", members=("china", "russia"), actors="actors")
        >>> s.actors, s.origins[-2:]
        (('actors',), ('other', 'unknown'))
    """

    name: str
    dyad: str
    members: tuple[str, ...]
    actors: tuple[str, ...] = _DEFAULT_ACTORS
    labels: str = _DEFAULTS["labels"]
    origins: tuple[str, ...] = ()
    places: str = _DEFAULTS["places"]
    frames: str = _DEFAULTS["frames"]
    path: str = ""

    def __post_init__(self) -> None:
        actors: object = self.actors
        object.__setattr__(self, "actors", (actors,) if isinstance(actors, str) else tuple(self.actors))
        object.__setattr__(self, "members", tuple(self.members))
        origins = tuple(self.origins) or _table(self.actors, self.places).origins
        object.__setattr__(self, "origins", _ordered_origins(origins))

    # -------------------------------------------------------------- actors
    def actor_terms(self) -> tuple[ActorTerm, ...]:
        """Every term of the actors tables that is not hidden by an earlier table, variants included."""
        return _table(self.actors, self.places).terms

    def tone_actors(self) -> tuple[str, ...]:
        """Ids of the actors whose tone is measured, sorted.

        Example:
            >>> "us_west" in default_story().tone_actors()
            True
        """
        return tuple(sorted({t.actor for t in self.actor_terms() if t.actor and t.actor != BLOCK}))

    def actor_matcher(self) -> CasedMatcher[ActorTerm]:
        """Matcher of tone-actor mentions (terms with an ``actor``; ``-`` terms block and are dropped)."""
        return _actor_matcher(self.actors, self.places)

    def party_matcher(self) -> CasedMatcher[ActorTerm]:
        """Matcher of label parties (terms with a ``party``; ``-`` terms block and are dropped)."""
        return _party_matcher(self.actors, self.places)

    # ------------------------------------------------------------- origins
    def origin_of(self, text: str) -> str:
        """Origin named in a speaker's description: the last capitalised place/demonym/institution cue.

        A cue that names the speaker's field rather than where they are from is
        skipped: a name before a field-of-expertise noun ("Chinese *Russia*
        expert" -> china; a demonym there is a nationality: "a Russian expert"),
        any cue before a subject noun ("the Centre for *Russian* Studies",
        "*Russian* and European Politics") and a cue after "expert on",
        "professor of", "specialist in" and the like ("a scholar in China" is
        where the scholar is). People's names (``kind`` leader or
        official) are not description cues: see :meth:`person_origins`.

        Example:
            >>> default_story().origin_of("a fellow at a think tank")
            'unknown'
            >>> default_story().origin_of("Chinese Russia expert")
            'china'
        """
        text = _PREFIX_RE.sub(lambda m: " " * len(m.group(0)), text)  # "then-Chinese leader"
        hits = [
            m for m in _origin_matcher(self.actors, self.places).finditer(text)
            if m.text[:1].isupper() and not _is_topic(text, m.start, m.end, adjective=m.value[1])
        ]
        return hits[-1].value[0] if hits else UNKNOWN

    def person_origins(self) -> tuple[tuple[str, str], ...]:
        """``(name, origin)`` of the people of the actors tables (``kind`` leader or official) with an origin.

        A person's own name tells their origin ("Putin", "Sergei Lavrov"); the
        same name inside someone else's description does not ("an adviser to Putin").

        Example:
            >>> ("Yeltsin", "russia") in default_story().person_origins()
            True
        """
        return tuple((t.term, t.origin) for t in self.actor_terms() if t.kind in PERSON_KINDS and t.origin)

    def origin_words(self) -> frozenset[str]:
        """Lower-cased one-word origin terms (they tell an organisation or place from a person's name).

        Example:
            >>> "kremlin" in default_story().origin_words()
            True
        """
        return _origin_words(self.actors, self.places)

    def place_phrases(self) -> frozenset[str]:
        """Lower-cased terms of several words that name places, states, institutions or events, not people.

        Example:
            >>> "united states" in default_story().place_phrases(), "xi jinping" in default_story().place_phrases()
            (True, False)
        """
        return _place_phrases(self.actors, self.places)


# ------------------------------------------------------------------ origin cues

#: Actor kinds that are people: their names are origin cues for themselves only.
PERSON_KINDS: tuple[str, ...] = ("leader", "official")
# Nouns after which a place names a field of expertise: "Russia expert", "China hand".
_FIELD_PERSON_NOUNS = frozenset(
    "expert experts specialist specialists watcher watchers hand hands scholar scholars analyst analysts "
    "researcher researchers".split()
)
# Nouns after which any place word (names and demonyms alike) names a subject: "Russian Studies".
_FIELD_SUBJECT_NOUNS = frozenset(
    "studies politics history relations policy policies affairs issues economy economics language languages "
    "literature law".split()
)
# "an expert on", "professor of", "specialising in" right before a place word.
_TOPIC_BEFORE_RE = re.compile(
    r"\b(?:(?:specialists?|speciali[sz]ing|expertise)\s+(?:on|of|in|about)|(?:experts?|scholars?|analysts?|"
    r"watchers?|authority|professors?|lecturers?|researchers?|studies|policy|relations|history|politics|"
    r"affairs)\s+(?:on|of|about))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEXT_WORD_RE = re.compile(r"(?:’s|'s)?\s*((?:(?:and|&|,)\s+[A-Z][\w’'\-]*\s+)*)([\w’'\-]+)")
_PREFIX_RE = re.compile(r"\b(?:then|ex)-")


def _is_topic(text: str, start: int, end: int, *, adjective: bool) -> bool:
    """Whether the origin cue ``text[start:end]`` names a field or subject (see :meth:`Story.origin_of`)."""
    if _TOPIC_BEFORE_RE.search(text[max(0, start - 40) : start]):
        return True
    m = _NEXT_WORD_RE.match(text, end)
    if not m:
        return False
    nxt = m.group(2).lower()
    if nxt in _FIELD_SUBJECT_NOUNS:
        return True
    return nxt in _FIELD_PERSON_NOUNS and not adjective and not m.group(1)


# ------------------------------------------------------------------ tables


@dataclass(frozen=True)
class _Table:
    terms: tuple[ActorTerm, ...]
    places: tuple[tuple[str, str, bool], ...]  # term, origin, adjective
    origins: tuple[str, ...]


def _cells(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _check_columns(lex: Lexicon, any_of: tuple[str, ...]) -> None:
    """A table needs at least one of these columns (a missing one reads as empty cells)."""
    if not any(c in lex.columns for c in any_of):
        raise LexiconError(lex.path, None, f"the column header row needs {' or '.join(any_of)} besides term")


@lru_cache(maxsize=16)
def _table(actors: tuple[str, ...], places: str) -> _Table:
    """Read the actors tables and the places table; a term in an earlier file hides it in later ones.

    Within one file a term (variants included, any letter case) belongs to one
    row; a row may list case variants of its own term ("NATO", "Nato").
    """
    owner: dict[str, tuple[str, str]] = {}  # lower-cased term -> (file, line)
    terms: list[ActorTerm] = []
    origins: dict[str, None] = {}

    def take(term: str, lex: Lexicon, line: str) -> bool:
        """Whether ``term`` is used from this row (False: an earlier file has it)."""
        key = term.lower()
        if key not in owner:
            owner[key] = (lex.path, line)
            return True
        path, first = owner[key]
        if path == lex.path and first != line:
            raise LexiconError(lex.path, int(line), f"term {term!r} is also on line {first}; write each term once")
        return path == lex.path  # a case variant of its own row ("NATO", "Nato") is used too

    for name in actors:
        lex = load_lexicon(name)
        _check_columns(lex, ("actor", "party", "origin"))
        for row in lex.rows:
            origin = row.get("origin", "").strip()
            for t in [row["term"], *_cells(row.get("variants", ""))]:
                if take(t, lex, row["line"]):
                    terms.append(ActorTerm(term=t, actor=row.get("actor", "").strip(),
                                           kind=row.get("kind", "").strip(),
                                           parties=tuple(_cells(row.get("party", ""))),
                                           label_target=row.get("label_target", "").strip(), origin=origin,
                                           adjective=row.get("adjective", "").strip() == "y"))
            if origin:
                origins.setdefault(origin, None)
    place_rows: list[tuple[str, str, bool]] = []
    plc = load_lexicon(places)
    _check_columns(plc, ("origin",))
    for row in plc.rows:
        origin = row.get("origin", "").strip()
        if not origin:
            raise LexiconError(plc.path, int(row["line"]), f"term {row['term']!r} has no origin")
        if take(row["term"], plc, row["line"]):
            place_rows.append((row["term"], origin, row.get("adjective", "").strip() == "y"))
            origins.setdefault(origin, None)
    return _Table(tuple(terms), tuple(place_rows), tuple(origins))


def _ordered_origins(origins: tuple[str, ...]) -> tuple[str, ...]:
    """``origins`` with ``other`` and ``unknown`` moved (or added) to the end."""
    return (*[o for o in dict.fromkeys(origins) if o not in (OTHER, UNKNOWN)], OTHER, UNKNOWN)


@lru_cache(maxsize=16)
def _actor_matcher(actors: tuple[str, ...], places: str) -> CasedMatcher[ActorTerm]:
    terms = [(t.term, t) for t in _table(actors, places).terms if t.actor]
    return CasedMatcher(terms, exclude=lambda v: v.actor == BLOCK)


@lru_cache(maxsize=16)
def _party_matcher(actors: tuple[str, ...], places: str) -> CasedMatcher[ActorTerm]:
    terms = [(t.term, t) for t in _table(actors, places).terms if t.parties]
    return CasedMatcher(terms, exclude=lambda v: BLOCK in v.parties)


def _origin_terms(actors: tuple[str, ...], places: str) -> list[tuple[str, tuple[str, bool]]]:
    """Description cues: ``(term, (origin, adjective))`` of places, institutions and states (not people)."""
    table = _table(actors, places)
    own = [(t.term, (t.origin, t.adjective)) for t in table.terms if t.origin and t.kind not in PERSON_KINDS]
    return own + [(term, (origin, adj)) for term, origin, adj in table.places]


@lru_cache(maxsize=16)
def _origin_matcher(actors: tuple[str, ...], places: str) -> PhraseMatcher[tuple[str, bool]]:
    return PhraseMatcher(_origin_terms(actors, places))


@lru_cache(maxsize=16)
def _place_phrases(actors: tuple[str, ...], places: str) -> frozenset[str]:
    table = _table(actors, places)
    terms = [t for t, _ in _origin_terms(actors, places)] + [t.term for t in table.terms if t.kind not in PERSON_KINDS]
    return frozenset(t.lower() for t in terms if " " in t)


@lru_cache(maxsize=16)
def _origin_words(actors: tuple[str, ...], places: str) -> frozenset[str]:
    return frozenset(t.lower() for t, _ in _origin_terms(actors, places) if " " not in t)


# ------------------------------------------------------------------ loading


def _packaged_story(name: str) -> Path:
    return Path(str(resources.files("framing.stories").joinpath(name)))


@lru_cache(maxsize=1)
def default_story() -> Story:
    """The packaged sample story (``framing/stories/default.toml``).

    Example:
        >>> default_story().members
        ('china', 'russia')
    """
    return load_story(_packaged_story(_DEFAULT_FILE))


def packaged_stories() -> dict[str, Path]:
    """Story files shipped with the package, by file stem.

    Example:
        >>> sorted(packaged_stories())
        ['default', 'india_us']
    """
    base = Path(str(resources.files("framing.stories")))
    return {p.stem: p for p in sorted(base.glob("*.toml"))}


def _bad(story_file: Path, problem: str) -> LexiconError:
    return LexiconError(str(story_file), None, problem)


def _lexicon_value(path: Path, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, f"`{key}` must be a lexicon name or a file path, got {value!r}")
    v = value.strip()
    if Path(v).suffix or "/" in v or "\\" in v:
        p = Path(v).expanduser()
        resolved = p if p.is_absolute() else path.parent / p
        if not resolved.is_file():
            raise _bad(path, f"`{key}` file {v!r} not found (looked for {resolved})")
        return str(resolved.resolve())
    if not resolve_lexicon(v).is_file():
        raise _bad(path, f"`{key}` names no packaged lexicon {v!r} (give a .tsv path for your own file)")
    return v


def _strings(path: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad(path, f"`{key}` must be a list of ids, got {value!r}")
    return tuple(v.strip() for v in value)


def load_story(path: str | Path) -> Story:
    """Read a story TOML file (see the module docstring for its keys) and check it against its lexicons.

    Raises:
        LexiconError: (a :class:`~framing.errors.FramingError`) naming the file and
            the problem: unreadable, not TOML, an unknown or missing key, a
            lexicon not found or malformed, members that no row of the actors
            table names, origins the files use but the story does not list.

    Example:
        >>> s = load_story(packaged_stories()["india_us"])
        >>> s.dyad, s.members
        ('india-us', ('india', 'us'))
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _bad(p, f"cannot be read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise _bad(p, f"not UTF-8 (byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _bad(p, f"not valid TOML ({exc})") from exc
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise _bad(p, f"unknown key(s) {', '.join(unknown)}; a story file has {', '.join(_KEYS)}")
    for key in ("name", "dyad", "members"):
        if key not in data:
            raise _bad(p, f"`{key}` is missing")
    for key in ("name", "dyad"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise _bad(p, f"`{key}` must be a non-empty string, got {data[key]!r}")
    members = _strings(p, "members", data["members"])
    if len(members) != 2 or members[0] == members[1]:
        raise _bad(p, f"`members` must name two different parties, got {list(members)!r}")
    raw_actors = data.get("actors", list(_DEFAULT_ACTORS))
    raw_actors = [raw_actors] if isinstance(raw_actors, str) else raw_actors
    if not isinstance(raw_actors, list) or not raw_actors:
        raise _bad(p, f"`actors` must be a lexicon name or path, or a list of them, got {raw_actors!r}")
    actors = tuple(_lexicon_value(p, "actors", a) for a in raw_actors)
    files = {k: _lexicon_value(p, k, data[k]) for k in _LEXICON_KEYS if k in data and k != "actors"}
    origins = _strings(p, "origins", data["origins"]) if "origins" in data else ()
    places = files.get("places", _DEFAULTS["places"])
    try:
        table = _table(actors, places)
        for key in ("labels", "frames"):
            load_lexicon(files.get(key, _DEFAULTS[key]))
    except LexiconError as exc:
        raise _bad(p, str(exc)) from exc
    parties = {x for t in table.terms for x in t.parties}
    missing = [m for m in members if m not in parties]
    if missing:
        raise _bad(p, f"member(s) {', '.join(missing)} named by no term of {', '.join(actors)} (column `party`)")
    unlisted = [o for o in table.origins if o not in origins and o not in (OTHER, UNKNOWN)]
    if origins and unlisted:
        raise _bad(p, f"origin(s) {', '.join(unlisted)} used in the actors/places files but not listed in `origins`")
    return Story(name=data["name"].strip(), dyad=data["dyad"].strip(), members=members, actors=actors,
                 origins=origins, path=str(p.resolve()), **files)
