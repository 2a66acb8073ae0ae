"""Taking a quiz: every question type right and wrong, weighted scores, feedback, blanks, retry."""

from __future__ import annotations

import pytest

from builder.source.interface_text import shipped
from tests.support.browser import QUIZ_PAGES, RIGHT, WRONG, answer, check, open_page, outcome, quiz, take, visible_text


@pytest.mark.parametrize("quiz_id", QUIZ_PAGES)
def test_quiz_all_right_scores_100_and_passes(page, site, quiz_id):
    result = take(page, site, quiz_id, RIGHT[quiz_id])
    assert result["score"] == "100"
    assert result["passed"] == "true"
    assert set(result["correct"].values()) == {"true"}
    marks = quiz(page, quiz_id).locator("[data-question-feedback] .course-mark")
    assert marks.all_inner_texts() == ["✓ Correct"] * len(RIGHT[quiz_id])


@pytest.mark.parametrize("quiz_id", QUIZ_PAGES)
def test_quiz_all_wrong_scores_0_and_fails(page, site, quiz_id):
    result = take(page, site, quiz_id, WRONG[quiz_id])
    assert result == {"score": "0", "passed": "false", "correct": dict.fromkeys(WRONG[quiz_id], "false")}
    marks = quiz(page, quiz_id).locator("[data-question-feedback] .course-mark")
    assert marks.all_inner_texts() == ["✗ Not quite"] * len(WRONG[quiz_id])
    assert "Not passed yet" in visible_text(quiz(page, quiz_id).locator("[data-quiz-result]"))


@pytest.mark.parametrize(
    ("wrong", "score", "passed"),
    [
        # alpha-check: single 1 point, multiple 2 points, true/false 1 point; pass mark 75.
        ("single-one", "75", "true"),  # 3 of 4 points: passes exactly at the mark (2 of 3 questions)
        ("multiple-two", "50", "false"),  # 2 of 4 points: fails although 2 of 3 questions are right
        ("tf-three", "75", "true"),
    ],
)
def test_alpha_quiz_weights_points(page, site, wrong, score, passed):
    answers = dict(RIGHT["alpha-check"], **{wrong: WRONG["alpha-check"][wrong]})
    result = take(page, site, "alpha-check", answers)
    assert (result["score"], result["passed"]) == (score, passed)
    assert result["correct"] == {q: "false" if q == wrong else "true" for q in answers}
    points = {"single-one": 1, "multiple-two": 2, "tf-three": 1}
    earned = 4 - points[wrong]
    assert f"You scored {score}% ({earned} of 4 points)." in visible_text(quiz(page, "alpha-check"))


def test_beta_quiz_two_of_three_scores_66_and_passes_at_60(page, site):
    answers = dict(RIGHT["beta-check"], **{"order-two": WRONG["beta-check"]["order-two"]})
    result = take(page, site, "beta-check", answers)
    assert result == {
        "score": "66",
        "passed": "true",
        "correct": {"short-one": "true", "order-two": "false", "match-three": "true"},
    }


def test_beta_quiz_one_of_three_scores_33_and_fails(page, site):
    answers = dict(WRONG["beta-check"], **{"match-three": RIGHT["beta-check"]["match-three"]})
    result = take(page, site, "beta-check", answers)
    assert (result["score"], result["passed"]) == ("33", "false")
    assert result["correct"]["match-three"] == "true"


def test_final_quiz_one_of_two_fails_its_80_pass_mark(page, site):
    result = take(page, site, "final-check", {"f1": "True", "f2": "A"})
    assert result == {"score": "50", "passed": "false", "correct": {"f1": "true", "f2": "false"}}
    assert "the pass mark is 80%" in visible_text(quiz(page, "final-check").locator("[data-quiz-result]"))


@pytest.mark.parametrize(
    "typed", ["internal customer", "  INTERNAL   Customer ", "Internal\tcustomers", "internal\u00a0customer"]
)
def test_short_text_ignores_case_and_spaces(page, site, typed):
    result = take(page, site, "beta-check", {"short-one": typed})
    assert result["correct"]["short-one"] == "true"


@pytest.mark.parametrize("typed", ["internalcustomer", "internal customer service", "customer"])
def test_short_text_other_words_are_wrong(page, site, typed):
    result = take(page, site, "beta-check", {"short-one": typed})
    assert result["correct"]["short-one"] == "false"


