"""Rendering a course with modules: module overview pages, navigation, and home, progress and
certificate pages that list modules instead of every lesson."""

import re

from builder.site.navigation import course_nav
from builder.site.render import CourseRenderer, PageSpec, course_pages
from builder.source.scoring import quiz_version
from tests.support.html import Elements, build, page_html
from tests.support.projects import ONE_CHECK, TWO

MODULES = """\
title: Test course
description: For tests.
pass_mark: 70
modules:
  - title: Start here!
    lessons: [one]
  - title: Then
    lessons: [two, three]
  - title: start  HERE
    lessons: [four]
final_quiz: final
"""


def lesson(lesson_id: str, quiz: bool = True) -> str:
    text = TWO.replace("id: two", f"id: {lesson_id}").replace("Lesson two", f"Lesson {lesson_id}")
    return text + (f"quiz: {lesson_id}-check\n" if quiz else "")


def quiz(quiz_id: str, pass_mark: int | None = None) -> str:
    text = (
        ONE_CHECK.replace("id: one-check", f"id: {quiz_id}")
        .replace("objective: spot", "objective: order")
        .replace("objective: say", "objective: order")
    )
    return text.replace("questions:", f"pass_mark: {pass_mark}\nquestions:") if pass_mark else text


def build_modules(tmp_path, **overrides):
    files = {
        "content__course": MODULES,
        "content__three": lesson("three"),
        "content__four": lesson("four", quiz=False),
        "content__two": lesson("two"),
        "quizzes__two_check": quiz("two-check", 90),
        "quizzes__three_check": quiz("three-check"),
    }
    files.update(overrides)
    return build(tmp_path, **files)


def test_render_modules_pages_put_each_module_page_before_its_lessons(tmp_path):
    _, _, pages = build_modules(tmp_path)
    assert [(p.src_uri, p.kind, p.ref, p.module) for p in pages.values()] == [
        ("index.md", "home", None, None),
        ("modules/start-here/index.md", "module", None, 0),
        ("one/index.md", "lesson", "one", None),
        ("modules/then/index.md", "module", None, 1),
        ("two/index.md", "lesson", "two", None),
        ("three/index.md", "lesson", "three", None),
        ("modules/start-here-2/index.md", "module", None, 2),  # same slug as the first: made unique
        ("four/index.md", "lesson", "four", None),
        ("final/index.md", "quiz", "final", None),
        ("progress/index.md", "progress", None, None),
        ("certificate/index.md", "certificate", None, None),
    ]
    assert pages["modules/start-here-2/index.md"].title == "start  HERE"


def test_render_modules_slug_of_a_title_without_letters(tmp_path):
    course = MODULES.replace("title: Then", "title: '***'").replace("title: start  HERE", "title: '!!'")
    _, _, pages = build_modules(tmp_path, content__course=course)
    assert [p.src_uri for p in pages.values() if p.kind == "module"] == [
        "modules/start-here/index.md",
        "modules/module/index.md",
        "modules/module-2/index.md",
    ]


def test_render_modules_navigation_sections_start_with_the_overview(tmp_path):
    course, _, pages = build_modules(tmp_path)
    assert course_nav(course, list(pages.values())) == [
        {"Home": "index.md"},
        {"Start here!": [{"Overview": "modules/start-here/index.md"}, {"Lesson one": "one/index.md"}]},
        {
            "Then": [
                {"Overview": "modules/then/index.md"},
                {"Lesson two": "two/index.md"},
                {"Lesson three": "three/index.md"},
            ]
        },
        {"start  HERE": [{"Overview": "modules/start-here-2/index.md"}, {"Lesson four": "four/index.md"}]},
        {"Final": "final/index.md"},
        {"Your progress": "progress/index.md"},
        {"Certificate": "certificate/index.md"},
    ]


def test_render_module_page_lists_its_lessons_with_passed_marks_and_links(tmp_path):
    course, renderer, pages = build_modules(tmp_path)
    html = page_html(renderer, pages["modules/then/index.md"])
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert re.search(r"<h1 [^>]*>Then</h1>", html)
    assert "Module 2 of 3 · 2 lessons · about 10 minutes" in text
    elements = Elements(html)
    assert [a["data-lesson"] for a in elements.find("li", class_="course-lessons__item")] == ["two", "three"]
    marks = elements.find("span", class_="course-passed-mark")
    assert [m["data-quiz-group"] for m in marks] == [  # a lesson's quiz is a group of one
        f"two-check:{quiz_version(course.quizzes['two-check'])}:90",
        f"three-check:{quiz_version(course.quizzes['three-check'])}:70",
    ]
    for expected in ("The second.", "Put things in order.", "What you will be able to do"):
        assert expected in html  # summary, objectives: as the home page of a course without modules
    hrefs = [a["href"] for a in elements.find("a")]
    assert "../../two/" in hrefs and "../../three/" in hrefs and "../../one/" not in hrefs
    assert "../../" in hrefs  # back to the course overview
    pager = html[html.index('<nav class="course-pager"') :]
    assert 'rel="prev" href="../../modules/start-here/"' in pager and "Previous module" in pager
    assert 'rel="next" href="../../modules/start-here-2/"' in pager and "Next module" in pager
    assert '<script type="module" src="../../assets/course/course.js"></script>' in html
    assert 'data-course="course-progress:test-course"' in html


