"""Sanitising trainers' HTML: the allowlist, its warnings, and what reaches a page.

The classic payloads go through the sanitiser, the Markdown converter, validation (each removal
a warning at the field) and the renderer; every result is parsed (never matched with patterns)
and must hold no element or attribute that could run script or load another page.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser

import pytest

from builder.site.render import CourseRenderer, course_pages, restore_deferred
from builder.source.markdown_text import (
    MAX_FILE_MARKUP,
    MAX_INDENT,
    MAX_MARKUP,
    MAX_TEXT_CHARS,
    MarkdownText,
    limit_problem,
    may_lose_html,
)
from builder.source.sanitize import Sanitizer, embed_host, url_scheme
from builder.source.scoring import decode_key
from tests.support.html import LIVE_TAGS
from tests.support.paths import REPO
from tests.support.projects import ONE, ONE_CHECK, load, make_project, project_at

HOSTILE = REPO / "tests" / "fixtures" / "courses" / "hostile"

PAYLOADS = {
    "script tag": "<script>alert(1)</script>",
    "img onerror": '<img src=x onerror="alert(1)">',
    "svg onload": '"><svg onload=alert(1)>',
    "comment end then script": "--><script>alert(1)</script>",
    "script end in text": "</script><script>alert(1)</script>",
    "javascript link": '<a href="javascript:alert(1)">x</a>',
    "entity-encoded javascript link": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "upper-case javascript link": '<a href=" JaVaScRiPt:alert(1)">x</a>',
    "data html link": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "data html image": '<img src="data:text/html;base64,PHNjcmlwdD4=">',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "form": '<form action="https://evil.example/"><input name="password"><button>Go</button></form>',
    "base": '<base href="https://evil.example/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "style": "<style>body{display:none}</style>",
    "mxss math": (
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"
    ),
    "mxss noscript": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    "event on allowed tag": '<b onmouseover="alert(1)">b</b>',
    "dom clobbering": '<span id="__config" name="x" class="md-header">x</span>',
    "unclosed tags": '<b><i onclick="alert(1)">unclosed',
}


class Live(HTMLParser):
    """Anything in parsed HTML that could run script, load a page or pose as the page's own UI."""

    DANGEROUS = LIVE_TAGS

    def __init__(self, html: str, allowed: set[str] = frozenset(), *, own_page: bool = False):
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.own_page = own_page  # a whole page: its own ids and names are fine
        self.found: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in self.DANGEROUS - self.allowed:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if (
                name.startswith("on")
                or name == "srcdoc"
                or (name in ("style", "id", "name") and not self.own_page and tag not in ("th", "td"))
            ):
                self.found.append(f"<{tag} {name}>")
            scheme = url_scheme(value or "") if name in ("href", "src", "action", "data") else None
            if scheme not in (None, "http", "https", "mailto") and not (
                tag == "img" and (value or "").startswith("data:image/")
            ):
                self.found.append(f"<{tag} {name}={value}>")


def live(html: str) -> list[str]:
    return Live(html).found


# -- the sanitiser ----------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_sanitize_removes_every_classic_payload_and_says_so(payload):
    sanitizer = Sanitizer()
    assert live(payload), "the payload should be live before sanitising"
    cleaned = sanitizer.clean(payload)
    assert live(cleaned) == []
    assert sanitizer.clean(cleaned) == cleaned
    removals = [str(r) for r in sanitizer.removals(payload)]
    assert removals and all(r.startswith("removed ") for r in removals)


def test_sanitize_messages_say_what_was_removed_and_why():
    sanitizer = Sanitizer()
    html = (
        '<p onclick="x()">a<script>x()</script><a href="javascript:x()">b</a><img src="data:text/html,x">'
        '<iframe src="https://v.example/"></iframe><input><font>c</font><span style="color:red">d</span></p>'
    )
    assert [str(r) for r in sanitizer.removals(html)] == [
        "removed the onclick attribute of <p> (event handlers are not allowed in course text)",
        "removed <script> (scripts are not allowed in course text)",
        "removed a javascript: URL from <a> (only http, https, mailto and relative links are allowed in course text)",
        "removed a data: URL from <img> (data: URLs are allowed only as images)",
        "removed <iframe> (embedded pages and plug-ins are not allowed in course text; to embed videos, list their "
        "host in `allow_embeds_from` in mkdocs.yml)",
        "removed <input> (form elements are not allowed in course text; quizzes make their own)",
        "removed <font> (this tag is not allowed in course text; its text is kept)",
        "removed the style attribute of <span> (inline styles are not allowed in course text)",
    ]
    assert sanitizer.clean(html) == "<p>a<a>b</a><img>c<span>d</span></p>"


