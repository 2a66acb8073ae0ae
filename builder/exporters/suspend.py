"""SCORM `cmi.suspend_data`: the learner's progress in a compact, versioned text, and the course map.

The browser keeps progress as JSON keyed by opaque tokens (see assets/store.js). The
LMS gives us at most 4,096 characters (SCORM 1.2; 64,000 in 2004), so the launch page (scorm_launch.js)
rewrites that JSON using positions from a course map instead of tokens:

    [2, name, [quiz, ...], [role-play, ...] | 0, [draw, ...] | 0, [timer, ...] | 0, [written, ...]]
                                     2 = format version; one entry per quiz and per role-play,
                                     in course order (the role-play list only when there are some,
                                     0 in its place when there are none but more follows); then,
                                     each only when it or a list after it has something: the draws
                                     of question pools waiting for their first submission (one per
                                     quiz, 0 or its draw), the timed attempts running (one per quiz:
                                     0, or [started, extra, [answer, ...]]: its start in seconds since
                                     1970, the minutes an extension added, and the answers so far),
                                     and one entry per written question (when the course has some)
    quiz = 0                         never checked
         | [tag, best, attempts, passed_on, last_score, [answer, ...], draw?]
    draw (a question pool's)         the positions of the questions an attempt shows, in order
    answer (one per scored question, in source order), by the question's encoding in the course map:
      choice     (single, true_false)  index of the chosen option (true_false: 0 false, 1 true), -1 blank
      choices    (multiple)            bit mask of the chosen options
      text       (short_text, numeric) the typed text, control characters removed, at most 60 characters
      positions  (ordering)            the position given to each item (0 blank)
      pairs      (matching)            the index of the right value chosen for each row (-1 blank)

    role-play = 0                    never played
         | [tag, plays, [choice, ...], best]
    choice: the position of each choice made from the start (the path the learner is on)
    best = 0 | [ending, score, ...]  the best play: its ending's position among the role-play's
                                     nodes, then its score in each dimension

    written = 0                      nothing written
            | [text, ticks, tag]     the learner's text (control characters removed but line breaks,
                                     then cut to the course map's `writtenBudget`: JSON characters,
                                     counted as JavaScript counts them), the ticked checklist items as
                                     a bit mask (-1: not compared yet) and the checklist's tag

Written answers are never scored, so they are kept apart from the quizzes (an edited quiz keeps them).
The export shares out what the widest progress leaves of the version's limit between the course's
written questions, up to MAX_WRITTEN each; a learner whose text is longer keeps its beginning, and the
launch page tells the course page, which says so under the answer.

`tag` is the start of the content hash: progress for an edited quiz or role-play is dropped.
Format 1 (before question pools) is the same without draws, and is still read.
This module mirrors the encoder so an export can measure the longest possible text.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ..site.render import course_key, storage_key
from ..source.interactions import MAX_DESCRIPTION, SCORM_12, SCORM_2004, fill_in_text, interaction_map
from ..source.markdown_text import MarkdownText
from ..source.model import Course, Lesson
from ..source.questions import QuestionBase, Written, question_type
from ..source.questions.numeric import decimal_symbol
from ..source.questions.written import checklist_tag
from ..source.scoring import quiz_version, scenario_version
from ..source.text import shorten

SUSPEND_LIMITS = {SCORM_12: 4096, SCORM_2004: 64000}
"""The longest suspend_data each SCORM version keeps."""
SUSPEND_LIMIT = SUSPEND_LIMITS[SCORM_12]
FORMAT_VERSION = 2
TAG_LENGTH = 6
MAX_TEXT = 60
MAX_NAME = 60
MAX_ATTEMPTS = 9999
MAX_CHOICES = 100
MAX_WRITTEN = {SCORM_12: 2000, SCORM_2004: 4000}
"""The most a written answer keeps, however much room the course leaves: a few paragraphs, and in 2004 as much as
its long-fill-in interaction takes."""
MIN_WRITTEN = 300
"""The least room a written answer must have: a short reply; a course that leaves less cannot be exported."""


def course_map(course: Course, version: str = SCORM_12, *, report_failed: bool = False) -> dict[str, Any]:
    """What the launch page needs: the SCORM version and its suspend_data limit, the course's name and storage
    key, and to translate progress, its quizzes, questions and choice tokens, and its role-plays, in order; to
    report to the LMS, each question's interaction (builder/exporters/interactions.py) and objective, and whether
    a final assessment failed for good is reported as failed."""
    quizzes: list[dict[str, Any]] = []
    for lesson, quiz in course.quizzes_in_order():
        # the launch page knows encodings, never question types
        questions = [
            {
                "id": q.id,
                "encoding": question_type(q).encoding,
                **question_type(q).tokens(quiz.id, q),
                **_reported(q, lesson, version),
            }
            for q in quiz.scored_questions
        ]
        quizzes.append(
            {
                "id": quiz.id,
                "version": quiz_version(quiz),
                "passMark": quiz.pass_mark,
                "final": quiz.id == course.final_quiz_id,
                "questions": questions,
                "draw": quiz.draw or 0,
                "timeLimit": quiz.time_limit_minutes or 0,
                "attempts": quiz.attempts or 0,
            }
        )
    scenarios = [
        {
            "id": scenario.id,
            "version": scenario_version(scenario),
            "nodes": list(scenario.nodes),
            "longest": scenario.longest_path(),
            "choices": max(len(n.choices) for n in scenario.nodes.values()),
            "scores": [list(r) for r in scenario.score_ranges()],
        }
        for lesson in course.lessons
        for scenario in course.scenarios_for(lesson)
    ]
    assessed = {q["objective"] for quiz in quizzes for q in quiz["questions"]}
    cmap: dict[str, Any] = {
        "v": FORMAT_VERSION,
        "scorm": version,
        "limit": SUSPEND_LIMITS[version],
        "reportFailed": report_failed,
        "decimal": decimal_symbol(course.language),
        "course": course_key(course),
        "storage": storage_key(course),
        "quizzes": quizzes,
        "scenarios": scenarios,
        # the lessons' objectives that questions assess, in course order (cmi.objectives)
        "objectives": [
            f"{lesson.id}/{o.id}"
            for lesson in course.lessons
            for o in lesson.objectives
            if f"{lesson.id}/{o.id}" in assessed
        ],
    }
    written = [
        {
            "quiz": quiz.id,
            "id": q.id,
            "tag": checklist_tag(q),
            "checks": len(q.checklist),
            **_reported(q, lesson, version),
        }
        for lesson, quiz in course.quizzes_in_order()
        for q in quiz.questions
        if isinstance(q, Written)
    ]
    if written:
        cmap["written"] = written
        cmap["writtenBudget"] = 0
        room = cmap["limit"] - worst_case_length(cmap)
        cmap["writtenBudget"] = max(0, min(MAX_WRITTEN[version], room // len(written)))
    return cmap


def _reported(question: QuestionBase, lesson: Lesson | None, version: str) -> dict[str, Any]:
    """What the launch page tells the LMS about a question: its interaction, the objective it assesses (named
    lesson/objective) and, in 2004, its prompt as the interaction's description."""
    # a lesson quiz's questions name their lesson's objectives; the final quiz's name the lesson themselves
    objective = question.objective if lesson is None else f"{lesson.id}/{question.objective}"
    described = {"text": description(question.prompt)} if version == SCORM_2004 else {}
    return {**interaction_map(question, version), "objective": objective, **described}


