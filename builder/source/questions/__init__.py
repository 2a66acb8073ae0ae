"""The question types, one module each, and the registry every other part of the builder asks.

To add a type: write its module (see base.QuestionType), add it to `QUESTION_TYPES` below, add its
entry to the learners' type table (builder/site/assets/questions.js) and, if no existing macro fits,
a macro to builder/site/templates/_questions.html. CONTRIBUTING.md has the whole recipe.
"""

from __future__ import annotations

from .base import QuestionBase, QuestionType, choice_token
from .choice import MULTIPLE, SINGLE, MultipleChoice, Option, SingleChoice
from .matching import MATCHING, Matching, Pair
from .numeric import NUMERIC, Numeric
from .ordering import ORDERING, Ordering
from .short_text import SHORT_TEXT, ShortText, normalise_answer
from .true_false import TRUE_FALSE, TrueFalse
from .written import WRITTEN, Written

QUESTION_TYPES: dict[str, QuestionType] = {
    t.name: t for t in (SINGLE, MULTIPLE, TRUE_FALSE, SHORT_TEXT, ORDERING, MATCHING, NUMERIC, WRITTEN)
}
"""Every question type by its `type:` name, in the order the guide and reports list them."""


def question_type(question: QuestionBase | str) -> QuestionType:
    """The type of a question (or of a `type:` name)."""
    return QUESTION_TYPES[question if isinstance(question, str) else question.type]


__all__ = [
    "QUESTION_TYPES",
    "Matching",
    "MultipleChoice",
    "Numeric",
    "Option",
    "Ordering",
    "Pair",
    "QuestionBase",
    "QuestionType",
    "ShortText",
    "SingleChoice",
    "TrueFalse",
    "Written",
    "choice_token",
    "normalise_answer",
    "question_type",
]
