"""Rendering role-plays: where they sit on the lesson page, the hooks scenario.js reads, the
linked steps a learner without JavaScript follows, and the progress page's table."""

from __future__ import annotations

from builder.site.render import CourseRenderer, course_pages, restore_deferred
from builder.source.scoring import scenario_version
from tests.support.html import Elements
from tests.support.paths import FIXTURES
from tests.support.projects import load, project_at


def rendered(src_uri: str) -> tuple[object, str]:
    course, problems = load(project_at(FIXTURES / "full"))
    assert course is not None, problems
    renderer = CourseRenderer(course)
    page = {p.src_uri: p for p in course_pages(course)}[src_uri]
    result = renderer.render(page)
    return course, restore_deferred(result.html, result.deferred)


def test_role_play_sits_after_the_key_points_and_before_the_quiz():
    _, html = rendered("beta/index.md")
    assert html.index("Only section") < html.index('data-scenario="desk-visit"') < html.index('data-quiz="beta-check"')
    _, alpha = rendered("alpha/index.md")
    assert "data-scenario" not in alpha and "scenario.js" not in alpha and "scenario.css" not in alpha


def test_role_play_root_carries_what_the_script_needs():
    course, html = rendered("beta/index.md")
    (root,) = Elements(html).find("section", data_scenario="desk-visit")
    scenario = course.scenarios["desk-visit"]
    assert root["id"] == "scenario-desk-visit"
    assert root["data-scenario-version"] == scenario_version(scenario)
    assert root["data-course"] == "course-progress:fixture-course"
    assert root["data-start"] == "ask"
    assert root["data-dimensions"] == "caring competency integrity"
    assert (root["data-best"], root["data-worst"]) == ("2 2 2", "-3 -1 -4")


def test_role_play_steps_are_linked_for_learners_without_javascript():
    _, html = rendered("beta/index.md")
    elements = Elements(html)
    nodes = [a["data-node"] for a in elements.find("div") if "data-node" in a]
    assert nodes[0] == "ask" and sorted(nodes) == sorted(
        ["ask", "listen", "typing", "promise", "good-end", "mixed-end", "bad-end"]
    )
    assert {a["data-node"] for a in elements.find("div") if "data-ending" in a} == {"good-end", "mixed-end", "bad-end"}
    ids = {a["id"] for _, a in elements.tags if "id" in a}
    links = [a["href"] for a in elements.find("a") if a.get("href", "").startswith("#scenario-desk-visit-")]
    assert len(links) == 9 and all(link[1:] in ids for link in links)
    choices = [a for a in elements.find("li") if "data-next" in a]
    assert [(c["data-next"], c["data-scores"]) for c in choices[:3]] == [
        ("listen", "2 1 0"),
        ("typing", "-2 0 0"),
        ("promise", "1 0 -2"),
    ]
    # Markdown in choices is rendered; feedback is there but hidden until chosen
    assert "Stop typing and <em>listen</em>" in html
    assert "<span data-choice-feedback hidden>He can see he has your attention.</span>" in html
    (player,) = [a for a in elements.find("div") if "data-scenario-player" in a]
    assert "hidden" in player


def test_role_play_title_is_in_the_page_outline():
    course, _ = load(project_at(FIXTURES / "full"))
    renderer = CourseRenderer(course)
    page = {p.src_uri: p for p in course_pages(course)}["beta/index.md"]
    titles = [title for _, _, title in renderer.render(page).outline]
    assert titles.index("A visit to your desk") < titles.index("Beta check")


def test_progress_page_lists_each_role_play_with_its_lesson_and_best_scores():
    course, html = rendered("progress/index.md")
    (_table,) = Elements(html).find("table", data_scenario_progress="course-progress:fixture-course")
    (row,) = Elements(html).find("tr", data_scenario_ref="desk-visit")
    assert row["data-scenario-version"] == scenario_version(course.scenarios["desk-visit"])
    assert (row["data-dimensions"], row["data-best"]) == ("caring competency integrity", "2 2 2")
    assert 'href="../beta/#scenario-desk-visit"' in html
    assert html.count("<script") == 1  # the bundle, which holds the quiz and role-play scripts the page asks for
    assert html.count('<script type="module" src="../assets/course/course.js"></script>') == 1


def test_progress_page_without_role_plays_has_no_table_and_no_script():
    course, problems = load(project_at(FIXTURES / "minimal"))
    assert course is not None, problems
    renderer = CourseRenderer(course)
    page = {p.src_uri: p for p in course_pages(course)}["progress/index.md"]
    html = renderer.render(page).html
    assert "data-scenario-progress" not in html and "scenario.js" not in html
    assert renderer.entries == ("quiz",)  # the bundle leaves the role-play script out
