"""The course source format: every key a trainer may write, defined once.

Validation checks files against these definitions and the editor schemas are generated from them;
each question type's own keys are defined in its module (builder/source/questions/). The authoring
guide's reference is checked against them by the tests, so the three never drift apart.
"""

from __future__ import annotations

from .interface_text import PLURAL_CATEGORIES, english
from .questions import QUESTION_TYPES
from .schema import (
    BLOCK,
    INLINE,
    Boolean,
    ByKey,
    Choice,
    CountOrCounts,
    Deferred,
    Field,
    Integer,
    ListOf,
    MapOf,
    Record,
    Slug,
    Text,
    Variants,
)

SECTION_KINDS = ("text", "scenario", "example", "tip", "warning")
FILE_KINDS = ("quiz", "scenario")
"""What a file in quizzes/ holds, by its `kind` key (a quiz when left out)."""
DEFAULT_DIMENSIONS = ("caring", "competency", "integrity")
"""What a role-play scores unless it names its own dimensions: the course's trust model."""
MAX_SCENARIO_NODES = 200
"""More steps than any role-play a learner would finish; it also bounds the path analysis."""

ORIENTATIONS = ("landscape", "portrait")
"""How the certificate is printed; the paper size (A4, Letter) is the learner's, from the print dialog."""

SIGNATORY = Record(
    what="signatory",
    fields=(
        Field("name", Text(single_line=True), "The name printed under the signature line.", required=True),
        Field("role", Text(single_line=True), "The signatory's role, printed under their name."),
    ),
)

CERTIFICATE = Record(
    what="certificate",
    fields=(
        Field(
            "orientation",
            Choice(values=ORIENTATIONS),
            "How the certificate is printed: landscape or portrait (the paper size comes from the print dialog).",
            default="landscape",
        ),
        Field("issuer", Text(single_line=True), 'The organisation that issues the certificate, shown as "Issued by".'),
        Field("signatory", SIGNATORY, "Who signs the certificate: `name` and, optionally, `role`."),
        Field(
            "logo",
            Text(single_line=True),
            "A PNG, JPEG or SVG image (1 MB at most) shown at the top, as a path from content/.",
        ),
        Field(
            "signature",
            Text(single_line=True),
            "A PNG, JPEG or SVG image of the signature (1 MB at most) shown above the signature line, as a path "
            "from content/.",
        ),
    ),
)

PLURAL_TEXT = Record(
    what="plural form",
    fields=tuple(
        Field(
            category,
            Text(),
            f"The wording when the count is in the language's '{category}' plural category.",
            required=category == "other",
        )
        for category in PLURAL_CATEGORIES
    ),
)
"""A message that depends on a count: its wording per plural category (English has one and other)."""


def _ui_text() -> Record:
    """Every interface message, by key, with its English wording as the description editors show."""
    catalogue = english()
    fields = []
    for key in catalogue.message_keys():
        message = catalogue.message(key)
        if message.plural:
            fields.append(Field(key, PLURAL_TEXT, f"Default: one: '{message.forms[0]}', other: '{message.forms[-1]}'."))
        else:
            fields.append(Field(key, Text(), f"Default: '{message.forms[0]}'."))
    return Record(what="interface text", fields=tuple(fields))


UI_TEXT = Deferred(_ui_text)  # interface messages are plain text, never Markdown

MODULE = Record(
    what="module",
    fields=(
        Field("title", Text(single_line=True), "The module title, shown in the navigation.", required=True),
        Field(
            "lessons",
            ListOf(Slug(), 1, what="lesson id"),
            "Lesson ids of this module, in order; each is a file content/<id>.yml.",
            required=True,
        ),
    ),
)