@pytest.mark.parametrize(
    ("typed", "correct"),
    [
        ("Leadership.", "true"),
        ("cross trained", "true"),
        ("Cross–Trained!", "true"),
        ("“cross-trained”", "true"),
        ("crosstrained", "true"),  # one slip: the space left out
        ("leadershp", "true"),  # one slip: a letter left out
        ("untrained", "false"),  # two letters more than "trained": a different word
        ("leader", "false"),
        ("cross train", "false"),
    ],
)
def test_short_text_is_marked_as_a_person_would(page, sites, typed, correct):
    """accept: [leadership, cross-trained, trained] with typos: 1, in a built quiz."""
    site = sites("forgiving")
    open_page(page, site, "beta/")
    question = quiz(page, "beta-check").locator('[data-question="short-one"]')
    question.locator("input").fill(typed)
    assert check(page, "beta-check")["correct"]["short-one"] == correct
    assert visible_text(question.locator("[data-question-feedback] .course-mark")) == (
        "✓ Correct" if correct == "true" else "✗ Not quite"
    )


@pytest.mark.parametrize("chosen", [["Apple"], ["Apple", "Pear", "Carrot"], ["Pear", "Carrot"]])
def test_multiple_choice_needs_exactly_the_right_set(page, site, chosen):
    result = take(page, site, "alpha-check", dict(RIGHT["alpha-check"], **{"multiple-two": chosen}))
    assert result["correct"]["multiple-two"] == "false"
    assert result["score"] == "50"


def test_ordering_and_matching_partly_answered_are_wrong_not_blank(page, site):
    result = take(
        page,
        site,
        "beta-check",
        {
            "order-two": {"Listen": "1", "Agree a time": "2"},
            "match-three": {"Caring": "Showing you value the person"},
        },
    )
    assert result["correct"] == {"short-one": "false", "order-two": "false", "match-three": "false"}
    marks = quiz(page, "beta-check").locator("[data-question-feedback] .course-mark").all_inner_texts()
    assert marks == ["✗ Not answered", "✗ Not quite", "✗ Not quite"]
    assert "You left 1 question blank" in visible_text(quiz(page, "beta-check").locator("[data-quiz-result]"))


def test_matching_offers_the_extra_value_in_every_drop_down_and_it_is_never_right(page, site):
    open_page(page, site, "beta/")
    selects = quiz(page, "beta-check").locator('[data-question="match-three"] select')
    for i in range(selects.count()):
        assert "Answering every request first" in selects.nth(i).locator("option").all_inner_texts()
    answers = dict(RIGHT["beta-check"]["match-three"], Integrity="Answering every request first")
    result = take(page, site, "beta-check", dict(RIGHT["beta-check"], **{"match-three": answers}))
    assert result["correct"]["match-three"] == "false"


def test_feedback_shows_chosen_options_feedback_and_explanation(page, site):
    take(page, site, "alpha-check", {"single-one": "Green", "multiple-two": ["Apple", "Carrot"], "tf-three": "True"})
    root = quiz(page, "alpha-check")
    single = root.locator('[data-question="single-one"]')
    shown = single.locator("[data-choice-feedback]:visible")
    assert shown.all_inner_texts() == ["Grass is green, not the sky."]
    assert (
        single.locator("[data-choice-feedback]:visible").evaluate(
            "el => el.closest('[data-choice]').querySelector('label').textContent"
        )
        == "Green"
    )
    # The feedback describes the chosen control, so screen readers hear it with the answer.
    assert single.get_by_label("Green").get_attribute("aria-describedby") == shown.get_attribute("id")
    feedback = single.locator("[data-question-feedback]")
    assert feedback.is_visible()
    assert visible_text(feedback) == "✗ Not quite The sky looks blue because of scattered sunlight."
    multiple = root.locator('[data-question="multiple-two"]')
    assert multiple.locator("[data-choice-feedback]:visible").all_inner_texts() == ["A carrot is a root vegetable."]
    assert "Apples and pears are fruits." in visible_text(multiple.locator("[data-question-feedback]"))
    truth = root.locator('[data-question="tf-three"] [data-question-feedback]')
    assert visible_text(truth) == "✓ Correct At normal air pressure it does."


def test_feedback_for_right_choice_is_shown_too(page, site):
    take(page, site, "alpha-check", RIGHT["alpha-check"])
    single = quiz(page, "alpha-check").locator('[data-question="single-one"]')
    assert single.locator("[data-choice-feedback]:visible").all_inner_texts() == ["Yes, blue."]