def test_sanitize_keeps_formatting_and_markdowns_own_tags():
    sanitizer = Sanitizer()
    kept = (
        '<p><b>b</b> <i>i</i> <em>e</em> <strong>s</strong> <code class="language-python">c</code> '
        '<kbd>Ctrl</kbd> H<sub>2</sub>O x<sup>2</sup> <mark>m</mark> <abbr title="World Health '
        'Organization">WHO</abbr><br><span lang="fr" dir="rtl">t</span> '
        '<a href="https://example.org/a?b=1&amp;c=2" title="t">l</a> <a href="../lesson/">r</a> '
        '<a href="mailto:a@example.org">m</a> <a href="#top">top</a> '
        '<img src="images/x.png" alt="x" title="t" width="10" height="10"></p>'
        '<ul><li>a</li></ul><ol start="3"><li>b</li></ol><h3>h</h3><h6>h</h6><blockquote><p>q</p></blockquote>'
        '<pre><code>x</code></pre><hr><table><thead><tr><th style="text-align:left">h</th></tr></thead>'
        '<tbody><tr><td colspan="2">d</td></tr></tbody></table>'
    )
    assert sanitizer.clean(kept) == kept
    assert sanitizer.removals(kept) == []


def test_sanitize_data_urls_only_as_images():
    sanitizer = Sanitizer()
    image = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">'
    assert sanitizer.clean(image) == image
    assert (
        sanitizer.clean('<img src="data:image/svg+xml;base64,PHN2Zz4=">')
        == '<img src="data:image/svg+xml;base64,PHN2Zz4=">'
    )
    assert sanitizer.clean('<a href="data:image/png;base64,iVBORw0KGgo=">x</a>') == "<a>x</a>"
    assert sanitizer.clean('<img src="data:,hello">') == "<img>"


def test_sanitize_embeds_only_from_listed_hosts():
    video = (
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315" title="Video" '
        'allow="encrypted-media; picture-in-picture" allowfullscreen=""></iframe>'
    )
    assert Sanitizer().clean(video) == ""
    allowed = Sanitizer(["www.youtube-nocookie.com", "player.vimeo.com"])
    assert allowed.clean(video) == video
    assert allowed.removals(video) == []
    assert [str(r) for r in allowed.removals('<iframe src="https://evil.example/x"></iframe>')] == [
        "removed an embed from evil.example (its host is not listed in `allow_embeds_from` in mkdocs.yml)"
    ]
    for sneaky in (
        "http://www.youtube-nocookie.com/embed/abc",
        "https://evil.example\\@www.youtube-nocookie.com/",
        "https://www.youtube-nocookie.com@evil.example/",
        "https://evil.example/?https://player.vimeo.com",
        "javascript://www.youtube-nocookie.com/%0aalert(1)",
        "//www.youtube-nocookie.com/embed/abc",
        "https://www.youtube-nocookie.com.evil.example/",
        "data:text/html,x",
    ):
        assert allowed.clean(f'<iframe src="{sneaky}"></iframe>') == "<iframe></iframe>", sneaky
        assert allowed.removals(f'<iframe src="{sneaky}"></iframe>'), sneaky


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("javascript:x", "javascript"),
        (" \tJaVa\nScript:x", "javascript"),
        ("\x00javascript:x", "javascript"),
        ("https://a/b", "https"),
        ("images/x.png", None),
        ("../x:y", None),
        ("#a:b", None),
        ("?q=a:b", None),
        ("java\x00script:x", None),
        ("1http:x", None),
    ],
)
def test_sanitize_url_scheme_reads_urls_like_browsers(url, scheme):
    assert url_scheme(url) == scheme


