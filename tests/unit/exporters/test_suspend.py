"""The SCORM suspend_data encoding (Python mirror of scorm_launch.js) and its worst case."""

import json

from builder.exporters.suspend import (
    MAX_TEXT,
    MAX_WRITTEN,
    MIN_WRITTEN,
    SUSPEND_LIMIT,
    course_map,
    encode,
    is_truncated,
    worst_case_length,
    written_text,
)
from builder.source.questions import choice_token
from tests.support.projects import FINAL, ONE_CHECK, load, make_project, project_at


def fixture_map(tmp_path, **overrides):
    course, problems = load(make_project(tmp_path, **overrides))
    assert course is not None, problems
    return course, course_map(course)


def test_suspend_map_lists_quizzes_in_course_order_with_tokens(tmp_path):
    _course, cmap = fixture_map(tmp_path)
    assert [q["id"] for q in cmap["quizzes"]] == ["one-check", "final"]
    assert [q["final"] for q in cmap["quizzes"]] == [False, True]
    single = cmap["quizzes"][0]["questions"][0]
    assert {k: single[k] for k in ("id", "encoding", "tokens")} == {
        "id": "q1",
        "encoding": "choice",
        "tokens": [choice_token("one-check", "q1", "option", 0), choice_token("one-check", "q1", "option", 1)],
    }
    matching = cmap["quizzes"][1]["questions"][2]
    assert matching["rights"] == [choice_token("final", "f3", "right", i) for i in range(2)]


def test_suspend_matching_extra_values_come_after_the_pairs_so_saved_indexes_keep_their_meaning(tmp_path):
    _course, before = fixture_map(tmp_path / "before")
    _course, after = fixture_map(tmp_path / "after", quizzes__final=FINAL + "    distractors: [x, y]\n")
    old, new = before["quizzes"][1]["questions"][2], after["quizzes"][1]["questions"][2]
    assert new["rights"][: len(old["rights"])] == old["rights"]
    assert new["rights"][2:] == [choice_token("final", "f3", "right", i) for i in (2, 3)]
    assert after["quizzes"][1]["version"] == before["quizzes"][1]["version"]  # what is right did not change


def test_suspend_encode_uses_positions_not_tokens(tmp_path):
    _course, cmap = fixture_map(tmp_path)
    one, final = cmap["quizzes"]
    t = lambda q, role, i: choice_token(q, *role, i)  # noqa: E731
    progress = {
        "v": 1,
        "name": 'Ana "Bea"\x07',
        "quizzes": {
            "one-check": {
                "version": one["version"],
                "best": 50,
                "attempts": 2,
                "passedAt": None,
                "last": {
                    "score": 50,
                    "passed": False,
                    "responses": {"q1": t("one-check", ("q1", "option"), 0), "q2": "  a\tword "},
                },
            },
            "final": {
                "version": final["version"],
                "best": 100,
                "attempts": 1,
                "passedAt": "2026-11-26T10:00:00Z",
                "last": {
                    "score": 100,
                    "passed": True,
                    "responses": {
                        "f1": "true",
                        "f2": {
                            t("final", ("f2", "item"), 0): "1",
                            t("final", ("f2", "item"), 1): "",
                            t("final", ("f2", "item"), 2): "3",
                        },
                        "f3": {t("final", ("f3", "left"), 0): t("final", ("f3", "right"), 1)},
                    },
                },
            },
            "gone": {"version": "x", "best": 1, "attempts": 1, "last": {"score": 1, "responses": {}}},
        },
    }
    text = encode(progress, cmap)
    assert json.loads(text) == [
        2,
        'Ana "Bea"',
        [
            [one["version"][:6], 50, 2, "", 50, [0, "  aword "]],
            [final["version"][:6], 100, 1, "2026-11-26", 100, [1, [1, 0, 3], [1, -1]]],
        ],
    ]


def test_suspend_encode_drops_progress_of_an_edited_quiz(tmp_path):
    _, cmap = fixture_map(tmp_path)
    progress = {
        "v": 1,
        "quizzes": {"one-check": {"version": "old", "best": 10, "attempts": 1, "last": {"score": 10, "responses": {}}}},
    }
    assert encode(progress, cmap) == "[2,null,[0,0]]"


def test_suspend_worst_case_counts_the_widest_answers(tmp_path):
    _, small = fixture_map(tmp_path)
    more = ONE_CHECK + "".join(
        f"""  - id: extra{i}
    type: short_text
    objective: say
    prompt: Say it.
    accept: [word]
"""
        for i in range(10)
    )
    _, large = fixture_map(tmp_path, quizzes__one_check=more)
    # each extra short answer can hold MAX_TEXT quote characters, escaped to two each, plus quotes and a comma
    assert worst_case_length(large) - worst_case_length(small) == 10 * (2 * MAX_TEXT + 3)
    assert worst_case_length(small) < 4096


