r"""Moodle GIFT export: one `<quiz-id>.gift` file per quiz, for Moodle's question-bank import.

A file starts with `$CATEGORY: <quiz-id>`, then has one block per question, blocks
separated by a blank line (answers are indented by a tab):

    // points: 2
    ::question-id::[html]<p>The prompt</p>{
        ~%50%[html]A right option#[html]Its feedback
        ~%-100%[html]A wrong option
        ~%50%[html]Another right option
        ####[html]<p>The explanation</p>
    }

Text, one approach for every field:

- Markdown becomes HTML with the site's own `MarkdownText` (block Markdown for prompts and
  explanations, inline Markdown for options, feedback and the left side of matching pairs),
  and each such text is marked `[html]` itself, rather than inheriting the prompt's format,
  so a text that happens to start with "[plain]" stays text. Relative links and images are
  left as written: they have no target in Moodle.
- The HTML is then escaped exactly as Moodle's own GIFT exporter does (`repchar` in
  question/format/gift/format.php): a backslash becomes `\\`; `~ = # { } :` each get a
  backslash in front; a newline becomes the two characters `\n`, which Moodle reads back
  as a newline. So every text is one line: a blank line in a code block cannot end the
  question, and no text line can start with `//` (Moodle drops such lines as comments).
- Values Moodle stores as plain text get no `[html]`: the accepted answers of a short
  answer (spaces collapsed; a `*`, which Moodle reads as a wildcard, is written `\*`, so
  `\\*` in the file) and the right side of a matching pair (shown in a drop-down, so its
  Markdown is reduced to text, as the site's drop-down does).

Question types:

- single: `=` before the right option, `~` before the wrong ones.
- multiple: every option `~%weight%`: the right options share +100 and the wrong ones -100.
  Moodle imports only grades of 100/n percent for n from 1 to 10 or 20, written here with
  at most 5 decimals (three right options: 33.33333 each); other counts get a warning.
- true_false: `{TRUE}` or `{FALSE}`.
- short_text: `=answer` for each accepted answer (Moodle ignores case by default).
- matching: `=left -> right` per pair and `= -> value` per extra value (Moodle's extra wrong answer); Moodle
  wants at least 3 pairs, so fewer get a warning.
- numeric: `{#answer:tolerance}`, numbers written with a decimal point.
- ordering: GIFT has no such type; the question is skipped with a warning.
- written: an essay, `{}`, whose general feedback (`####`) is the model answer with the checklist as a list;
  it is never scored, so `// not scored` stands where other questions record their points.
- role-plays (`kind: scenario`) have no GIFT form either: each is skipped with a warning.

Per-option feedback follows `#`; the explanation is the general feedback after `####`. GIFT
cannot set a question's mark, so Moodle keeps its default and `// points: N` above the
question records the course's points.
"""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import Markup

from ..source.diagnostics import Diagnostic, Severity
from ..source.markdown_text import MarkdownText
from ..source.model import Course, Quiz
from ..source.questions import QuestionBase, question_type
from ..source.text import listing

GIFT_SPECIAL = "~=#{}:"
"""Characters GIFT reads as syntax; each is written with a backslash in front (as is a backslash)."""


def escape(text: str) -> str:
    """Text as GIFT must hold it: special characters and backslashes escaped, newlines as `\\n`."""
    text = text.replace("\\", "\\\\")
    for char in GIFT_SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def quiz_to_gift(quiz: Quiz, file_name: str | None = None) -> tuple[str, list[Diagnostic]]:
    """The GIFT text of one quiz and warnings about what Moodle cannot take as it is.

    `file_name` is how warnings name the file (default `<quiz-id>.gift`).
    """
    return _GiftWriter().quiz(quiz, file_name or f"{quiz.id}.gift")