def test_sanitize_embed_host_refuses_ambiguous_urls():
    assert embed_host("https://Player.Vimeo.com:443/video/1") == "player.vimeo.com"
    assert embed_host("https://a@b/") is None and embed_host("https://a\\b/") is None
    assert embed_host("https://a b/") is None and embed_host("http://a/") is None


# -- Markdown text ----------------------------------------------------------------------------


def test_markdown_code_span_with_comment_end_and_script_stays_text():
    text = MarkdownText()
    html = text.inline("Type `--><script>alert(1)</script>` here")
    assert html == "Type <code>--&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code> here"
    block = text.block("```html\n<!-- --><script>alert(1)</script> -->\n```")
    assert live(block) == [] and "&lt;script&gt;" in block


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("kind", ["block", "inline"])
def test_markdown_text_never_outputs_a_live_payload(payload, kind):
    text = MarkdownText()
    for sample in (
        payload,
        f"Before {payload} after",
        f"*{payload}*",
        f"- {payload}\n- two",
        f"[{payload}](x.md)",
        f"> {payload}",
    ):
        assert live(getattr(text, kind)(sample, root="../")) == [], sample
        assert text.removals(sample, kind) and may_lose_html(sample), sample  # validation asks only those


def test_markdown_links_with_unsafe_schemes_are_removed():
    text = MarkdownText()
    assert text.inline("[x](javascript:alert(1))") == "<a>x</a>"
    assert text.inline("[x](data:text/html,hi)") == "<a>x</a>"
    assert (
        text.block("![i](data:image/png;base64,iVBORw0KGgo=)")
        == '<p><img alt="i" src="data:image/png;base64,iVBORw0KGgo="></p>'
    )
    assert [str(r) for r in text.removals("See [x](javascript:alert(1)).", "block")] == [
        "removed a javascript: URL from <a> (only http, https, mailto and relative links are allowed in course text)"
    ]


def test_markdown_output_without_html_is_untouched():
    """Text without `<`, `&` or unusual URLs is Markdown's own output, byte for byte."""
    text = MarkdownText()
    sample = "# Title\n\nSee [map](images/map.png) and ![i](/abs.png).  \nNext line: https://example.org"
    assert text.block(sample, root="../") == text._block.reset().convert(sample)
    assert text.removals(sample, "block") == []
    assert not may_lose_html("# Title\n\nSee [map](images/map.png) and ![i](/abs.png).")


def test_markdown_embeds_follow_the_allowed_hosts():
    embed = '<iframe src="https://player.vimeo.com/video/1" title="Video"></iframe>'
    assert MarkdownText().block(embed) == ""
    assert MarkdownText(["player.vimeo.com"]).block(embed) == embed
    assert MarkdownText(["player.vimeo.com"]).removals(embed, "block") == []


# -- validation: a warning at each field --------------------------------------------------------


def test_validate_warns_about_unsafe_html_at_the_field(tmp_path):
    lesson = ONE.replace(
        "    body: Hello.", "    body: |\n      Hi <script>alert(1)</script>\n\n      <img src=x onerror=alert(1)>"
    )
    quiz = ONE_CHECK.replace("      - text: That", "      - text: 'That <a href=\"javascript:x\">x</a>'")
    course, problems = load(make_project(tmp_path, content__one=lesson, quizzes__one_check=quiz))
    assert course is not None
    unsafe = [str(p) for p in problems if p.code == "unsafe-html"]
    assert unsafe == [
        "content/one.yml:12:11: warning: sections[0].body: removed <script> (scripts are not allowed in course text)",
        "content/one.yml:12:11: warning: sections[0].body: removed the onerror attribute of <img> (event handlers "
        "are not allowed in course text)",
        "quizzes/one-check.yml:11:15: warning: questions[0].options[1].text: removed a javascript: URL from <a> "
        "(only http, https, mailto and relative links are allowed in course text)",
    ]


