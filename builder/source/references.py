"""References between course files, each problem reported where the reference is written: lessons listed in
course.yml, each lesson's quiz and role-plays, the final quiz, and the objectives questions assess."""

from __future__ import annotations

import re
from collections.abc import Callable

from .sources import SourceFile, Sources
from .text import suggest


def check_references(sources: Sources) -> None:
    """Every reference between the files; problems go to the checker of the file that holds the reference."""
    _References(sources).check()


_FINAL_OBJECTIVE = re.compile(r"^([a-z0-9-]+)/([a-z0-9-]+)$")


class _References:
    """References between files, each problem reported where the reference is written.

    References are read from the files as written, so a typo elsewhere in a file does not
    hide a broken reference in it."""

    def __init__(self, sources: Sources):
        self.sources = sources
        self.project = sources.project
        self.course = sources.course_file
        self.quiz_owner: dict[str, str] = {}

    def check(self) -> None:
        ordered = self.lessons_in_order()
        final_id = self.final_quiz()
        for loaded in ordered:
            self.lesson_quiz(loaded)
        if final_id in self.sources.quizzes and self.quiz_owner.get(final_id) == "the course's final quiz":
            self.objectives(self.sources.quizzes[final_id], {lesson.stem: lesson for lesson in ordered}, final=True)
        _warn_unused(
            self.sources.quizzes,
            self.quiz_owner,
            lambda stem: f"quiz '{stem}' is not used: no lesson has `quiz: {stem}` and it is not the final quiz",
            "unused-quiz",
        )
        self.scenarios(ordered)

    def lessons_in_order(self) -> list[SourceFile]:
        """The listed lessons that exist, in course order; a lesson listed twice, missing or left out is reported."""
        lessons = self.sources.lessons
        ordered: list[SourceFile] = []
        seen: set[str] = set()
        for lesson_id, path in self.sources.listed_lessons():
            if lesson_id in seen:
                self.course.checker.error(path, f"lesson '{lesson_id}' is listed twice", "duplicate")
                continue
            seen.add(lesson_id)
            if lesson_id not in lessons:
                where = f"{self.project.content_dir}/{lesson_id}.yml"
                self.course.checker.error(
                    path,
                    f"lesson '{lesson_id}' not found: there is no file {where}{suggest(lesson_id, list(lessons))}",
                    "missing-lesson",
                )
                continue
            ordered.append(lessons[lesson_id])
        for stem, loaded in lessons.items():
            if stem not in seen and loaded.doc is not None:
                loaded.checker.warn(
                    (),
                    f"this lesson is not in the course: add '{stem}' to `lessons` in "
                    f"{self.project.display(self.project.course_file)}",
                    "unlisted-lesson",
                )
        return ordered

    def final_quiz(self) -> str | None:
        final_id = self.course.raw_text("final_quiz")
        if final_id is None:
            return None
        checker, quizzes = self.course.checker, self.sources.quizzes
        if final_id in self.sources.scenarios:
            checker.error(
                ("final_quiz",),
                f"'{final_id}' is a role-play (`kind: scenario`), not a quiz; list it under `scenarios:` in a lesson",
                "not-a-quiz",
            )
        elif final_id not in quizzes:
            checker.error(
                ("final_quiz",),
                f"quiz '{final_id}' not found: there is no file "
                f"{self.project.quizzes_dir}/{final_id}.yml"
                f"{suggest(final_id, list(quizzes))}",
                "missing-quiz",
            )
        else:
            self.quiz_owner[final_id] = "the course's final quiz"
        if final_id in self.sources.lessons:
            checker.error(
                ("final_quiz",),
                f"the final quiz id '{final_id}' is also a lesson id; pages need different ids",
                "id-clash",
            )
        return final_id

    def lesson_quiz(self, loaded: SourceFile) -> None:
        quiz_id = loaded.raw_text("quiz")
        if quiz_id is None:
            return
        checker, quizzes = loaded.checker, self.sources.quizzes
        if quiz_id in self.sources.scenarios:
            checker.error(
                ("quiz",),
                f"'{quiz_id}' is a role-play (`kind: scenario`), not a quiz; list it under `scenarios:` instead",
                "not-a-quiz",
            )
        elif quiz_id not in quizzes:
            checker.error(
                ("quiz",),
                f"quiz '{quiz_id}' not found: there is no file {self.project.quizzes_dir}/"
                f"{quiz_id}.yml{suggest(quiz_id, list(quizzes))}",
                "missing-quiz",
            )
        elif quiz_id in self.quiz_owner:
            checker.error(
                ("quiz",),
                f"quiz '{quiz_id}' is already used by {self.quiz_owner[quiz_id]}; each quiz belongs to one lesson",
                "quiz-reused",
            )
        else:
            self.quiz_owner[quiz_id] = f"lesson '{loaded.stem}'"
            self.objectives(quizzes[quiz_id], {loaded.stem: loaded}, final=False)

    def objectives(self, quiz: SourceFile, lessons: dict[str, SourceFile], *, final: bool) -> None:
        """Every question must assess an objective of the lesson(s) the quiz belongs to."""
        objectives_of: dict[str, list[str]] = {}  # each lesson's objective ids, read once for all its questions
        for index in range(len(quiz.raw_list("questions"))):
            ref = quiz.raw_text("questions", index, "objective")
            if ref is None:
                continue
            path = ("questions", index, "objective")
            if final:
                match = _FINAL_OBJECTIVE.match(ref)
                if not match:
                    quiz.checker.error(
                        path,
                        f"'{ref}' should name a lesson and one of its objectives, like "
                        "'lesson-id/objective-id', because this is the final quiz",
                        "objective",
                    )
                    continue
                lesson_id, objective_id = match.groups()
                if lesson_id not in lessons:
                    quiz.checker.error(
                        path,
                        f"'{ref}' names lesson '{lesson_id}', which is not in the course"
                        f"{suggest(lesson_id, list(lessons))}",
                        "objective",
                    )
                    continue
            else:
                lesson_id, objective_id = next(iter(lessons)), ref
            if lesson_id not in objectives_of:
                lesson = lessons[lesson_id]
                objectives_of[lesson_id] = [
                    i
                    for i in (lesson.raw_text("objectives", n, "id") for n in range(len(lesson.raw_list("objectives"))))
                    if i is not None
                ]
            objective_ids = objectives_of[lesson_id]
            if objective_id not in objective_ids:
                listing = suggest(objective_id, objective_ids) or (
                    "; its objectives are: " + ", ".join(objective_ids) if objective_ids else ""
                )
                quiz.checker.error(
                    path, f"'{objective_id}' is not an objective of lesson '{lesson_id}'{listing}", "objective"
                )

    def scenarios(self, ordered: list[SourceFile]) -> None:
        """Each lesson's `scenarios:` names role-plays in quizzes/, each used by one lesson."""
        quizzes, scenarios = self.sources.quizzes, self.sources.scenarios
        owner: dict[str, str] = {}
        for loaded in ordered:
            listed = loaded.raw("scenarios")
            if not isinstance(listed, list):
                continue
            checker = loaded.checker
            listed_ids = [loaded.raw_text("scenarios", index) for index in range(len(listed))]
            checker.report_repeats(
                listed_ids,
                lambda i: ("scenarios", i),
                lambda value, first: f"role-play '{value}' is listed twice in this lesson (also scenarios[{first}])",
            )
            for index, scenario_id in enumerate(listed_ids):
                path = ("scenarios", index)
                if scenario_id is None or listed_ids.index(scenario_id) != index:
                    continue  # repeats are reported above
                if scenario_id in quizzes and quizzes[scenario_id].doc is None:
                    continue  # the file could not be read (its problem is reported there): quiz or role-play?
                if scenario_id in quizzes:
                    checker.error(
                        path,
                        f"'{scenario_id}' is a quiz, not a role-play; link it with "
                        f"`quiz: {scenario_id}`, or add `kind: scenario` to its file",
                        "not-a-scenario",
                    )
                elif scenario_id not in scenarios:
                    checker.error(
                        path,
                        f"role-play '{scenario_id}' not found: there is no file "
                        f"{self.project.quizzes_dir}/{scenario_id}.yml"
                        f"{suggest(scenario_id, list(scenarios))}",
                        "missing-scenario",
                    )
                elif scenario_id in owner:
                    checker.error(
                        path,
                        f"role-play '{scenario_id}' is already used by {owner[scenario_id]}; "
                        "each role-play belongs to one lesson",
                        "scenario-reused",
                    )
                else:
                    owner[scenario_id] = f"lesson '{loaded.stem}'"
        _warn_unused(
            scenarios,
            owner,
            lambda stem: f"role-play '{stem}' is not used: no lesson lists it under `scenarios:`",
            "unused-scenario",
        )


def _warn_unused(files: dict[str, SourceFile], owner: dict[str, str], message: Callable[[str], str], code: str) -> None:
    """A warning at the top of each readable file that nothing refers to (`owner` maps the ones used)."""
    for stem, loaded in files.items():
        if stem not in owner and loaded.doc is not None:
            loaded.checker.warn((), message(stem), code)