def test_suspend_worst_case_of_a_blank_answer_is_counted(tmp_path):
    _, cmap = fixture_map(tmp_path, quizzes__final=FINAL)
    assert worst_case_length(cmap) == len(encode(_worst_progress(cmap), cmap))


def _worst_progress(cmap):
    from builder.exporters import suspend

    # worst_case_length builds this progress internally; rebuild it through the public encoder
    return json.loads(
        json.dumps(
            {
                "v": 1,
                "name": '"' * suspend.MAX_NAME,
                "quizzes": {
                    q["id"]: {
                        "version": q["version"],
                        "best": 100,
                        "attempts": suspend.MAX_ATTEMPTS,
                        "passedAt": "2026-12-31T23:59:59Z",
                        "last": {
                            "score": 100,
                            "responses": {
                                x["id"]: (
                                    ""
                                    if x["encoding"] == "choice"
                                    else list(x["tokens"])
                                    if x["encoding"] == "choices"
                                    else '"' * MAX_TEXT
                                    if x["encoding"] == "text"
                                    else {t: str(len(x["tokens"])) for t in x["tokens"]}
                                    if x["encoding"] == "positions"
                                    else dict.fromkeys(x["tokens"], "")
                                )
                                for x in q["questions"]
                            },
                        },
                    }
                    for q in cmap["quizzes"]
                },
            }
        )
    )


def full_map():
    from tests.conftest import FIXTURES

    course, problems = load(project_at(FIXTURES / "full"))
    assert course is not None, problems
    return course, course_map(course)


def test_suspend_map_lists_role_plays_with_their_nodes_and_ranges():
    course, cmap = full_map()
    (scenario,) = cmap["scenarios"]
    assert scenario["id"] == "desk-visit"
    assert scenario["nodes"] == list(course.scenarios["desk-visit"].nodes)
    assert (scenario["longest"], scenario["choices"]) == (3, 3)
    assert scenario["scores"] == [[-3, 2], [-1, 2], [-4, 2]]


def test_suspend_encode_role_play_path_plays_and_best_play():
    _course, cmap = full_map()
    (scenario,) = cmap["scenarios"]
    progress = {
        "v": 1,
        "quizzes": {},
        "scenarios": {
            "desk-visit": {
                "version": scenario["version"],
                "path": [1, 0],
                "plays": 3,
                "best": {"scores": [2, 2, 2], "end": "good-end", "at": "2026-11-26T10:00:00Z"},
            }
        },
    }
    data = json.loads(encode(progress, cmap))
    assert data[3] == [[scenario["version"][:6], 3, [1, 0], [scenario["nodes"].index("good-end"), 2, 2, 2]]]


def test_suspend_encode_drops_role_play_entries_that_do_not_fit():
    _, cmap = full_map()
    (scenario,) = cmap["scenarios"]
    for entry in ({"version": "old", "path": []}, {"version": scenario["version"], "path": "0,1"}, "junk"):
        assert json.loads(encode({"v": 1, "quizzes": {}, "scenarios": {"desk-visit": entry}}, cmap))[3] == [0]
    odd = {
        "version": scenario["version"],
        "path": [0, "1", True, -1, 150, 1, 1, 1],
        "plays": "many",
        "best": {"scores": [1.5, 2, 2], "end": "good-end"},
    }
    data = json.loads(encode({"v": 1, "quizzes": {}, "scenarios": {"desk-visit": odd}}, cmap))
    assert data[3] == [[scenario["version"][:6], 0, [0, 1, 1], 0]]  # integers only, at most the longest path
    no_scenarios = {**cmap, "scenarios": []}
    assert len(json.loads(encode({"v": 1, "quizzes": {}}, no_scenarios))) == 3  # the old shape, unchanged


def test_suspend_worst_case_grows_with_each_role_play():
    _, cmap = full_map()
    without = worst_case_length({**cmap, "scenarios": []})
    (scenario,) = cmap["scenarios"]
    # tag, 9999 plays, three choice positions, ending position and three widest scores
    entry = f'["{scenario["version"][:6]}",9999,[2,2,2],[{len(scenario["nodes"]) - 1},-3,-1,-4]]'
    assert worst_case_length(cmap) == without + len(",[" + entry + "]")


NUMERIC = """  - id: q3
    type: numeric
    objective: spot
    prompt: How many?
    answer: 2.5
"""


