"""Allowlist sanitising of the HTML that trainers' Markdown becomes.

Markdown fields may hold inline HTML for formatting (`<kbd>`, `<sup>`, `<mark>`…); anything
that could run script, load another page, look like a form or change the page around the
text is removed. The removal itself is done by nh3 (the Rust Ammonia sanitiser, which parses
HTML the way browsers do), never by patterns over the text. This module also describes what
a field loses, in a trainer's words, so validation can warn about it at the field's location.

What is kept:
- formatting tags (`ALLOWED_TAGS`) and the tags Markdown itself produces;
- the attributes in `ALLOWED_ATTRIBUTES` (no event handlers, no `style` except text
  alignment in tables, no `id`/`name`/`class` that could clash with the page's own);
- links and images with http, https, mailto or relative URLs; `data:` URLs only as the
  `src` of an `<img>` and only for `image/*` types;
- `<iframe>` only when its `src` is an https URL on a host the course allows
  (`allowed_embed_hosts`, empty by default: no embeds).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nh3

INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "br",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "i",
        "img",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
        "var",
        "wbr",
    }
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "ul",
        "ol",
        "li",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "blockquote",
        "hr",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "colgroup",
        "col",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "details",
        "summary",
    }
)
ALLOWED_TAGS = INLINE_TAGS | BLOCK_TAGS
"""Tags kept in course text (h1 and h2 are the page's own: Markdown headings are shifted below them)."""

ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"title", "lang", "dir"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"colspan", "rowspan", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "code": frozenset({"class"}),
    "details": frozenset({"open"}),
}
"""Attributes kept, by tag (`*`: on every tag). `style` keeps only `text-align` (Markdown tables)."""

EMBED_ATTRIBUTES = frozenset(
    {"src", "width", "height", "allow", "allowfullscreen", "frameborder", "loading", "referrerpolicy"}
)
"""Attributes kept on an allowed `<iframe>` (what video sites' embed codes use)."""
URL_SCHEMES = frozenset({"http", "https", "mailto"})
STYLE_PROPERTIES = frozenset({"text-align"})

SCRIPT_TAGS = frozenset({"script"})
STYLE_TAGS = frozenset({"style", "link"})
EMBED_TAGS = frozenset({"iframe", "object", "embed", "applet", "frame", "frameset", "noembed", "noframes", "portal"})
FORM_TAGS = frozenset(
    {
        "form",
        "input",
        "button",
        "select",
        "option",
        "optgroup",
        "textarea",
        "label",
        "fieldset",
        "legend",
        "datalist",
        "output",
        "meter",
        "progress",
        "keygen",
    }
)
FOREIGN_TAGS = frozenset({"svg", "math"})
PAGE_TAGS = frozenset({"html", "head", "body", "meta", "base", "title"})
REMOVED_WITH_CONTENT = (
    SCRIPT_TAGS
    | STYLE_TAGS
    | EMBED_TAGS
    | FOREIGN_TAGS
    | {"select", "textarea", "datalist", "noscript", "template", "title", "xmp", "canvas"}
)
"""Tags removed together with everything inside them; other tags that are not allowed lose only the tag."""

_REASONS = (
    (SCRIPT_TAGS, "scripts are not allowed in course text"),
    (STYLE_TAGS, "style sheets and linked files are not allowed in course text"),
    (FORM_TAGS, "form elements are not allowed in course text; quizzes make their own"),
    (FOREIGN_TAGS, "inline SVG and MathML are not allowed in course text; use an image file"),
    (PAGE_TAGS, "page-level tags are not allowed in course text"),
)
_EMBED_REASON = "embedded pages and plug-ins are not allowed in course text"
_EMBED_HINT = "; to embed videos, list their host in `allow_embeds_from` in mkdocs.yml"


def _url_text(value: str) -> str:
    """A URL as browsers read it: surrounding spaces and control characters dropped, tabs and newlines removed."""
    return "".join(ch for ch in value.strip("".join(map(chr, range(33)))) if ch not in "\t\n\r")


