"""Printing certificates in tests: generated courses with many quizzes or modules, passing every quiz through the
learner's storage, showing the sheet, and reading what Chromium printed (pypdf for the pages, poppler's
pdftotext for the words)."""

from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .browser import store_progress
from .paths import REPO
from .pdf import pages_of

BUNDLED_IMAGES = REPO / "content" / "images"
FULL_CERTIFICATE = """\
certificate:
  orientation: {orientation}
  issuer: Northbridge Learning Team for Customer Service, Logistics and Everyday Professionalism
  signatory:
    name: Dana Whitfield-Okonkwo
    role: Head of Learning and Development, Northbridge Operations
  logo: images/certificate-logo.svg
  signature: images/certificate-signature.svg
"""
"""Every certificate setting, long: the most a sheet holds besides its rows."""
LONG_TITLE = (
    "Working Together Across Departments: Internal Customer Service, Trust and Everyday Professionalism for "
    "Every Team Member"
)
PASSED_AT = datetime.datetime(2026, 12, 3, 12)
"""Every seeded quiz was passed then: the certificate's date."""
PASSED_ON = "December 3, 2026"
MM_PER_POINT = 25.4 / 72
PAPERS = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
"""Width and height in millimetres, portrait."""
LONG_NAME = "Maria Salomea Skłodowska-Curie de la Fontaine-Ashworth, Honorary Fellow of the Northbridge Societies"
"""100 characters, the most the name box takes."""

MKDOCS = """\
site_name: "{title}"
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - course
"""
LESSON = """\
id: {id}
title: "{title}"
summary: One short lesson of a generated course.
duration_minutes: 3
objectives:
  - id: know
    text: Know the thing.
sections:
  - title: The thing
    body: A few words about the thing.
quiz: {id}-check
"""
QUIZ = """\
id: {id}
title: "{title}"
questions:
  - id: q1
    type: true_false
    objective: {objective}
    prompt: Is this true?
    answer: true
"""


def write_generated_course(
    root: Path, *, lessons: int, title: str, modules: int = 0, certificate: str = "", lesson_title: str = "Lesson {n}"
) -> Path:
    """A course of `lessons` one-question lessons and a final quiz (lessons + 1 quizzes), in `modules` modules
    of equal size when given; `certificate` is course.yml's certificate block as written. Returns the project."""
    ids = [f"lesson-{n:02d}" for n in range(1, lessons + 1)]
    for folder in ("content", "quizzes"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS.format(title=title))
    for n, lesson_id in enumerate(ids, 1):
        name = lesson_title.format(n=n)
        (root / "content" / f"{lesson_id}.yml").write_text(LESSON.format(id=lesson_id, title=name))
        (root / "quizzes" / f"{lesson_id}-check.yml").write_text(
            QUIZ.format(id=f"{lesson_id}-check", title=f"{name}: check", objective="know")
        )
    (root / "quizzes" / "final.yml").write_text(
        QUIZ.format(id="final", title="Final check", objective="lesson-01/know")
    )
    if modules:
        size = lessons // modules
        listed = "modules:\n" + "".join(
            f"  - title: 'Module {m + 1}: working well with the colleagues who rely on you'\n"
            f"    lessons: [{', '.join(ids[m * size : (m + 1) * size])}]\n"
            for m in range(modules)
        )
    else:
        listed = f"lessons: [{', '.join(ids)}]\n"
    if "logo:" in certificate or "signature:" in certificate:
        shutil.copytree(BUNDLED_IMAGES, root / "content" / "images")
    (root / "content" / "course.yml").write_text(
        f'title: "{title}"\ndescription: A generated course.\n{listed}final_quiz: final\n{certificate}'
    )
    return root