def description(prompt: str) -> str:
    """A question's prompt as 2004's `cmi.interactions.n.description`: its words, shortened to fit."""
    return fill_in_text(shorten(_prompts().plain(prompt), MAX_DESCRIPTION), SCORM_2004)


@functools.cache
def _prompts() -> MarkdownText:
    """A Markdown converter for prompts' words, made when a 2004 package first needs one."""
    return MarkdownText()


def clean_text(text: str, limit: int) -> str:
    return "".join(ch for ch in text if ch >= " " and ch != "\x7f")[:limit]


def encode(progress: dict[str, Any], cmap: dict[str, Any]) -> str:
    """Progress JSON (the browser's format) -> suspend_data text; mirrors scorm_launch.js `encode`."""
    saved = progress.get("quizzes", {})
    entries: list[Any] = []
    for quiz in cmap["quizzes"]:
        entry = saved.get(quiz["id"])
        if not entry or entry.get("version") != quiz["version"] or not entry.get("last"):
            entries.append(0)
            continue
        responses = entry["last"].get("responses", {})
        answers = [_encode_answer(question, responses.get(question["id"])) for question in quiz["questions"]]
        entries.append(
            [
                quiz["version"][:TAG_LENGTH],
                entry["best"],
                min(entry["attempts"], MAX_ATTEMPTS),
                (entry.get("passedAt") or "")[:10],
                entry["last"]["score"],
                answers,
                *([_encode_draw(quiz, entry["last"]["draw"])] if entry["last"].get("draw") else []),
            ]
        )
    saved_draws = progress.get("draws")
    drawn: dict[str, Any] = saved_draws if isinstance(saved_draws, dict) else {}
    pending = [
        _encode_draw(quiz, draw.get("ids")) if isinstance(draw, dict) and draw.get("version") == quiz["version"] else 0
        for quiz in cmap["quizzes"]
        for draw in [drawn.get(quiz["id"])]
    ]
    name = clean_text(progress["name"], MAX_NAME) if progress.get("name") else None
    data = [FORMAT_VERSION, name, entries]
    if cmap.get("scenarios"):
        scenarios = progress.get("scenarios")
        played: dict[str, Any] = scenarios if isinstance(scenarios, dict) else {}
        data.append([_encode_scenario(scenario, played.get(scenario["id"])) for scenario in cmap["scenarios"]])
    saved_timers = progress.get("timers")
    timed: dict[str, Any] = saved_timers if isinstance(saved_timers, dict) else {}
    running = [_encode_timer(quiz, timed.get(quiz["id"])) for quiz in cmap["quizzes"]]
    kept = progress.get("written")
    written: dict[str, Any] = kept if isinstance(kept, dict) else {}
    # after the role-plays (0 when there are none): the draws waiting (4), the timed attempts (5), the written
    # answers (6), each only when it or a list after it has something (scorm_launch.js `encode`)
    tail: list[Any] = [
        pending if any(isinstance(draw, list) for draw in pending) else 0,
        running if any(running) else 0,
        [_encode_written(q, written, cmap["writtenBudget"]) for q in cmap["written"]] if cmap.get("written") else 0,
    ]
    while tail and tail[-1] == 0:
        tail.pop()
    if tail:
        if len(data) < 4:
            data.append(0)  # no role-plays
        data.extend(tail)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def _encode_timer(quiz: dict[str, Any], timer: Any) -> Any:
    if not isinstance(timer, dict) or timer.get("version") != quiz["version"]:
        return 0
    started = timer.get("started")
    if not isinstance(started, (int, float)) or isinstance(started, bool):
        return 0
    extra = timer.get("extra")
    saved_draft = timer.get("draft")
    draft: dict[str, Any] = saved_draft if isinstance(saved_draft, dict) else {}
    return [
        round(started / 1000),
        extra if _is_int(extra) else 0,
        [_encode_answer(question, draft.get(question["id"])) for question in quiz["questions"]],
    ]