COURSE = Record(
    what="course",
    exactly_one_of=(("lessons", "modules"),),
    fields=(
        Field("title", Text(single_line=True), "The course title, shown on every page.", required=True),
        Field(
            "description",
            BLOCK,
            "Markdown shown on the home page: who the course is for and what it gives them.",
            required=True,
        ),
        Field(
            "language", Text(single_line=True), "The language code of the course text, such as en or fr.", default="en"
        ),
        Field(
            "pass_mark",
            Integer(0, 100),
            "The percent a learner needs to pass a quiz, unless the quiz sets its own.",
            default=80,
        ),
        Field(
            "lessons",
            ListOf(Slug(), 1, what="lesson id"),
            "Lesson ids in course order; each is a file content/<id>.yml. Give either lessons or modules.",
        ),
        Field(
            "modules",
            ListOf(MODULE, 1, what="module"),
            "Lessons grouped into modules, in course order, instead "
            "of one `lessons` list: navigation then shows modules.",
        ),
        Field("final_quiz", Slug(), "The id of a final quiz (quizzes/<id>.yml) taken after all lessons."),
        Field(
            "ui_text",
            UI_TEXT,
            "Your own wording for interface strings, by key (`course strings` lists every key with its text), "
            "for example `check_answers: Submit`. Keep each `{placeholder}` of the original.",
        ),
        Field(
            "certificate",
            CERTIFICATE,
            "How the printable certificate looks: orientation, issuer, signatory, logo and signature.",
        ),
    ),
)

OBJECTIVE = Record(
    what="objective",
    fields=(
        Field("id", Slug(), "A short id, unique in the lesson, that quiz questions refer to.", required=True),
        Field("text", INLINE, "What the learner will be able to do (inline Markdown).", required=True),
    ),
)

SECTION = Record(
    what="section",
    fields=(
        Field("title", Text(single_line=True), "The section heading.", required=True),
        Field(
            "kind",
            Choice(values=SECTION_KINDS),
            "How the section is shown: text, scenario, example, tip or warning.",
            default="text",
        ),
        Field("body", BLOCK, "The section text in Markdown.", required=True),
    ),
)

LESSON = Record(
    what="lesson",
    fields=(
        Field("id", Slug(), "The lesson id; must equal the file name without .yml.", required=True),
        Field("title", Text(single_line=True), "The lesson title.", required=True),
        Field("summary", Text(single_line=True), "One line shown in the course overview.", required=True),
        Field("duration_minutes", Integer(1, 600), "How long the lesson takes, in whole minutes.", required=True),
        Field(
            "objectives", ListOf(OBJECTIVE, 1, what="objective"), "What the learner will be able to do.", required=True
        ),
        Field("sections", ListOf(SECTION, 1, what="section"), "The lesson content, in order.", required=True),
        Field(
            "key_points",
            ListOf(INLINE, 0, what="key point"),
            "Short takeaways shown at the end of the lesson.",
            default=(),
        ),
        Field("quiz", Slug(), "The id of the lesson's quiz (quizzes/<id>.yml)."),
        Field(
            "scenarios",
            ListOf(Slug(), 1, what="role-play id"),
            "Ids of role-plays (quizzes/<id>.yml with `kind: scenario`) shown after the sections and before the quiz.",
            default=(),
        ),
    ),
)

QUESTION = Variants(
    what="question",
    discriminator=Field("type", Choice(values=tuple(QUESTION_TYPES)), "The question type.", required=True),
    common=(
        Field("id", Slug(), "A short id, unique in the quiz.", required=True),
        Field(
            "objective",
            Text(single_line=True),
            "The objective this question assesses: an objective id of the "
            "lesson, or lesson-id/objective-id in the final quiz.",
            required=True,
        ),
        Field("prompt", BLOCK, "The question in Markdown.", required=True),
        Field("explanation", BLOCK, "Shown after checking: why the answer is what it is."),
        Field("points", Integer(1, 1000), "How many points the question is worth.", default=1),
    ),
    variants={name: question_type.fields for name, question_type in QUESTION_TYPES.items()},
)

SCORE_RULES = ("best", "last")
REVIEW_MODES = ("always", "after_pass", "after_last_attempt", "never")
"""When a quiz shows marks and feedback (see model.Quiz.review)."""

