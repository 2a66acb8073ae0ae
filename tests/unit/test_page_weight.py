"""bench/page_weight.py: each page's weight, its answer key's share raw and gzipped, and the course assets it loads."""

from __future__ import annotations

import gzip

from markupsafe import escape

from bench.page_weight import key_spans, measure
from builder.source.scoring import encode_key

KEY = encode_key({"v": 1, "questions": {"q1": {"correct": ["a1"], "explanation": "Because zebras stripe. " * 20}}})
REVEAL = (
    '<div class="course-written__reveal" data-written-reveal hidden><p>Model answer</p>'
    '<div class="course-written__model"><p>Say when.</p></div><fieldset><div>tick</div></fieldset></div>'
)


def _page(body: str) -> str:
    return f"<!doctype html><html><body>{'<p>Lesson words, many of them.</p>' * 50}{body}</body></html>\n"


def _gzipped(text: str) -> int:
    return len(gzip.compress(text.encode(), compresslevel=9, mtime=0))


def test_measure_counts_the_key_and_model_answers_and_what_they_cost_gzipped(tmp_path):
    site = tmp_path / "site"
    (site / "lesson").mkdir(parents=True)
    (site / "assets" / "course").mkdir(parents=True)
    (site / "assets" / "course" / "quiz.js").write_text('import{a as b}from"./dom.js";b();')
    (site / "assets" / "course" / "dom.js").write_text("export const a=()=>1;")
    (site / "assets" / "course" / "course.css").write_text("p{margin:0}")
    key_attribute = f' data-quiz-key="{escape(KEY)}"'  # as the template writes it
    lesson = _page(
        f'<section data-quiz="q"{key_attribute} data-pass-mark="70"><p>Quiz</p>{REVEAL}<p>after</p></section>'
        '<link rel="stylesheet" href="../assets/course/course.css">'
        '<script type="module" src="../assets/course/quiz.js"></script>'
    )
    (site / "lesson" / "index.html").write_text(lesson)
    (site / "index.html").write_text(_page(""))

    home, page = measure(site)
    assert home["page"] == "/" and home["key_bytes"] == home["key_gzipped"] == 0 and home["assets"] == []
    assert page["page"] == "/lesson/"
    assert page["bytes"] == len(lesson.encode()) and page["gzipped"] == _gzipped(lesson)
    assert page["key_parts"] == {"key": len(key_attribute), "model answers": len(REVEAL)}
    assert page["key_bytes"] == len(key_attribute) + len(REVEAL)
    assert page["key_share"] == page["key_bytes"] / page["bytes"]
    without = lesson.replace(key_attribute, "").replace(REVEAL, "")
    assert page["key_gzipped"] == _gzipped(lesson) - _gzipped(without) > 0
    assert page["key_share_gzipped"] == page["key_gzipped"] / page["gzipped"]
    # the stylesheet and module the page names, then what the module imports: one more round trip
    assert page["assets"] == ["assets/course/course.css", "assets/course/quiz.js", "assets/course/dom.js"]
    assert page["asset_levels"] == 2


def test_key_spans_end_each_model_answer_at_its_own_closing_tag():
    html = f"<div>{REVEAL}<div>next</div></div>"
    ((start, end, part),) = key_spans(html)
    assert (html[start:end], part) == (REVEAL, "model answers")
