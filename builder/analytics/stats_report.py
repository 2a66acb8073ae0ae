"""`course stats` as a trainer reads it: plain text for the terminal, Markdown for a document or a wiki, JSON for
scripts, and a standalone HTML page with charts (templates/stats.html)."""

from __future__ import annotations

import json
from typing import Any

from ..source.text import count
from .flags import MIN_ATTEMPTS_TO_FLAG
from .item_analysis import DISCRIMINATION_INDEX, CourseStats, QuestionStats, QuizStats, RolePlayStats
from .report_wording import LEGEND, few_attempts, figure, headline, shown_options, statements_line
from .stats_page import stats_page


def render_stats(stats: CourseStats, fmt: str) -> str:
    """The report as text, markdown, html or json (`course stats --format`, builder/commands.py)."""
    return {"text": format_text, "markdown": format_markdown, "json": format_json, "html": stats_page}[fmt](stats)


def _options_line(question: QuestionStats) -> str:
    shown = shown_options(question)
    more = len(question.options) - len(shown)
    listed = ", ".join(f"{o.label}{' (right)' if o.right else ''}: {o.count}" for o in shown) or "none yet"
    return listed + (f", and {count(more, 'other answer')}" if more else "")


def _quiz_line(quiz: QuizStats) -> str:
    score = f", mean score {quiz.mean_score:.0f}%" if quiz.mean_score is not None else ""
    return f"{quiz.id} ({quiz.title}): {count(quiz.attempts, 'attempt')}{score}, {quiz.passed:,} passed"


def _role_play_lines(role_play: RolePlayStats) -> list[str]:
    endings = ", ".join(f"{ending} {n}" for ending, n in role_play.endings)
    lines = [f"{role_play.id} ({role_play.title}): {count(role_play.plays, 'play')} reached an ending: {endings}"]
    if role_play.mean_scores:
        scores = ", ".join(f"{d} {mean:.1f}" for d, mean in role_play.mean_scores)
        lines.append(f"average final scores: {scores}")
    return lines


# -- text ---------------------------------------------------------------------------------------------


def format_text(stats: CourseStats) -> str:
    out = [headline(stats), statements_line(stats), ""]
    flagged: list[str] = []
    for quiz in stats.quizzes:
        out.append(_quiz_line(quiz))
        rows = [["question", "type", "attempts", "facility", "discrimination"]]
        rows += [
            [q.id, q.type, f"{q.attempts:,}", figure(q.facility), figure(q.discrimination, signed=True)]
            for q in quiz.questions
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        for row in rows:
            cells = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
            out.append("  " + "  ".join(cells).rstrip())
        for question in quiz.questions:
            out.append(f"  {question.id}: {_options_line(question)}")
            flagged += [
                f"  {question.location}: {quiz.id}/{question.id}: {f.message} [{f.code}]" for f in question.flags
            ]
        few = few_attempts(quiz)
        if few:
            listed = ", ".join(f"{q.id} ({q.attempts})" for q in few)
            out.append(f"  too few attempts to flag (under {MIN_ATTEMPTS_TO_FLAG}): {listed}")
        out.append("")
    if flagged:
        out += [f"{count(len(flagged), 'flag')}:", *flagged, ""]
    else:
        out += ["No question flagged.", ""]
    if stats.role_plays:
        out.append("Role-plays:")
        for role_play in stats.role_plays:
            first, *rest = _role_play_lines(role_play)
            out += [f"  {first}", *(f"    {line}" for line in rest)]
        out.append("")
    out.append(LEGEND)
    return "\n".join(out)


# -- Markdown -----------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_markdown(stats: CourseStats) -> str:
    out = [f"# Item analysis: {_cell(stats.title)}", "", headline(stats), "", statements_line(stats), "", LEGEND]
    for quiz in stats.quizzes:
        out += [
            "",
            f"## {_cell(quiz.title)} (`{quiz.id}`)",
            "",
            _cell(_quiz_line(quiz)),
            "",
            "| Question | Type | Attempts | Facility | Discrimination | Options | Flags |",
            "|---|---|--:|--:|--:|---|---|",
        ]
        out += [
            f"| `{q.id}` ({q.location}) | {q.type} | {q.attempts:,} | {figure(q.facility)} | "
            f"{figure(q.discrimination, signed=True)} | {_cell(_options_line(q))} | "
            f"{_cell('; '.join(f.message for f in q.flags)) or '-'} |"
            for q in quiz.questions
        ]
        few = few_attempts(quiz)
        if few:
            out += [
                "",
                f"Too few attempts to flag (under {MIN_ATTEMPTS_TO_FLAG}): "
                + ", ".join(f"`{q.id}` ({q.attempts})" for q in few)
                + ".",
            ]
    if stats.role_plays:
        out += ["", "## Role-plays", "", "| Role-play | Plays | Endings | Average final scores |", "|---|--:|---|---|"]
        out += [
            f"| {_cell(r.title)} (`{r.id}`) | {r.plays:,} | {_cell(', '.join(f'{e} {n}' for e, n in r.endings))} | "
            f"{_cell(', '.join(f'{d} {m:.1f}' for d, m in r.mean_scores)) or '-'} |"
            for r in stats.role_plays
        ]
    return "\n".join(out) + "\n"


# -- JSON ---------------------------------------------------------------------------------------------


def format_json(stats: CourseStats) -> str:
    return json.dumps(stats_json(stats), indent=2, ensure_ascii=False)


def stats_json(stats: CourseStats) -> dict[str, Any]:
    return {
        "course": stats.title,
        "base": stats.base,
        "attempts_counted": "all" if stats.all_attempts else "first",
        "discrimination_index": DISCRIMINATION_INDEX,
        "min_attempts_to_flag": MIN_ATTEMPTS_TO_FLAG,
        "statements": {
            "read": stats.statements.read,
            "answers": stats.statements.answers,
            "quiz_results": stats.statements.quiz_results,
            "role_play_choices": stats.statements.role_play_choices,
            "later_attempts_left_out": stats.statements.later_attempts,
            "written_answers": stats.statements.written,
            "unknown_activities": stats.statements.unknown,
            "other": stats.statements.not_this_course,
        },
        "quizzes": [
            {
                "id": quiz.id,
                "title": quiz.title,
                "file": quiz.location.path,
                "attempts": quiz.attempts,
                "mean_score": _rounded(quiz.mean_score, 1),
                "passed": quiz.passed,
                "questions": [_question_json(q) for q in quiz.questions],
            }
            for quiz in stats.quizzes
        ],
        "role_plays": [
            {
                "id": r.id,
                "title": r.title,
                "file": r.location.path,
                "plays": r.plays,
                "endings": dict(r.endings),
                "mean_scores": {d: round(m, 3) for d, m in r.mean_scores},
            }
            for r in stats.role_plays
        ],
    }


def _question_json(question: QuestionStats) -> dict[str, Any]:
    return {
        "id": question.id,
        "type": question.type,
        "file": question.location.path,
        "line": question.location.line,
        "col": question.location.col,
        "attempts": question.attempts,
        "facility": _rounded(question.facility, 3),
        "discrimination": _rounded(question.discrimination, 3),
        "options": {o.label: o.count for o in question.options},
        "right_options": [o.label for o in question.options if o.right],
        "flags": [{"code": f.code, "message": f.message} for f in question.flags],
    }


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