def test_validate_skips_the_html_check_while_there_are_errors(tmp_path):
    lesson = ONE.replace("    body: Hello.", "    body: <script>x</script>").replace(
        "duration_minutes: 5", "duration_minutes: lots"
    )
    _, problems = load(make_project(tmp_path, content__one=lesson))
    assert any(p.is_error for p in problems)
    assert not [p for p in problems if p.code == "unsafe-html"]


@pytest.mark.parametrize("bad_id", ['"><svg onload=alert(1)>', "<script>", "a b", "x\u202eevil"])
def test_validate_refuses_ids_that_would_carry_markup(tmp_path, bad_id):
    lesson = ONE.replace("  - id: spot\n", f"  - id: {json.dumps(bad_id)}\n")
    _, problems = load(make_project(tmp_path, content__one=lesson))
    messages = [str(p) for p in problems if p.is_error]
    assert messages[0].startswith(
        f"content/one.yml:6:9: objectives[0].id: '{bad_id}' is not a valid id: use "
        "lowercase letters, digits and hyphens"
    )


def test_validate_hostile_fixture_is_valid_and_warns_about_every_payload(tmp_path):
    shutil.copytree(HOSTILE, tmp_path / "hostile")
    course, problems = load(project_at(tmp_path / "hostile"))
    assert course is not None, [str(p) for p in problems]
    warned = {(p.location.path, p.text.split(":")[0]) for p in problems if p.code == "unsafe-html"}
    # every Markdown field that holds a payload is reported (titles and summaries are plain text)
    assert ("content/course.yml", "description") in warned
    assert ("content/hostile-lesson.yml", "sections[1].body") in warned
    assert ("quizzes/hostile-check.yml", "questions[0].options[0].feedback") in warned
    assert ("quizzes/hostile-check.yml", "questions[4].pairs[0].right") in warned
    assert ("quizzes/hostile-final.yml", "questions[0].explanation") in warned
    assert ("quizzes/hostile-play.yml", "nodes.first.choices[0].feedback") in warned
    assert len([w for w in warned if w[0] == "quizzes/hostile-play.yml"]) == 9  # every text of the role-play
    assert len(warned) == 36


def test_validate_refuses_markdown_too_large_to_convert_in_bounded_time(tmp_path):
    brackets = "[" * (MAX_MARKUP + 1)
    lesson = ONE.replace("    body: Hello.", f"    body: '{brackets}'")
    _, problems = load(make_project(tmp_path, content__one=lesson))
    assert [str(p) for p in problems if p.code == "too-large"] == [
        f"content/one.yml:12:11: sections[0].body: holds {MAX_MARKUP + 1:,} '[' and '<' characters; the limit is "
        f"{MAX_MARKUP:,} (split it into several sections)"
    ]
    sections = "".join(
        f"  - title: S{i}\n    body: '{'[' * (MAX_MARKUP - 1)}'\n" for i in range(MAX_FILE_MARKUP // MAX_MARKUP + 1)
    )
    lesson = ONE.replace("  - title: Start\n    body: Hello.\n", sections)
    _, problems = load(make_project(tmp_path / "many", content__one=lesson))
    assert [str(p) for p in problems if p.code == "too-large"] == [
        f"content/one.yml:1:1: the Markdown text of this file holds {(MAX_MARKUP - 1) * 11:,} '[' and '<' "
        f"characters; the limit is {MAX_FILE_MARKUP:,} per file (split it into several lessons or quizzes)"
    ]


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("\t" * 50 + " - x", 201),  # the first line, a tab counting 4
        ("Intro\n\n" + " " * 150 + "- a\n" + " " * 201 + "- b\n", 201),  # the deepest line counts
        ("Intro\r\n" + " \t" * 51 + "x", 204),  # a space then a tab is one tab stop
        ("Intro\n" + "\t" * 10 + " " * 170 + "x", 210),
    ],
)
def test_markdown_indented_past_the_limit_names_its_deepest_line(text, columns):
    assert limit_problem(text) == (
        f"has a line indented {columns:,} columns; the limit is {MAX_INDENT} (lists nest too deeply)"
    )