def copy_project(source: Path, root: Path, *, orientation: str | None = None) -> Path:
    """A copy of a project's sources; with `orientation`, its certificate printed that way (other settings kept)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "quizzes"):
        if (source / name).is_dir():
            shutil.copytree(source / name, root / name)
        else:
            shutil.copy(source / name, root / name)
    if orientation is not None:
        course = root / "content" / "course.yml"
        text = course.read_text()
        if "\ncertificate:\n" not in text:
            text += "certificate:\n"
        text = re.sub(r"(?m)^  orientation: .*\n", "", text)
        course.write_text(text.replace("\ncertificate:\n", f"\ncertificate:\n  orientation: {orientation}\n"))
    return root


def pass_every_quiz(page) -> None:
    """Save a passed best score (100%) for every quiz the open certificate page asks for, then reload."""
    key = page.locator("[data-certificate-page]").get_attribute("data-certificate-page")
    versions = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-quiz-group]')]
        .flatMap(el => el.dataset.quizGroup.split(' ').map(q => q.split(':').slice(0, 2))))""")
    at = PASSED_AT.isoformat()
    quizzes = {
        quiz: {
            "version": version,
            "best": 100,
            "attempts": 1,
            "passedAt": at,
            "last": {"score": 100, "passed": True, "responses": {}, "at": at},
        }
        for quiz, version in versions.items()
    }
    store_progress(page, {"v": 1, "quizzes": quizzes}, key)
    page.reload()


def show_certificate(page, name: str) -> None:
    page.get_by_label("Your name, as it should appear on the certificate").fill(name)
    page.get_by_role("button", name="Show my certificate").click()
    page.locator("[data-certificate]").wait_for(state="visible")


@dataclass(frozen=True)
class Printed:
    """What Chromium printed: each page's size in millimetres and its text (pdftotext, reading order)."""

    sizes: list[tuple[float, float]]
    texts: list[str]
    pdf: bytes

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


def print_page(page, paper: str) -> Printed:
    """Print the open page as the print dialog does with `paper` chosen (the page's CSS may turn it)."""
    pdf = page.pdf(prefer_css_page_size=True, format=paper, print_background=True)
    texts, sizes = pages_of(pdf)
    return Printed([(width * MM_PER_POINT, height * MM_PER_POINT) for width, height in sizes], texts, pdf)


PAGE_MARGIN_MM = 10
"""certificate.css's margin of the certificate's named pages."""
PX_PER_MM = 96 / 25.4


def overflow_in_print(page, paper: str, orientation: str) -> list[str]:
    """What sticks out of the sheet's frame (border and padding) when the page is laid out as the certificate's
    printed page: print media, in a viewport the size of the page's area. Empty when everything fits."""
    width, height = PAPERS[paper]
    if orientation == "landscape":
        width, height = height, width
    viewport = page.viewport_size
    page.set_viewport_size(
        {
            "width": round((width - 2 * PAGE_MARGIN_MM) * PX_PER_MM),
            "height": round((height - 2 * PAGE_MARGIN_MM) * PX_PER_MM),
        }
    )
    page.emulate_media(media="print")
    page.evaluate("window.scrollTo(0, 0)")
    try:
        return page.locator("[data-certificate]").evaluate("""sheet => {
            const style = getComputedStyle(sheet), box = sheet.getBoundingClientRect();
            const inner = {top: box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) - 1,
                left: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) - 1,
                right: box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight) + 1,
                bottom: box.bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom) + 1};
            const out = [], area = document.documentElement.clientHeight;
            if (Math.abs(box.height - area) > 2) out.push(`the sheet is ${box.height}px tall, the page ${area}px`);
            for (const el of sheet.querySelectorAll(':not(.course-visually-hidden)')) {
                const r = el.getBoundingClientRect();
                if (!r.width && !r.height) continue;
                if (r.top < inner.top || r.left < inner.left || r.right > inner.right || r.bottom > inner.bottom)
                    out.push(`${el.tagName}.${el.className} (${el.textContent.trim().slice(0, 40)}): ` +
                        `${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)}` +
                        ` outside ${Math.round(inner.left)},${Math.round(inner.top)} to ` +
                        `${Math.round(inner.right)},${Math.round(inner.bottom)}`);
            }
            return out;
        }""")
    finally:
        page.emulate_media(media="no-override")
        page.set_viewport_size(viewport)


def is_paper(size: tuple[float, float], paper: str, orientation: str) -> bool:
    """Whether a page size (mm) is `paper` in `orientation`, to the nearest millimetre."""
    width, height = PAPERS[paper]
    if orientation == "landscape":
        width, height = height, width
    return abs(size[0] - width) < 1 and abs(size[1] - height) < 1