QUIZ = Record(
    what="quiz",
    fields=(
        Field("id", Slug(), "The quiz id; must equal the file name without .yml.", required=True),
        Field(
            "kind",
            Choice(values=FILE_KINDS),
            "What this file is: a quiz (the default when left out) or, with `scenario`, a branching role-play.",
            default="quiz",
        ),
        Field("title", Text(single_line=True), "The quiz title.", required=True),
        Field("pass_mark", Integer(0, 100), "The percent needed to pass; the course's pass mark if left out."),
        Field("shuffle", Boolean(), "Whether options are shuffled for each attempt.", default=True),
        Field(
            "draw",
            CountOrCounts(Integer(1, 1000), what="objective"),
            "A question pool: how many questions each attempt shows, drawn from the quiz's questions (`draw: 5`), or "
            "how many for each objective (`draw: {objective-id: 2, other-objective: 1}`); every question when left "
            "out.",
        ),
        Field(
            "attempts",
            Integer(1, 100),
            "How many times a learner may submit the quiz (an exam); as often as they like when left out.",
        ),
        Field(
            "score",
            Choice(values=SCORE_RULES),
            "Which attempt counts toward passing: `best` (the default) or `last`.",
            default="best",
        ),
        Field(
            "review",
            Choice(values=REVIEW_MODES),
            "When learners see which answers were right, with the feedback: `always` (the default), `after_pass`, "
            "`after_last_attempt` (needs `attempts`) or `never` (the score and pass or fail only).",
            default="always",
        ),
        Field(
            "time_limit_minutes",
            Integer(1, 600),
            "A time limit: the learner starts the quiz and has this many minutes; at zero it is submitted as it "
            "stands.",
        ),
        Field(
            "time_extension",
            Boolean(),
            "Whether a learner may extend the time limit once, by twice the limit, before it runs out (WCAG "
            "2.2.1); turning it off needs `time_extension_reason`.",
            default=True,
        ),
        Field(
            "time_extension_reason",
            Text(single_line=True),
            "Why the time limit cannot be extended (for example, a real-time event that the quiz simulates).",
        ),
        Field("questions", ListOf(QUESTION, 1, what="question"), "The questions, in order.", required=True),
    ),
)

SCENARIO_CHOICE = Record(
    what="choice",
    fields=(
        Field("text", INLINE, "What the learner does or says (inline Markdown).", required=True),
        Field("next", Slug(), "The id of the node this choice leads to.", required=True),
        Field(
            "scores",
            MapOf(Integer(-100, 100), what="dimension"),
            "How the choice moves each dimension, such as `{caring: 2, integrity: -1}`; dimensions left out score 0.",
            default={},
        ),
        Field("feedback", INLINE, "Shown after the learner makes this choice: how it came across."),
    ),
)

NODE_CHOICES = Field(
    "choices",
    ListOf(SCENARIO_CHOICE, 0, what="choice"),
    "What the learner can do next: at least two, unless this node is an ending.",
)

SCENARIO_NODE = Record(
    what="node",
    json_extra={
        # the editor's half of "an ending has no choices; any other node has two or more" (scenario_rules.py)
        "if": {"properties": {"end": {"const": True}}, "required": ["end"]},
        "then": {"not": {"required": ["choices"]}},
        "else": {"required": ["choices"], "properties": {"choices": {**NODE_CHOICES.json_schema(), "minItems": 2}}},
    },
    fields=(
        Field(
            "text",
            BLOCK,
            "The situation at this step (or, at an ending, how things turned out) in Markdown.",
            required=True,
        ),
        NODE_CHOICES,
        Field("end", Boolean(), "`true` makes this node an ending: it has no choices.", default=False),
    ),
)

SCENARIO = Record(
    what="role-play",
    hints={"questions": " (a role-play has nodes, not questions; leave out `kind: scenario` to make this file a quiz)"},
    fields=(
        Field("id", Slug(), "The role-play id; must equal the file name without .yml.", required=True),
        Field("kind", Choice(values=FILE_KINDS), "`scenario`: this file is a branching role-play.", required=True),
        Field("title", Text(single_line=True), "The role-play title.", required=True),
        Field(
            "dimensions",
            ListOf(Slug(), 1, what="dimension", json_extra={"uniqueItems": True}),
            "What the choices are scored on, in the order results show them.",
            default=DEFAULT_DIMENSIONS,
        ),
        Field("start", Slug(), "The id of the first node.", required=True),
        Field(
            "nodes",
            MapOf(SCENARIO_NODE, 1, what="node"),
            "The steps of the role-play, each under its id.",
            required=True,
        ),
    ),
)

QUIZ_FILE = ByKey(
    key="kind",
    default="quiz",
    formats={"quiz": QUIZ, "scenario": SCENARIO},
    telltales={"quiz": ("questions",), "scenario": ("nodes", "start")},
)
"""A file in quizzes/: a quiz, or with `kind: scenario` a branching role-play."""