@pytest.mark.parametrize(
    "text",
    ["Intro\n" + " " * MAX_INDENT + "x", "\t" * (MAX_INDENT // 4) + "x", "x" + " " * 300 + "y", "\n".join(["a"] * 300)],
)
def test_markdown_indented_within_the_limit_or_not_at_all_is_accepted(text):
    assert limit_problem(text) is None  # spaces inside a line are no indent


@pytest.mark.parametrize(
    "text",
    [
        "<b>" * (MAX_MARKUP + 1),
        "x" * (MAX_TEXT_CHARS + 1),
        "".join(" " * (4 * i) + "- <i>x</i>\n" for i in range(MAX_INDENT // 4 + 2)),
    ],
)
def test_markdown_over_the_limits_is_shown_as_escaped_text(text):
    assert limit_problem(text) is not None
    html = MarkdownText().block(text)
    assert html.startswith("<p>") and "<b>" not in html and "<i>" not in html and live(html) == []


# -- what reaches the page ------------------------------------------------------------------


def _hostile_pages(tmp_path):
    shutil.copytree(HOSTILE, tmp_path / "hostile")
    course, _problems = load(project_at(tmp_path / "hostile"))
    assert course is not None
    renderer = CourseRenderer(course)
    for spec in course_pages(course):
        rendered = renderer.render(spec)
        yield spec, restore_deferred(rendered.html, rendered.deferred), renderer


class _Keys(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.keys: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("data-quiz-key"):
            self.keys.append(dict(attrs)["data-quiz-key"])


def _key_html(key: dict) -> list[str]:
    out = []
    for question in key["questions"].values():
        out += list(question.get("feedback", {}).values())
        if question.get("explanation"):
            out.append(question["explanation"])
    return out


def test_rendered_hostile_pages_hold_no_live_payload(tmp_path):
    """Every page the course adds, and the HTML inside its answer key, parsed: only the course's own script."""
    kinds = set()
    for spec, html, _ in _hostile_pages(tmp_path):
        kinds.add(spec.kind)
        # the course's own script, form controls and noscript notices are checked one by one below
        assert (
            Live(html, allowed={"script", "form", "input", "button", "select", "noscript", "link"}, own_page=True).found
            == []
        ), spec.src_uri
        for encoded in _Keys(html).keys:
            key = decode_key(encoded)
            for fragment in _key_html(key):
                assert live(fragment) == [], fragment
        scripts = [a for t, a in _Tags(html).tags if t == "script"]
        assert len(scripts) <= 1 and all(
            a.get("type") == "module" and a.get("src", "").endswith("assets/course/course.js") for a in scripts
        )
        links = [a for t, a in _Tags(html).tags if t == "link"]
        own = "certificate.css" if spec.kind == "certificate" else "scenario.css"
        assert all(a == {"rel": "stylesheet", "href": f"../assets/course/{own}"} for a in links), links
        forms = [a for t, a in _Tags(html).tags if t in ("input", "button", "select", "form")]
        assert all(a.get("class", "").startswith("course-") for a in forms), spec.src_uri
    assert kinds >= {"home", "lesson", "quiz", "progress", "certificate"}


class _Tags(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_answer_key_is_not_readable_in_the_page_source(tmp_path):
    """Right answers, accepted words, feedback and explanations are only in the encoded key."""
    quiz = (
        ONE_CHECK.replace("prompt: Which?", "prompt: Which?\n    explanation: Because zebras stripe.")
        .replace("      - text: That", "      - text: That\n        feedback: Quokkas smile.")
        .replace("accept: [word]", "accept: [xylophone]")
    )
    course, _ = load(make_project(tmp_path, quizzes__one_check=quiz))
    renderer = CourseRenderer(course)
    spec = next(p for p in course_pages(course) if p.ref == "one")
    rendered = renderer.render(spec)
    html = restore_deferred(rendered.html, rendered.deferred)
    for secret in ("zebras", "Quokkas", "xylophone", '"correct"', "correct: true"):
        assert secret not in html, secret
    key = decode_key(_Keys(html).keys[0])
    assert key["questions"]["q2"]["accept"] == ["xylophone"]