def export_gift(course: Course, out_dir: Path) -> list[Diagnostic]:
    """Write `<quiz-id>.gift` for every quiz of a validated course into `out_dir` (created if missing).

    Returns warnings, never errors. A quiz with nothing GIFT can hold (only ordering
    questions) is not written. Every file is rendered before any is written, and each is
    written to a temporary name first, so a file is never left half-written.
    """
    out_dir = Path(out_dir)
    writer = _GiftWriter()
    warnings: list[Diagnostic] = []
    files: list[tuple[str, str]] = []
    for quiz in course.quizzes.values():
        name = f"{quiz.id}.gift"
        text, problems = writer.quiz(quiz, (out_dir / name).as_posix())
        warnings.extend(problems)
        if any(_in_gift(q) for q in quiz.questions):
            files.append((name, text))
        else:
            types = listing(sorted({q.type for q in quiz.questions}))
            warnings.append(
                Diagnostic(
                    quiz.origin,
                    f"quiz '{quiz.id}' has only {types} questions, which GIFT "
                    f"cannot hold; {(out_dir / name).as_posix()} was not written",
                    "gift-quiz-empty",
                    Severity.WARNING,
                )
            )
    for scenario in course.scenarios.values():
        warnings.append(
            Diagnostic(
                scenario.origin,
                f"role-play '{scenario.id}' is not exported: GIFT has no "
                "branching questions (the SCORM package and the offline zip include it)",
                "gift-role-play-skipped",
                Severity.WARNING,
            )
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files:
        temporary = out_dir / f".{name}.tmp"
        try:
            temporary.write_text(text, encoding="utf-8", newline="\n")
            os.replace(temporary, out_dir / name)
        finally:
            temporary.unlink(missing_ok=True)
    return warnings


def _in_gift(question: QuestionBase) -> bool:
    """Whether GIFT has a form for the question's type."""
    return question_type(question).in_gift


class _GiftWriter:
    """Writes quizzes as GIFT; each question type writes its own answer block through it."""

    def __init__(self) -> None:
        self.markdown = MarkdownText()

    def quiz(self, quiz: Quiz, file_name: str) -> tuple[str, list[Diagnostic]]:
        warnings: list[Diagnostic] = []
        blocks = [f"$CATEGORY: {quiz.id}"]
        for index, question in enumerate(quiz.questions):
            where = f"questions[{index}] '{question.id}'"
            if not _in_gift(question):
                warnings.append(
                    _warning(
                        question,
                        f"{where}: {question.type} questions have no GIFT type; skipped from {file_name}",
                        f"gift-{question.type}-skipped",
                    )
                )
                continue
            lines, notes = self.question(question)
            blocks.append("\n".join(lines))
            warnings.extend(_warning(question, f"{where}: {note}", code) for code, note in notes)
        return "\n\n".join(blocks) + "\n", warnings

    def question(self, q: QuestionBase) -> tuple[list[str], list[tuple[str, str]]]:
        """The lines of one question, and (code, message) notes about it."""
        body = question_type(q).gift(q, self)
        marks = f"// points: {q.points}" if question_type(q).scored else "// not scored: written practice"
        head = f"{marks}\n::{escape(q.id)}::{self.block(q.prompt)}{{{body.head}"
        answers = list(body.answers)
        if q.explanation:
            answers.append("####" + self.block(q.explanation))
        if not answers:
            return [head + "}"], list(body.notes)
        return [head, *("\t" + answer for answer in answers), "}"], list(body.notes)

    def option(self, text: str, feedback: str | None) -> str:
        return self.inline(text) + ("#" + self.inline(feedback) if feedback else "")

    def block(self, markdown: str) -> str:
        return "[html]" + escape(self.markdown.block(markdown).strip())

    def inline(self, markdown: str) -> str:
        return "[html]" + escape(self.markdown.inline(markdown).strip())

    def plain(self, markdown: str) -> str:
        """Inline Markdown as the text a drop-down shows: tags removed, entities decoded, spaces collapsed."""
        return str(Markup(self.markdown.inline(markdown)).striptags())

    @staticmethod
    def escape(text: str) -> str:
        return escape(text)


def _warning(question: QuestionBase, message: str, code: str) -> Diagnostic:
    return Diagnostic(question.origin, message, code, Severity.WARNING)
