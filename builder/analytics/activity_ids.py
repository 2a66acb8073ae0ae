"""The IRIs docs/xapi.md gives a course's activities and extensions, and reading them back from a statement."""

from __future__ import annotations

from dataclasses import dataclass

from ..source.errors import StatementsError

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
PASSED = "http://adlnet.gov/expapi/verbs/passed"
FAILED = "http://adlnet.gov/expapi/verbs/failed"
RESPONDED = "http://adlnet.gov/expapi/verbs/responded"


@dataclass(frozen=True, slots=True)
class QuizActivity:
    quiz: str


@dataclass(frozen=True, slots=True)
class QuestionActivity:
    quiz: str
    question: str


@dataclass(frozen=True, slots=True)
class RolePlayActivity:
    role_play: str


Activity = QuizActivity | QuestionActivity | RolePlayActivity


@dataclass(frozen=True, slots=True)
class ActivityIds:
    """The ids under one course IRI `B` (the `xapi.activity_base` option, else `site_url`)."""

    base: str
    """Without a trailing slash."""

    @classmethod
    def under(cls, base: str) -> ActivityIds:
        base = base.strip().rstrip("/")
        if not base:
            raise StatementsError(
                "no course IRI to match statements with; set `xapi: activity_base:` (or `site_url`) in mkdocs.yml, "
                "or pass `--base IRI`"
            )
        return cls(base)

    def quiz(self, quiz_id: str) -> str:
        return f"{self.base}/quizzes/{quiz_id}"

    def question(self, quiz_id: str, question_id: str) -> str:
        return f"{self.quiz(quiz_id)}/questions/{question_id}"

    def role_play(self, role_play_id: str) -> str:
        return f"{self.base}/role-plays/{role_play_id}"

    def extension(self, name: str) -> str:
        """`attempt`, `node`, `choice`, `ending` or `scores`."""
        return f"{self.base}/xapi/{name}"

    def activity(self, iri: str) -> Activity | None:
        """What an object id names in this course; None for anything else (another course, the course itself)."""
        quizzes, role_plays = f"{self.base}/quizzes/", f"{self.base}/role-plays/"
        if iri.startswith(quizzes):
            quiz, separator, question = iri[len(quizzes) :].partition("/questions/")
            if not separator:
                return QuizActivity(quiz) if quiz and "/" not in quiz else None
            return QuestionActivity(quiz, question) if quiz and question and "/" not in question else None
        if iri.startswith(role_plays):
            role_play = iri[len(role_plays) :]
            return RolePlayActivity(role_play) if role_play and "/" not in role_play else None
        return None
