"""Constructed news pages: a known article body wrapped in page furniture, as HTML and as full-page text.

There is no public HTML gold here, so the extraction validator builds its own
pages: each gold body (its standfirst, if any, and its paragraphs) is put into
one of several page templates written for this purpose (:data:`TEMPLATES`),
with navigation menus, breadcrumbs, cookie banners, bylines and dates, share
bars, photo captions, related-story boxes, advertisement labels, newsletter
promos, tags, author bios, comment sections, most-read lists, sidebars and
footers. Every choice is drawn from a random generator seeded by the page id,
so the same body and template give the same page, byte for byte.

Each page comes twice: as HTML, and as the text a reader gets by selecting
the whole page in a browser and copying it (all visible text in reading
order; a paragraph is set off by blank lines, other blocks by a line break,
inline links in a bar stay on one line).

Example:
    >>> page = build_page(["Xi met Putin on Friday.", "They talked."], title="Leaders meet",
    ...                   page_id="a", template="daily")
    >>> "<h1>Leaders meet</h1>" in page.html, "Xi met Putin on Friday." in page.text
    (True, True)
"""

from __future__ import annotations

import html as html_lib
import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

#: Template names, each a different site layout.
TEMPLATES: tuple[str, ...] = ("daily", "magazine", "wire", "blog", "portal")

_SITES = ("The Daily Courier", "Metro Herald", "Northern Post", "Global Ledger", "City Tribune", "Evening Star")
_SECTIONS = ("Home", "World", "Politics", "Business", "Tech", "Science", "Opinion", "Sport", "Culture", "Video")
_NAMES = ("Jane Smith", "Ahmed Khan", "Maria Lopez", "Tom Becker", "Li Wei", "Sarah O'Neill", "David Miller")
_HEADLINES = (
    "Markets slide as investors weigh rate outlook",
    "Storm leaves thousands without power across the region",
    "City council approves new housing plan",
    "What the new tax rules mean for your savings",
    "Five things to know before the summit",
    "Opinion: The case for a four-day week",
    "Scientists find water ice near lunar south pole",
    "Union calls off strike after late-night deal",
    "Watch: Firefighters battle blaze in warehouse district",
    "Parliament delays vote on election reform",
    "Police name suspect in bank robbery",
    "Review: A quiet film about a noisy family",
    "Oil prices jump after supply cut",
    "Teachers win pay rise after long dispute",
)
_TEASERS = (
    "The decision follows months of debate among local officials.",
    "Experts say the change could affect millions of households.",
    "Residents have been told to stay indoors until further notice.",
    "The move surprised analysts who had expected a delay.",
)
_COMMENTS = (
    "Great article, thanks for covering this.",
    "I don't agree with the conclusions here at all.",
    "This is exactly what I have been saying for years.",
    "Does anyone know where to find the full report?",
)
_CAPTIONS = (
    "Officials arrive for the meeting on Tuesday.",
    "A view of the city centre at dusk.",
    "Protesters gather outside the building.",
    "The delegation is greeted at the airport.",
)
_AGENCIES = ("AP", "Reuters", "Getty Images", "AFP")
_DATES = ("March 3, 2022", "12 June 2021", "Tuesday, 8 November 2022", "Jan. 14, 2020")


@dataclass(frozen=True)
class Page:
    """One constructed page.

    Attributes:
        html: The page as HTML.
        text: Its visible text in reading order, as a browser's select-all and copy gives it.
        body: The gold body: the standfirst (if any) and the paragraphs, one per line, blank-line separated.
        template: The template's name.
    """

    html: str
    text: str
    body: str
    template: str


# A block: (html, text lines). A text line of "" stands for a blank line (a paragraph break).
_Block = tuple[str, list[str]]


def _esc(text: str) -> str:
    return html_lib.escape(text, quote=False)


def _p(text: str, cls: str = "") -> _Block:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{_esc(text)}</p>", ["", text, ""]


def _line(tag: str, text: str, cls: str = "") -> _Block:
    attr = f' class="{cls}"' if cls else ""
    return f"<{tag}{attr}>{_esc(text)}</{tag}>", [text]