def test_render_module_pages_first_and_last_link_the_overview_and_final_quiz(tmp_path):
    _, renderer, pages = build_modules(tmp_path)
    first = page_html(renderer, pages["modules/start-here/index.md"])
    assert re.search(
        r'rel="prev" href="\.\./\.\./"><span class="course-pager__label">Back</span> Course overview', first
    )
    last = page_html(renderer, pages["modules/start-here-2/index.md"])
    assert 'rel="next" href="../../final/"' in last
    _, renderer, pages = build_modules(tmp_path / "nofinal", content__course=MODULES.replace("final_quiz: final\n", ""))
    assert 'rel="next" href="../../progress/"' in page_html(renderer, pages["modules/start-here-2/index.md"])


def test_render_modules_plain_urls(tmp_path):
    course, _, pages = build_modules(tmp_path)
    renderer = CourseRenderer(course, directory_urls=False)
    html = page_html(renderer, pages["modules/then/index.md"])
    assert 'href="../../two/index.html"' in html and 'href="../../modules/start-here/index.html"' in html
    assert 'href="modules/then/index.html"' in page_html(renderer, pages["index.md"])


def test_render_modules_home_lists_modules_not_lesson_details(tmp_path):
    _, renderer, pages = build_modules(tmp_path)
    html = page_html(renderer, pages["index.md"])
    elements = Elements(html)
    items = elements.find("li", class_="course-modules__item")
    assert len(items) == 3
    titles = re.findall(r'<h3 class="course-modules__title"><a href="([^"]+)">([^<]+)</a></h3>', html)
    assert titles == [
        ("modules/start-here/", "Start here!"),
        ("modules/then/", "Then"),
        ("modules/start-here-2/", "start  HERE"),
    ]
    assert "2 lessons · about 10 minutes" in html and "1 lesson · about 5 minutes" in html
    # lesson titles only, as links: no summaries, objectives or passed marks
    assert '<a href="three/">Lesson three</a>' in html
    for absent in ("The second.", "Put things in order.", "data-lesson-passed", "course-lessons__item"):
        assert absent not in html
    assert "Final quiz" in html and 'href="final/"' in html


def test_render_modules_progress_has_one_row_per_module_with_its_quizzes(tmp_path):
    course, renderer, pages = build_modules(tmp_path)
    html = page_html(renderer, pages["progress/index.md"])
    rows = Elements(html).find("tr")[1:]  # after the header row
    version = lambda quiz_id: quiz_version(course.quizzes[quiz_id])  # noqa: E731
    assert [(r.get("data-progress-row"), r.get("data-quiz-group")) for r in rows] == [
        ("modules/start-here", f"one-check:{version('one-check')}:70"),
        ("modules/then", f"two-check:{version('two-check')}:90 three-check:{version('three-check')}:70"),
        ("modules/start-here-2", None),  # no quiz in this module: not counted
        ("final", f"final:{version('final')}:90"),
    ]
    assert all(len(version(q)) == 12 for q in ("one-check", "two-check"))
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Then 2 quizzes ○ Not started" in text and "start HERE No quiz —" in text
    assert "Lesson two" not in html and "Lesson one" not in html


def test_render_modules_certificate_requires_each_module(tmp_path):
    _course, renderer, pages = build_modules(tmp_path)
    html = page_html(renderer, pages["certificate/index.md"])
    requirements = [a for _, a in Elements(html).tags if "data-certificate-requirement" in a]
    assert [(r["data-certificate-requirement"], r["data-quiz-group"].count(":")) for r in requirements] == [
        ("modules/start-here", 2),
        ("modules/then", 4),
        ("final", 2),
    ]
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Start here! (1 quiz, pass mark 70%)" in text
    assert "Then (2 quizzes, pass marks 70–90%)" in text
    scores = re.findall(r'data-certificate-score="([^"]+)"', html)
    assert scores == ["modules/start-here", "modules/then", "final"]
    assert "course-certificate__scores" not in html  # a list (two columns in print), not the per-quiz table
    assert "Lesson two" not in html


def test_render_modules_page_sizes_do_not_list_every_lesson_twice(tmp_path):
    """The progress and certificate pages carry each quiz once, in a short group entry."""
    _, renderer, pages = build_modules(tmp_path)
    for uri in ("progress/index.md", "certificate/index.md"):
        html = page_html(renderer, pages[uri])
        assert html.count("three-check") == 1, uri


def test_render_without_modules_is_unchanged(tmp_path):
    course, renderer, pages = build(tmp_path)
    assert course.modules == ()
    assert list(pages.values()) == [
        PageSpec("index.md", "Home", "home"),
        PageSpec("one/index.md", "Lesson one", "lesson", "one"),
        PageSpec("two/index.md", "Lesson two", "lesson", "two"),
        PageSpec("final/index.md", "Final", "quiz", "final"),
        PageSpec("progress/index.md", "Your progress", "progress"),
        PageSpec("certificate/index.md", "Certificate", "certificate"),
    ]
    assert course_nav(course, list(pages.values())) == [{p.title: p.src_uri} for p in pages.values()]
    home = page_html(renderer, pages["index.md"])
    assert "course-modules" not in home and home.count('class="course-lessons__item"') == 2
    progress = page_html(renderer, pages["progress/index.md"])
    version = lambda quiz_id: quiz_version(course.quizzes[quiz_id])  # noqa: E731
    assert f'data-progress-row="one" data-quiz-group="one-check:{version("one-check")}:70"' in progress
    certificate = page_html(renderer, pages["certificate/index.md"])
    assert "course-certificate__scores" in certificate
    assert (
        f'data-certificate-requirement="one-check" data-quiz-group="one-check:{version("one-check")}:70"' in certificate
    )
    assert course_pages(course) == list(pages.values())