def test_blank_questions_count_as_wrong_and_are_listed(page, site):
    result = take(page, site, "alpha-check", {"tf-three": "True"})
    assert result == {
        "score": "25",
        "passed": "false",
        "correct": {"single-one": "false", "multiple-two": "false", "tf-three": "true"},
    }
    root = quiz(page, "alpha-check")
    assert root.locator("[data-question-feedback] .course-mark").all_inner_texts() == [
        "✗ Not answered",
        "✗ Not answered",
        "✓ Correct",
    ]
    text = visible_text(root.locator("[data-quiz-result]"))
    assert "You left 2 questions blank (blank answers count as wrong): question 1, question 2." in text
    links = root.locator("[data-quiz-result] a")
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        "#alpha-check--single-one",
        "#alpha-check--multiple-two",
    ]


def test_quiz_nothing_answered_scores_0(page, site):
    result = take(page, site, "beta-check", {})
    assert (result["score"], result["passed"]) == ("0", "false")
    assert "You left 3 questions blank" in visible_text(quiz(page, "beta-check").locator("[data-quiz-result]"))


def test_result_takes_focus_and_is_a_live_region(page, site):
    take(page, site, "final-check", RIGHT["final-check"])
    result = quiz(page, "final-check").locator("[data-quiz-result]")
    assert result.evaluate("el => el === document.activeElement")
    assert (result.get_attribute("role"), result.get_attribute("aria-live")) == ("status", "polite")
    assert visible_text(result).startswith("You scored 100% (2 of 2 points). ✓ Passed: the pass mark is 80%.")


def test_quiz_checked_event_carries_score(page, site):
    open_page(page, site, "alpha/")
    page.evaluate("""() => { window.checked = [];
        document.addEventListener('course:quiz-checked', e => window.checked.push(e.detail)); }""")
    answer(page, "alpha-check", dict(RIGHT["alpha-check"], **{"single-one": "Red"}))
    check(page, "alpha-check")
    assert page.evaluate("window.checked") == [{"quiz": "alpha-check", "score": 75, "passed": True}]


def test_retry_clears_the_attempt(page, site):
    take(page, site, "beta-check", WRONG["beta-check"])
    root = quiz(page, "beta-check")
    retry = root.locator("[data-quiz-retry]")
    assert retry.is_visible()
    retry.click()
    assert outcome(page, "beta-check") == {
        "score": None,
        "passed": None,
        "correct": dict.fromkeys(RIGHT["beta-check"]),
    }
    assert root.locator("[data-quiz-result]").inner_text() == ""
    assert root.locator("[data-question-feedback]:visible").count() == 0
    assert root.locator("input[type=text]").input_value() == ""
    assert {s.input_value() for s in root.locator("select").all()} == {""}
    assert retry.is_hidden() and root.locator("[data-quiz-submit]").is_visible()
    assert root.locator("input[type=text]").evaluate("el => el === document.activeElement")
    answer(page, "beta-check", RIGHT["beta-check"])
    assert check(page, "beta-check")["score"] == "100"


def test_retry_keeps_order_when_shuffle_is_off(page, site):
    open_page(page, site, "beta/")
    root = quiz(page, "beta-check")
    before = root.locator(".course-row label").all_inner_texts()
    check(page, "beta-check")
    root.locator("[data-quiz-retry]").click()
    assert root.locator(".course-row label").all_inner_texts() == before


def test_retry_reshuffles_and_never_shows_the_right_order(page, sites):
    site = sites("shuffled")  # beta-check with shuffle: true
    open_page(page, site, "beta/")
    root = quiz(page, "beta-check")
    right_order = ["Listen", "Agree a time", "Deliver"]
    items = root.locator('[data-question="order-two"] .course-row label')
    matches = root.locator('[data-question="match-three"] select').first.locator("option")
    orders, match_orders = [items.all_inner_texts()], [matches.all_inner_texts()]
    for _ in range(12):
        check(page, "beta-check")
        root.locator("[data-quiz-retry]").click()
        orders.append(items.all_inner_texts())
        match_orders.append(matches.all_inner_texts())
    assert all(sorted(order) == sorted(right_order) for order in orders)
    assert right_order not in orders
    assert len({tuple(o) for o in orders}) > 1, "ordering items were never reshuffled"
    assert len({tuple(o) for o in match_orders}) > 1, "matching options were never reshuffled"
    assert all(o[0] == "Choose a match…" for o in match_orders)
    # Reshuffled or not, answers are scored by their meaning, not their position.
    answer(page, "beta-check", RIGHT["beta-check"])
    assert check(page, "beta-check")["score"] == "100"