def url_scheme(value: str) -> str | None:
    """The scheme of a URL in lower case (`javascript`), or None for a relative URL."""
    text = _url_text(value)
    for index, ch in enumerate(text):
        if ch == ":":
            scheme = text[:index]
            if (
                scheme
                and scheme[0].isascii()
                and scheme[0].isalpha()
                and all(c.isascii() and (c.isalnum() or c in "+-.") for c in scheme)
            ):
                return scheme.lower()
            return None
        if ch in "/?#":
            return None
    return None


def is_image_data_url(value: str) -> bool:
    """`data:image/<type>...,` — the only data: URLs kept, and only as an image's source."""
    text = _url_text(value).lower()
    if not text.startswith("data:image/") or "," not in text:
        return False
    media = text[len("data:image/") : text.index(",")].split(";", 1)[0]
    return bool(media) and all(c.isalnum() or c in "+-." for c in media)


def embed_host(value: str) -> str | None:
    """The host of an https URL, or None when the URL is anything else or could be read two ways."""
    text = value.strip()
    if (
        not text.lower().startswith("https://")
        or any(ch in text for ch in "\\@")
        or any(ch.isspace() or ord(ch) < 32 for ch in text)
    ):
        return None
    host = text[len("https://") :]
    for end in "/?#":
        host = host.split(end, 1)[0]
    return host.lower().removesuffix(":443") or None


@dataclass(frozen=True, slots=True)
class Removal:
    """Something the sanitiser takes out of a field, in a trainer's words: `removed <script> (...)`."""

    what: str
    why: str

    def __str__(self) -> str:
        return f"removed {self.what} ({self.why})"


class AttributeProblem(Enum):
    """Why the sanitiser removes an attribute of a tag it keeps."""

    EMBED = "an iframe from a host the course does not allow"
    DATA_URL = "a data: URL anywhere but an image's src"
    SCHEME = "a URL scheme other than http, https or mailto"
    CLASS = "a class on code other than language-…"


class Sanitizer:
    """Cleans HTML fragments with one reusable nh3 cleaner; embeds allowed only from `allowed_embed_hosts`."""

    def __init__(self, allowed_embed_hosts: Iterable[str] = ()):
        self.embed_hosts = frozenset(h.strip().lower() for h in allowed_embed_hosts if h and h.strip())
        tags = set(ALLOWED_TAGS)
        attributes = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
        removed = set(REMOVED_WITH_CONTENT)
        if self.embed_hosts:
            tags.add("iframe")
            removed.discard("iframe")
            attributes["iframe"] = set(EMBED_ATTRIBUTES)
        self.tags = frozenset(tags)
        self.attributes = {tag: frozenset(names) for tag, names in attributes.items()}
        self._removed = frozenset(removed)
        self._cleaner: nh3.Cleaner | None = None
        self._permissive: nh3.Cleaner | None = None

    def clean(self, html: str) -> str:
        """The HTML with everything not on the allowlist removed."""
        if self._cleaner is None:
            # nh3 is loaded by the first text that needs cleaning (raw HTML, an entity or a URL scheme):
            # a course written in plain Markdown never loads it
            import nh3

            self._cleaner = nh3.Cleaner(
                tags=set(self.tags),
                clean_content_tags=set(self._removed),
                attributes={tag: set(names) for tag, names in self.attributes.items()},
                attribute_filter=self._filter,
                strip_comments=True,
                link_rel=None,
                url_schemes=set(URL_SCHEMES) | {"data"},
                filter_style_properties=set(STYLE_PROPERTIES),
            )
        return self._cleaner.clean(html)

    def removals(self, html: str) -> list[Removal]:
        """What `clean` takes out of this HTML, each thing once, in document order."""
        finder = _RemovalFinder(self)
        finder.feed(html)
        finder.close()
        found = list(dict.fromkeys(finder.found))
        if not found and self.clean(html) != self.normalised(html):
            found.append(Removal("HTML that is not allowed", "only simple formatting is allowed in course text"))
        return found

    def normalised(self, html: str) -> str:
        """The HTML as nh3 writes it back with every attribute kept: what `clean` returns when it removes nothing."""
        if self._permissive is None:
            import nh3

            tags = set(nh3.ALLOWED_TAGS) | self.tags
            self._permissive = nh3.Cleaner(
                tags=tags,
                clean_content_tags=set(REMOVED_WITH_CONTENT) - tags,
                generic_attribute_prefixes={""},
                strip_comments=True,
                link_rel=None,
                url_schemes=set(URL_SCHEMES) | {"data"},
                filter_style_properties=set(STYLE_PROPERTIES),
            )
        return self._permissive.clean(html)

    # -- the rules nh3 cannot express on its own, shared with the report below -------------------
    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        return value if self.attribute_problem(tag, attribute, value) is None else None

    def attribute_problem(self, tag: str, attribute: str, value: str) -> AttributeProblem | None:
        """Why an attribute of an allowed tag is removed, or None when it is kept."""
        if attribute in ("href", "src"):
            scheme = url_scheme(value)
            if tag == "iframe":
                host = embed_host(value)
                if host is None or host not in self.embed_hosts:
                    return AttributeProblem.EMBED
                return None
            if scheme == "data":
                if (tag, attribute) == ("img", "src") and is_image_data_url(value):
                    return None
                return AttributeProblem.DATA_URL
            if scheme is not None and scheme not in URL_SCHEMES:
                return AttributeProblem.SCHEME
        if tag == "code" and attribute == "class" and not all(token.startswith("language-") for token in value.split()):
            return AttributeProblem.CLASS
        return None