def _links(tag: str, items: Sequence[str], cls: str, *, inline: bool = False, heading: str = "") -> _Block:
    """A list of links: one per line (a menu, a list of headlines), or one bar on a single line (``inline``)."""
    head_html = f"<h3>{_esc(heading)}</h3>" if heading else ""
    head_text = [heading] if heading else []
    if inline:
        links = " ".join(f'<a href="/{i}">{_esc(x)}</a>' for i, x in enumerate(items))
        return f'<{tag} class="{cls}">{head_html}{links}</{tag}>', [*head_text, " ".join(items)]
    lis = "".join(f'<li><a href="/{i}">{_esc(x)}</a></li>' for i, x in enumerate(items))
    return f'<{tag} class="{cls}">{head_html}<ul>{lis}</ul></{tag}>', [*head_text, *items]


def _wrap(tag: str, cls: str, blocks: Sequence[_Block]) -> _Block:
    return (f'<{tag} class="{cls}">' + "".join(b[0] for b in blocks) + f"</{tag}>",
            [line for b in blocks for line in b[1]])


def _figure(rng: random.Random) -> _Block:
    caption = f"{rng.choice(_CAPTIONS)} Photo: {rng.choice(_AGENCIES)}"
    return (f'<figure><img src="/img/{rng.randrange(1000)}.jpg" alt="photo"><figcaption>{_esc(caption)}'
            f"</figcaption></figure>", [caption])


def _insert(body: list[_Block], extras: Sequence[_Block], rng: random.Random) -> list[_Block]:
    """Put each extra block between two body paragraphs (never before the first)."""
    out = list(body)
    for extra in extras:
        if len(out) > 2:
            out.insert(rng.randrange(1, len(out) - 1), extra)
    return out


def _headlines(rng: random.Random, k: int) -> list[str]:
    return rng.sample(_HEADLINES, k)


def _daily(rng: random.Random, title: str, dek: list[str], paras: list[str], site: str) -> list[_Block]:
    author, date = rng.choice(_NAMES), rng.choice(_DATES)
    body = _insert([_p(x) for x in paras], [
        _wrap("aside", "related", [_links("div", _headlines(rng, 3), "links", heading="Read more")]),
        _line("div", "Advertisement", "ad"),
        _p("Sign up for our morning newsletter and get the day's top stories in your inbox.", "newsletter"),
    ], rng)
    return [
        _wrap("div", "cookie-banner", [
            _p("We use cookies to improve your experience. By continuing to browse you agree to our cookie policy."),
            _links("div", ["Accept all", "Manage preferences"], "buttons", inline=True),
        ]),
        _wrap("header", "masthead", [_line("div", site, "logo"), _links("nav", _SECTIONS[:8], "menu"),
                                     _links("div", ["Subscribe", "Sign in"], "account", inline=True)]),
        _line("div", f"{rng.choice(_SECTIONS[1:6])} › {rng.choice(('Europe', 'Asia', 'Americas', 'Africa'))}",
              "breadcrumbs"),
        _line("h1", title),
        *[_p(x, "dek") for x in dek],
        _line("div", f"By {author} | {date}", "byline"),
        _links("div", ["Share", "Facebook", "Twitter", "Email"], "share", inline=True),
        _figure(rng),
        _wrap("div", "article-body", body),
        _line("div", "Topics: " + ", ".join(rng.sample(_SECTIONS[1:], 3)), "tags"),
        _p(f"{author} is a correspondent for {site}.", "author-bio"),
        _wrap("section", "comments", [_line("h2", f"{rng.randrange(2, 400)} comments"),
                                      *[_p(c, "comment") for c in rng.sample(_COMMENTS, 2)]]),
        _wrap("aside", "most-read", [_links("div", _headlines(rng, 5), "list", heading="Most read")]),
        _wrap("footer", "footer", [_links("div", ["About us", "Contact", "Privacy policy", "Terms of use"], "f"),
                                   _p(f"© 2024 {site}. All rights reserved.")]),
    ]