def test_retry_reshuffles_choices(page, site):
    open_page(page, site, "alpha/")
    root = quiz(page, "alpha-check")
    labels = root.locator('[data-question="single-one"] label')
    seen = {tuple(labels.all_inner_texts())}
    for _ in range(12):
        check(page, "alpha-check")
        root.locator("[data-quiz-retry]").click()
        seen.add(tuple(labels.all_inner_texts()))
    assert len(seen) > 1
    assert root.locator('[data-question="tf-three"] label').all_inner_texts() == ["True", "False"]


def test_changed_answer_clears_only_its_own_mark(page, site):
    take(page, site, "alpha-check", WRONG["alpha-check"])
    root = quiz(page, "alpha-check")
    root.locator('[data-question="single-one"]').get_by_label("Blue").check()
    assert outcome(page, "alpha-check")["correct"] == {"single-one": None, "multiple-two": "false", "tf-three": "false"}
    assert root.locator('[data-question="single-one"] [data-question-feedback]').is_hidden()
    assert root.locator('[data-question="single-one"] [data-choice-feedback]:visible').count() == 0


def test_learner_text_is_never_inserted_as_html(page, site):
    typed = '<img src=x onerror="window.pwned=1"><b id="bold">x</b>'
    take(page, site, "beta-check", {"short-one": typed})
    page.reload()
    open_page(page, site, "beta/")
    root = quiz(page, "beta-check")
    assert root.locator("input[type=text]").input_value() == typed
    assert outcome(page, "beta-check")["correct"]["short-one"] == "false"
    assert page.locator("img[src=x], #bold").count() == 0
    assert page.evaluate("window.pwned") is None


def test_quiz_is_set_up_only_once(page, site):
    open_page(page, site, "alpha/")
    quiz_js = site.url("assets/course/quiz.js")
    failure = page.evaluate(
        """async url => {
        const module = await import(url);
        module.init(document); module.init(document);
        window.checked = 0;
        document.addEventListener('course:quiz-checked', () => window.checked++);
        try { new module.Quiz(document.querySelector('[data-quiz]')); return null; } catch (e) { return e.message; }
    }""",
        quiz_js,
    )
    assert failure == "this quiz is already set up"
    assert quiz(page, "alpha-check").get_attribute("data-quiz-init") == ""
    check(page, "alpha-check")
    assert page.evaluate("window.checked") == 1


@pytest.mark.parametrize(
    ("typed", "correct"),
    [("1.000,5", "true"), ("1000,5", "true"), ("1 000.5", "true"), ("1.000,6", "false"), ("one thousand", "false")],
)
def test_numeric_question_reads_the_typed_number(page, sites, typed, correct):
    """A numeric question as the builder renders it, in a French course: the decimal comma is read."""
    french = shipped("fr")
    site = sites("numeric")
    open_page(page, site, "beta/")
    question = quiz(page, "beta-check").locator('[data-question="short-one"]')
    assert question.locator("input").get_attribute("inputmode") == "decimal"
    question.locator("input").fill(typed)
    assert check(page, "beta-check")["correct"]["short-one"] == correct
    assert visible_text(question.locator("[data-question-feedback] .course-mark")) == (
        f"✓ {french.text('correct')}" if correct == "true" else f"✗ {french.text('not_quite')}"
    )
    # Saved as typed and shown again as typed.
    page.reload()
    open_page(page, site, "beta/")
    assert question.locator("input").input_value() == typed
    assert outcome(page, "beta-check")["correct"]["short-one"] == correct


def test_numeric_question_left_blank_is_not_answered(page, sites):
    french = shipped("fr")
    site = sites("numeric")
    open_page(page, site, "beta/")
    quiz(page, "beta-check").locator('[data-question="short-one"] input').fill("   ")
    result = check(page, "beta-check")
    assert result["correct"]["short-one"] == "false"
    assert f"✗ {french.text('not_answered')}" in visible_text(
        quiz(page, "beta-check").locator('[data-question="short-one"]')
    )
    assert french.text("left_blank", n=3).split(" (")[0] in visible_text(
        quiz(page, "beta-check").locator("[data-quiz-result]")
    )