class _RemovalFinder(HTMLParser):
    """Walks HTML (entities decoded, as browsers do) and lists what the sanitiser's rules remove."""

    def __init__(self, sanitizer: Sanitizer):
        super().__init__(convert_charrefs=True)
        self.sanitizer = sanitizer
        self.found: list[Removal] = []
        self.skipping: list[str] = []  # open tags removed with their content

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.append(tag)
            return
        sanitizer = self.sanitizer
        if tag not in sanitizer.tags:
            self.found.append(_tag_removal(tag, sanitizer))
            if tag in REMOVED_WITH_CONTENT and tag not in _VOID:
                self.skipping.append(tag)
            return
        allowed = sanitizer.attributes.get(tag, frozenset()) | sanitizer.attributes["*"]
        for name, value in attrs:
            if name not in allowed:
                self.found.append(_attribute_removal(tag, name))
                continue
            problem = sanitizer.attribute_problem(tag, name, value or "")
            if problem is not None:
                self.found.append(_value_removal(tag, name, value or "", problem))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag == self.skipping[0]:
            self.skipping.pop()


_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "keygen",
        "frame",
    }
)


def _tag_removal(tag: str, sanitizer: Sanitizer) -> Removal:
    shown = f"<{tag}>"
    for tags, why in _REASONS:
        if tag in tags:
            return Removal(shown, why)
    if tag in EMBED_TAGS:
        return Removal(shown, _EMBED_REASON + (_EMBED_HINT if tag == "iframe" else ""))
    if tag in ("h1", "h2"):
        return Removal(
            shown,
            "the page uses h1 and h2 itself; write Markdown headings (#), which are placed "
            "below them, and the heading text is kept",
        )
    if tag in REMOVED_WITH_CONTENT:
        return Removal(shown, "this tag is not allowed in course text and is removed with its content")
    return Removal(shown, "this tag is not allowed in course text; its text is kept")


def _attribute_removal(tag: str, name: str) -> Removal:
    what = f"the {name} attribute of <{tag}>"
    if name.startswith("on"):
        return Removal(what, "event handlers are not allowed in course text")
    if name == "style":
        return Removal(what, "inline styles are not allowed in course text")
    return Removal(what, "this attribute is not allowed in course text")


def _value_removal(tag: str, name: str, value: str, problem: AttributeProblem) -> Removal:
    if problem is AttributeProblem.EMBED:
        host = embed_host(value)
        if host is None:
            return Removal(
                f"the address of an <{tag}>",
                "embeds must be https addresses on a host listed in `allow_embeds_from` in mkdocs.yml",
            )
        return Removal(f"an embed from {host[:80]}", "its host is not listed in `allow_embeds_from` in mkdocs.yml")
    if problem is AttributeProblem.DATA_URL:
        return Removal(f"a data: URL from <{tag}>", "data: URLs are allowed only as images")
    if problem is AttributeProblem.CLASS:
        return Removal(f"the class attribute of <{tag}>", "only language-… classes are allowed on code")
    scheme = url_scheme(value) or ""
    return Removal(
        f"a {scheme[:20]}: URL from <{tag}>", "only http, https, mailto and relative links are allowed in course text"
    )
