"""Rendering the model to pages: structure, markup hooks, escaping and URLs."""

import html as html_module
import re
from html.parser import HTMLParser

from builder.site.render import CourseRenderer, course_pages, restore_deferred
from builder.source.questions import normalise_answer
from builder.source.scoring import decode_key
from tests.support.projects import FINAL, ONE, ONE_CHECK, load, make_project


def page_html(renderer, page) -> str:
    """The page as the learner gets it (deferred quiz forms put back)."""
    rendered = renderer.render(page)
    return restore_deferred(rendered.html, rendered.deferred)


def build(tmp_path, directory_urls=True, **overrides):
    course, problems = load(make_project(tmp_path, **overrides))
    assert course is not None, problems
    renderer = CourseRenderer(course, directory_urls=directory_urls)
    return course, renderer, {p.src_uri: p for p in course_pages(course)}


class Elements(HTMLParser):
    """Every start tag with its attributes, to check labels and hooks without regexes over HTML."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag=None, **attrs):
        return [
            a
            for t, a in self.tags
            if (tag is None or t == tag) and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]


def test_render_pages_follow_course_order(tmp_path):
    _, _, pages = build(tmp_path)
    assert list(pages) == [
        "index.md",
        "one/index.md",
        "two/index.md",
        "final/index.md",
        "progress/index.md",
        "certificate/index.md",
    ]


def test_render_home_lists_lessons_with_summary_duration_and_objectives(tmp_path):
    _, renderer, pages = build(tmp_path)
    html = page_html(renderer, pages["index.md"])
    assert "<h1" in html and "Test course" in html
    for text in ("Lesson one", "The first.", "About 5 minutes", "Spot the thing.", "Put things in order."):
        assert text in html
    assert 'href="one/"' in html and 'href="final/"' in html


def test_render_lesson_shows_objectives_sections_by_kind_key_points_and_quiz(tmp_path):
    one = (
        ONE.replace(
            "    body: Hello.\n", "    body: Hello.\n  - title: Careful\n    kind: warning\n    body: Mind the step.\n"
        )
        + "key_points: [Keep it *short*.]\n"
    )
    _, renderer, pages = build(tmp_path, content__one=one)
    page = renderer.render(pages["one/index.md"])
    elements = Elements(restore_deferred(page.html, page.deferred))
    assert elements.find("section", class_="course-section course-section--warning")
    assert '<span class="course-section__kind">Warning' in page.html
    assert "data-question" not in page.html  # the quiz form waits until the page is finished
    assert "<li>Keep it <em>short</em>.</li>" in page.html
    assert [title for _, _, title in page.outline] == ["In this lesson", "Start", "Careful", "Key points", "Check one"]
    assert elements.find("section", data_quiz="one-check")
    assert len(elements.find("fieldset", data_question="q1")) == 1
    assert 'rel="next" href="../two/"' in page.html


def test_render_quiz_inputs_are_labelled_by_their_visible_text(tmp_path):
    _, renderer, pages = build(tmp_path)
    html = page_html(renderer, pages["final/index.md"])
    elements = Elements(html)
    controls = elements.find("input") + elements.find("select")
    assert len(controls) == 2 + 3 + 2  # true/false radios, 3 ordering selects, 2 matching selects
    labelled = {a["for"] for a in elements.find("label")}
    assert all(c["id"] in labelled for c in controls)
    for hook in ("data-quiz-submit", "data-quiz-retry", "data-quiz-result"):
        assert len(re.findall(hook + r"[\s>=]", html)) == 1
    assert re.search(r"<label[^>]*>True</label>", html) and re.search(r"<label[^>]*>False</label>", html)


def test_render_ordering_is_never_shown_in_the_correct_order(tmp_path):
    for items in ("[A, B]", "[A, B, C]", "[One, Two, Three, Four]"):
        final = FINAL.replace("[A, B, C]", items)
        _, renderer, pages = build(tmp_path, quizzes__final=final)
        html = page_html(renderer, pages["final/index.md"])
        shown = re.findall(r'<label class="course-row__label"[^>]*>([^<]+)</label>', html)[: items.count(",") + 1]
        assert shown != [s.strip() for s in items.strip("[]").split(",")]


def test_render_answer_key_is_encoded_not_in_page_text(tmp_path):
    check = ONE_CHECK.replace("accept: [word]", "accept: [Secretword, '  Other   Word ']")
    _, renderer, pages = build(tmp_path, quizzes__one_check=check)
    html = page_html(renderer, pages["one/index.md"])
    assert "secretword" not in html.lower()
    encoded = re.search(r'data-quiz-key="([^"]+)"', html).group(1)
    key = decode_key(html_module.unescape(encoded))
    assert key["passMark"] == 70
    assert key["questions"]["q2"] == {
        "type": "short_text",
        "points": 1,
        "accept": sorted([normalise_answer("Secretword"), "other word"]),
    }


def test_render_escapes_trainer_text_in_titles_and_attributes(tmp_path):
    one = ONE.replace("title: Lesson one", 'title: "<script>alert(1)</script> \\"quoted\\""')
    _, renderer, pages = build(tmp_path, content__one=one)
    html = page_html(renderer, pages["one/index.md"])
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_render_relative_links_follow_the_page_depth(tmp_path):
    one = ONE.replace(
        "body: Hello.", "body: 'See [the map](images/map.png) or [top](#start) or [web](https://example.org).'"
    )
    _, renderer, pages = build(tmp_path, content__one=one)
    html = page_html(renderer, pages["one/index.md"])
    assert 'href="../images/map.png"' in html and 'href="#start"' in html and 'href="https://example.org"' in html


def test_render_without_directory_urls_links_to_index_files(tmp_path):
    _, renderer, pages = build(tmp_path, directory_urls=False)
    html = page_html(renderer, pages["one/index.md"])
    assert 'href="../two/index.html"' in html and 'href="../index.html"' in html