def _encode_draw(quiz: dict[str, Any], ids: Any) -> list[int]:
    positions = [q["id"] for q in quiz["questions"]]
    return [positions.index(i) for i in (ids if isinstance(ids, list) else []) if i in positions]


def written_text(text: str, budget: int) -> str:
    """A written answer as suspend_data keeps it (scorm_launch.js `writtenText`): line breaks as \\n, other
    control characters and lone surrogates removed, then its beginning that JSON writes in at most `budget`
    characters as JavaScript counts them (a quote, a backslash or a line break takes two, and so does a
    character beyond U+FFFF)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []
    used = 0
    for ch in text:
        if (ch < " " and ch != "\n") or ch == "\x7f" or "\ud800" <= ch <= "\udfff":
            continue
        cost = 2 if ch in '"\\\n' or ord(ch) > 0xFFFF else 1
        if used + cost > budget:
            break
        kept.append(ch)
        used += cost
    return "".join(kept)


def is_truncated(text: str, budget: int) -> bool:
    """Whether suspend_data keeps less than the learner wrote (beyond what cleaning removes)."""
    return written_text(text, budget) != written_text(text, 10 * len(text) + 10)


def _encode_written(question: dict[str, Any], answers: dict[str, Any], budget: int) -> Any:
    quiz = answers.get(question["quiz"])
    entry = quiz.get(question["id"]) if isinstance(quiz, dict) else None
    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
        return 0
    saved_ticks = entry.get("ticks")
    ticks: list[Any] = saved_ticks if isinstance(saved_ticks, list) else []
    mask = sum(1 << n for n in set(ticks) if _is_int(n) and 0 <= n < question["checks"])
    tag = entry.get("tag")
    ticked = mask if entry.get("compared") is True else -1
    return [written_text(entry["text"], budget), ticked, (tag if isinstance(tag, str) else "")[:6]]


def _encode_scenario(scenario: dict[str, Any], entry: Any) -> Any:
    if (
        not isinstance(entry, dict)
        or entry.get("version") != scenario["version"]
        or not isinstance(entry.get("path"), list)
    ):
        return 0
    path = [n for n in entry["path"] if _is_int(n) and 0 <= n < MAX_CHOICES][: scenario["longest"]]
    saved_best = entry.get("best")
    best: Any = 0
    if isinstance(saved_best, dict):
        scores = saved_best.get("scores")
        if isinstance(scores, list) and all(_is_int(n) for n in scores) and saved_best.get("end") in scenario["nodes"]:
            best = [scenario["nodes"].index(saved_best["end"]), *scores[: len(scenario["scores"])]]
    plays = entry.get("plays")
    plays = plays if isinstance(plays, int) and not isinstance(plays, bool) else 0
    return [scenario["version"][:TAG_LENGTH], max(0, min(plays, MAX_ATTEMPTS)), path, best]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _encode_answer(question: dict[str, Any], response: Any) -> Any:
    encoding, tokens = question["encoding"], question.get("tokens", [])
    if encoding == "choice":
        return tokens.index(response) if response in tokens else -1
    if encoding == "choices":
        chosen = response if isinstance(response, list) else []
        return sum(1 << i for i, token in enumerate(tokens) if token in chosen)
    if encoding == "text":
        return clean_text(response, MAX_TEXT) if isinstance(response, str) else ""
    given = response if isinstance(response, dict) else {}
    if encoding == "positions":
        return [int(given[t]) if str(given.get(t, "")).isdigit() else 0 for t in tokens]
    if encoding == "pairs":
        rights = question["rights"]
        return [rights.index(given.get(t)) if given.get(t) in rights else -1 for t in tokens]
    return None  # an encoding the launch page does not know either: nothing kept


def worst_case_length(cmap: dict[str, Any]) -> int:
    """The longest suspend_data this course can produce: every quiz checked, every field at its widest."""
    widest_char = '"'  # JSON escapes it to two characters; control characters are removed first
    progress: dict[str, Any] = {"v": 1, "name": widest_char * MAX_NAME, "quizzes": {}}
    for quiz in cmap["quizzes"]:
        responses: dict[str, Any] = {}
        for q in quiz["questions"]:
            tokens = q.get("tokens", [])
            if q["encoding"] == "choice":  # a blank (-1) is wider than a one-digit index
                responses[q["id"]] = tokens[-1] if len(tokens) > 10 else ""
            elif q["encoding"] == "choices":
                responses[q["id"]] = list(tokens)
            elif q["encoding"] == "text":
                responses[q["id"]] = widest_char * MAX_TEXT
            elif q["encoding"] == "positions":
                responses[q["id"]] = {t: str(len(tokens)) for t in tokens}
            else:
                responses[q["id"]] = {t: q["rights"][-1] if len(q["rights"]) > 10 else "" for t in tokens}
        # a pool's draw at its widest: the questions with the longest positions
        widest_draw = [q["id"] for q in quiz["questions"]][-quiz["draw"] :] if quiz["draw"] else None
        progress["quizzes"][quiz["id"]] = {
            "version": quiz["version"],
            "best": 100,
            "attempts": MAX_ATTEMPTS,
            "passedAt": "2026-12-31T23:59:59Z",
            "last": {
                "score": 100,
                "passed": True,
                "responses": responses,
                **({"draw": widest_draw} if widest_draw else {}),
            },
        }
        if widest_draw:  # a new attempt's draw, not yet submitted
            progress.setdefault("draws", {})[quiz["id"]] = {"version": quiz["version"], "ids": widest_draw}
        if quiz["timeLimit"]:  # a timed attempt running, extended, with every answer given so far
            progress.setdefault("timers", {})[quiz["id"]] = {
                "version": quiz["version"],
                "started": 9_999_999_999_000,
                "extra": 2 * quiz["timeLimit"],
                "draft": responses,
            }
    progress["written"] = {}
    budget = cmap.get("writtenBudget", 0)
    for q in cmap.get("written", []):
        # quotes take two characters each; an odd budget leaves room for one more plain letter
        progress["written"].setdefault(q["quiz"], {})[q["id"]] = {
            "text": '"' * (budget // 2) + "a" * (budget % 2),
            "ticks": list(range(q["checks"])),
            "tag": "x" * 6,
            # every tick is the widest mask from four items on; below that, -1 (not compared) is wider
            "compared": q["checks"] >= 4,
        }
    progress["scenarios"] = {}
    for scenario in cmap.get("scenarios", []):
        progress["scenarios"][scenario["id"]] = {
            "version": scenario["version"],
            "plays": MAX_ATTEMPTS,
            "path": [scenario["choices"] - 1] * scenario["longest"],
            # the last node has the widest position; each score is the longer of its lowest and highest
            "best": {
                "end": scenario["nodes"][-1],
                "scores": [low if len(str(low)) > len(str(high)) else high for low, high in scenario["scores"]],
            },
        }
    return len(encode(progress, cmap))