def test_suspend_numeric_answers_are_kept_as_the_text_typed_and_counted_as_text(tmp_path):
    _course, cmap = fixture_map(tmp_path / "numeric", quizzes__one_check=ONE_CHECK + NUMERIC)
    one = cmap["quizzes"][0]
    assert "tokens" not in one["questions"][2] and one["questions"][2]["encoding"] == "text"  # the learner's own text
    typed = " 2,5 \x1b" + "9" * 80
    progress = {
        "v": 1,
        "quizzes": {
            "one-check": {
                "version": one["version"],
                "best": 0,
                "attempts": 1,
                "passedAt": None,
                "last": {"score": 0, "passed": False, "responses": {"q1": "", "q2": "", "q3": typed}},
            }
        },
    }
    encoded = json.loads(encode(progress, cmap))
    assert encoded[2][0][5][2] == (" 2,5 " + "9" * 80)[:MAX_TEXT]  # control characters removed, then cut
    _, plain = fixture_map(tmp_path / "plain")
    # the worst case grows by exactly one more widest text (60 escaped quotes and the comma)
    assert worst_case_length(cmap) - worst_case_length(plain) == len(json.dumps('"' * MAX_TEXT)) + 1


def test_suspend_encode_keeps_a_pools_draws_as_question_positions(tmp_path):
    pool = ONE_CHECK.replace("questions:\n", "draw: 1\nquestions:\n", 1)
    _course, cmap = fixture_map(tmp_path, quizzes__one_check=pool)
    one = cmap["quizzes"][0]
    assert one["draw"] == 1 and cmap["quizzes"][1]["draw"] == 0
    progress = {
        "v": 1,
        "quizzes": {
            "one-check": {
                "version": one["version"],
                "best": 100,
                "attempts": 1,
                "passedAt": None,
                "last": {"score": 100, "responses": {}, "draw": ["q2"]},
            }
        },
        "draws": {"one-check": {"version": one["version"], "ids": ["q1"]}, "final": {"version": "old", "ids": ["f1"]}},
    }
    data = json.loads(encode(progress, cmap))
    assert data[0] == 2
    assert data[2][0][6] == [1]  # the submitted attempt showed q2
    assert data[3] == 0 and data[4] == [[0], 0]  # no role-plays; q1 waits in one-check, final's draw is stale
    del progress["draws"]
    assert len(json.loads(encode(progress, cmap))) == 3  # nothing waiting: no draws list


def test_suspend_worst_case_counts_a_pools_draws(tmp_path):
    _course, plain = fixture_map(tmp_path / "plain")
    _course, pool = fixture_map(
        tmp_path / "pool", quizzes__one_check=ONE_CHECK.replace("questions:\n", "draw: 2\nquestions:\n", 1)
    )
    # the attempt's draw ",[0,1]" and the waiting draws ",0,[[0,1],0]" (with 0 for the missing role-plays)
    assert worst_case_length(pool) - worst_case_length(plain) == len(",[0,1]") + len(",0,[[0,1],0]")


def test_suspend_encode_keeps_a_running_timed_attempt(tmp_path):
    timed = ONE_CHECK.replace("questions:\n", "time_limit_minutes: 10\nquestions:\n", 1)
    _course, cmap = fixture_map(tmp_path, quizzes__one_check=timed)
    one = cmap["quizzes"][0]
    assert one["timeLimit"] == 10 and cmap["quizzes"][1]["timeLimit"] == 0
    progress = {
        "v": 1,
        "quizzes": {},
        "timers": {
            "one-check": {
                "version": one["version"],
                "started": 1_796_000_000_000,
                "extra": 20,
                "draft": {"q2": "word"},
            },
            "final": {"version": "old", "started": 1},
        },
    }
    data = json.loads(encode(progress, cmap))
    # no role-plays and no draws: 0 in their places, then one timer per quiz
    assert data[3:] == [0, 0, [[1_796_000_000, 20, [-1, "word"]], 0]]


def test_suspend_worst_case_counts_a_running_timed_attempt(tmp_path):
    _course, plain = fixture_map(tmp_path / "plain")
    timed = ONE_CHECK.replace("questions:\n", "time_limit_minutes: 10\nquestions:\n", 1)
    _course, cmap = fixture_map(tmp_path / "timed", quizzes__one_check=timed)
    answers = json.dumps([-1, '"' * MAX_TEXT], separators=(",", ":"))
    assert worst_case_length(cmap) - worst_case_length(plain) == len(f",0,0,[[9999999999,20,{answers}],0]")


WRITTEN = """\
  - id: q3
    type: written
    objective: say
    prompt: Write a reply.
    model_answer: Thanks, I'll send it by 3pm.
    checklist: [I said when, I said thanks, I asked what, I was honest]
"""