def _magazine(rng: random.Random, title: str, dek: list[str], paras: list[str], site: str) -> list[_Block]:
    author = rng.choice(_NAMES)
    related = rng.choice(_HEADLINES)
    body = _insert([_p(x) for x in paras], [
        _p(f"Related: {related}", "inline-related"),
        _figure(rng),
        _line("div", "Story continues below advertisement", "ad"),
    ], rng)
    cards = [b for h in _headlines(rng, 3) for b in (_line("h3", h), _p(rng.choice(_TEASERS), "teaser"))]
    return [
        _links("div", ["Skip to content"], "skip", inline=True),
        _wrap("header", "top", [_line("div", site, "brand"), _line("button", "Menu"), _line("button", "Search"),
                                _links("div", ["Subscribe"], "cta", inline=True)]),
        _line("div", rng.choice(_SECTIONS[1:]).upper(), "kicker"),
        _line("h1", title),
        *[_p(x, "standfirst") for x in dek],
        _wrap("div", "meta", [_line("div", f"Words by {author}", "author"),
                              _line("div", f"Updated {rng.randrange(2, 12)} hours ago", "time"),
                              _line("div", f"{rng.randrange(3, 15)} min read", "read-time")]),
        _links("div", ["Share this article", "Copy link"], "share", inline=True),
        _wrap("div", "content", body),
        _p("Get the best of our journalism delivered to your inbox every week. Subscribe now.", "promo"),
        _wrap("section", "recommended", [_line("h2", "Recommended for you"), *cards]),
        _wrap("footer", "bottom", [_links("div", list(_SECTIONS[1:6]), "sitemap"),
                                   _p(f"Copyright 2024 {site}"), _line("div", "Cookie settings")]),
    ]


def _wire(rng: random.Random, title: str, dek: list[str], paras: list[str], site: str) -> list[_Block]:
    date = rng.choice(_DATES)
    text = "<br><br>".join(_esc(x) for x in paras)
    body_lines = [line for x in paras for line in ("", x, "")]
    editor, writer = rng.sample(_NAMES, 2)
    return [
        _wrap("div", "sidebar", [_line("div", site, "logo"), _links("div", list(_SECTIONS), "sections")]),
        _line("div", date, "dateline"),
        _line("h1", title),
        *[_p(x, "summary") for x in dek],
        (f'<div class="story-text">{text}</div>', body_lines),
        _p(f"Reporting by {writer}; Editing by {editor}", "credit"),
        _p("Our Standards: The Trust Principles.", "standards"),
        _wrap("div", "trending", [_links("div", _headlines(rng, 4), "list", heading="Trending")]),
        _line("div", "Tags: " + ", ".join(rng.sample(_SECTIONS[1:], 2)), "tags"),
        _line("div", f"© {site} 2024", "copyright"),
    ]


def _blog(rng: random.Random, title: str, dek: list[str], paras: list[str], site: str) -> list[_Block]:
    author, date = rng.choice(_NAMES), rng.choice(_DATES)
    body = _insert([_p(x) for x in paras], [_figure(rng)], rng)
    return [
        _wrap("header", "site-header", [_line("div", site, "site-title"), _links("nav", _SECTIONS[:6], "nav")]),
        _line("h1", title, "entry-title"),
        _line("div", f"Posted on {date} by {author}", "entry-meta"),
        _wrap("div", "entry-content", [*[_p(x, "lead") for x in dek], *body]),
        _links("div", ["Share this:", "Facebook", "X", "WhatsApp", "Print"], "sharedaddy", inline=True),
        _line("div", "Categories: " + rng.choice(_SECTIONS[1:]), "cat-links"),
        _wrap("div", "related-posts", [_links("div", _headlines(rng, 3), "list", heading="Related Posts")]),
        _wrap("div", "comments-area", [_line("h3", "Leave a Reply"),
                                       _p("Your email address will not be published. Required fields are marked *"),
                                       _line("button", "Post Comment")]),
        _wrap("aside", "widget-area", [_links("div", _headlines(rng, 4), "recent", heading="Recent Posts"),
                                       _links("div", ["March 2022", "February 2022", "January 2022"], "archives",
                                              heading="Archives")]),
        _wrap("footer", "site-footer", [_p(f"Proudly powered by WordPress | Theme by {site}")]),
    ]


def _portal(rng: random.Random, title: str, dek: list[str], paras: list[str], site: str) -> list[_Block]:
    """Div soup: paragraphs in ``div``s, link boxes and promos inside the content, no semantic tags."""
    author, date = rng.choice(_NAMES), rng.choice(_DATES)
    body = _insert([(f'<div class="para">{_esc(x)}</div>', ["", x, ""]) for x in paras], [
        _wrap("div", "inline-links", [_line("div", "More on this story", "label"),
                                      _links("div", _headlines(rng, 2), "items")]),
        _line("div", "Video: " + rng.choice(_HEADLINES), "video-label"),
        _p("Like what you read? Join 40,000 readers and get our free newsletter every morning.", "nl"),
        _line("div", "Continue reading below", "ad-label"),
    ], rng)
    return [
        _links("div", ["Log in", "Register", "Search"], "utility", inline=True),
        _line("div", site, "brand"),
        _links("div", _SECTIONS[:7], "topnav", inline=True),
        _line("div", "Breaking news: " + rng.choice(_HEADLINES), "ticker"),
        _line("div", title, "headline"),
        *[(f'<div class="summary">{_esc(x)}</div>', ["", x, ""]) for x in dek],
        _line("div", f"{author} · {date} · {rng.randrange(2, 90)} Comments", "meta"),
        _links("div", ["Facebook", "Twitter", "LinkedIn", "Email", "Print"], "share", inline=True),
        _wrap("div", "content", body),
        _line("div", f"Last updated: {date}", "updated"),
        _wrap("div", "more", [_line("div", "You may also like", "label"),
                              *[b for h in _headlines(rng, 3) for b in (_line("div", h), _p(rng.choice(_TEASERS)))]]),
        _wrap("div", "foot", [_links("div", ["About", "Advertise", "Careers", "Contact us"], "foot-links",
                                     inline=True),
                              _p(f"© 2024 {site} Media Group. All rights reserved.")]),
    ]


_BUILDERS = {"daily": _daily, "magazine": _magazine, "wire": _wire, "blog": _blog, "portal": _portal}


def _render_text(blocks: Sequence[_Block]) -> str:
    """Visible text: blank lines around paragraphs (collapsed to one), one line per other block."""
    out: list[str] = []
    for line in (x for b in blocks for x in b[1]):
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def build_page(paragraphs: Sequence[str], *, title: str, page_id: str, template: str,
               dek: Sequence[str] = ()) -> Page:
    """Wrap a body (``dek`` lines, then ``paragraphs``) in the page ``template``; deterministic per ``page_id``.

    Example:
        >>> a = build_page(["One.", "Two.", "Three."], title="T", page_id="x", template="blog")
        >>> a == build_page(["One.", "Two.", "Three."], title="T", page_id="x", template="blog"), a.body
        (True, 'One.\\n\\nTwo.\\n\\nThree.')
    """
    if template not in _BUILDERS:
        raise ValueError(f"unknown template {template!r} (expected one of {', '.join(TEMPLATES)})")
    rng = random.Random(zlib.crc32(f"{template}:{page_id}".encode()))
    site = rng.choice(_SITES)
    paras, deks = [x.strip() for x in paragraphs if x.strip()], [x.strip() for x in dek if x.strip()]
    blocks = _BUILDERS[template](rng, title, deks, paras, site)
    head = (f"<head><meta charset=\"utf-8\"><title>{_esc(title)} | {_esc(site)}</title>"
            f'<meta property="og:site_name" content="{html_lib.escape(site)}"></head>')
    page_html = f"<!DOCTYPE html>\n<html lang=\"en\">{head}<body>" + "".join(b[0] for b in blocks) + "</body></html>\n"
    return Page(page_html, _render_text(blocks), "\n\n".join([*deks, *paras]), template)