def written_progress(text: str, ticks: list[int], *, compared: bool = True, tag: str = "abcdef") -> dict:
    return {
        "v": 1,
        "quizzes": {},
        "written": {"one-check": {"q3": {"text": text, "ticks": ticks, "tag": tag, "compared": compared}}},
    }


def test_suspend_written_questions_are_kept_apart_from_the_quizzes_answers(tmp_path):
    _course, cmap = fixture_map(tmp_path, quizzes__one_check=ONE_CHECK + WRITTEN)
    assert [q["id"] for q in cmap["quizzes"][0]["questions"]] == ["q1", "q2"]  # positions of scored answers kept
    (question,) = cmap["written"]
    assert {k: question[k] for k in ("quiz", "id", "checks")} == {"quiz": "one-check", "id": "q3", "checks": 4}
    assert cmap["writtenBudget"] == MAX_WRITTEN["1.2"]  # the small course leaves more room than one answer may take
    _, plain = fixture_map(tmp_path / "plain")
    assert "written" not in plain and "writtenBudget" not in plain  # older courses' maps are unchanged


def test_suspend_written_text_ticks_and_tag_round_trip(tmp_path):
    _course, cmap = fixture_map(tmp_path, quizzes__one_check=ONE_CHECK + WRITTEN)
    text = 'Hi "Sam",\r\nby 3pm\t\x1b 🙂'
    encoded = json.loads(encode(written_progress(text, [0, 2, 2, 7, -1]), cmap))
    # no role-plays, no draws waiting, no timed attempt: a 0 keeps each place before the written list
    assert encoded[3:6] == [0, 0, 0]
    assert encoded[6] == [['Hi "Sam",\nby 3pm 🙂', 0b101, "abcdef"]]
    not_compared = json.loads(encode(written_progress("draft", [1], compared=False), cmap))
    assert not_compared[6] == [["draft", -1, "abcdef"]]
    assert json.loads(encode({"v": 1, "quizzes": {}}, cmap))[6] == [0]


def test_suspend_written_text_is_cut_to_its_budget_as_javascript_counts(tmp_path):
    assert written_text("abcdef", 4) == "abcd"
    assert written_text('ab"cd', 4) == 'ab"'  # a quote takes two characters in JSON
    assert written_text("a\nb", 2) == "a"  # and so does a line break
    assert written_text("a🙂b", 2) == "a"  # and a character beyond U+FFFF, two in JavaScript
    assert written_text("a🙂b", 3) == "a🙂"
    assert is_truncated("x" * 11, 10) and not is_truncated("x" * 10 + "\x1b", 10)
    _course, cmap = fixture_map(tmp_path, quizzes__one_check=ONE_CHECK + WRITTEN)
    long = json.loads(encode(written_progress("word " * 1000, []), cmap))[6][0][0]
    assert long == ("word " * 1000)[: MAX_WRITTEN["1.2"]]


def test_suspend_worst_case_counts_written_text_at_its_budget_and_stays_in_the_limit(tmp_path):
    _course, cmap = fixture_map(tmp_path, quizzes__one_check=ONE_CHECK + WRITTEN)
    _, plain = fixture_map(tmp_path / "plain", quizzes__one_check=ONE_CHECK)
    entry = json.dumps(['"' * (MAX_WRITTEN["1.2"] // 2), 15, "x" * 6], separators=(",", ":"))
    # the written list and the 0 placeholders for role-plays, draws and timers: ",0,0,0,[" + entry + "]"
    assert worst_case_length(cmap) - worst_case_length(plain) == len(entry) + len(",0,0,0,[]")
    assert worst_case_length(cmap) <= SUSPEND_LIMIT


def test_suspend_written_budget_shares_the_room_left_and_the_export_refuses_too_little(tmp_path):
    many = "".join(WRITTEN.replace("id: q3", f"id: w{n}") for n in range(10))
    _course, cmap = fixture_map(tmp_path, quizzes__one_check=ONE_CHECK + many)
    assert MIN_WRITTEN <= cmap["writtenBudget"] < MAX_WRITTEN["1.2"]
    assert (
        worst_case_length(cmap)
        <= SUSPEND_LIMIT
        < worst_case_length({**cmap, "writtenBudget": cmap["writtenBudget"] + 2})
    )
    too_many = "".join(WRITTEN.replace("id: q3", f"id: w{n}") for n in range(15))
    _course, crowded = fixture_map(tmp_path / "crowded", quizzes__one_check=ONE_CHECK + too_many)
    assert crowded["writtenBudget"] < MIN_WRITTEN
