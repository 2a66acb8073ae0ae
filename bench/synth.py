"""Synthetic courses for the benchmark: N lessons of about 600 words in 4 sections, each with a
10-question quiz mixing all seven question types, in modules of 20 lessons; and the same words as
ordinary Markdown pages for a plain MkDocs build with the same theme and settings."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

WORDS = [
    "colleague",
    "request",
    "reply",
    "team",
    "service",
    "handover",
    "report",
    "shift",
    "ward",
    "depot",
    "order",
    "invoice",
    "ticket",
    "customer",
    "promise",
    "deadline",
    "update",
    "listen",
    "help",
    "answer",
    "check",
    "follow",
    "through",
    "respect",
    "trust",
    "caring",
    "integrity",
    "competency",
    "schedule",
    "manager",
    "office",
    "store",
    "warehouse",
    "support",
    "patient",
    "clear",
    "kind",
    "honest",
    "quick",
    "careful",
    "share",
    "explain",
    "agree",
    "plan",
    "time",
    "fix",
    "note",
    "call",
    "email",
    "meeting",
    "task",
    "priority",
]
MODULE_SIZE = 20


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 14))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, words: int) -> str:
    text = []
    while sum(len(s.split()) for s in text) < words:
        text.append(sentence(rng))
    return " ".join(text)


def questions(rng: random.Random, lesson: str) -> list[dict]:
    objective = "understand"
    out = []
    kinds = [
        "single",
        "multiple",
        "true_false",
        "short_text",
        "ordering",
        "matching",
        "single",
        "multiple",
        "true_false",
        "numeric",
    ]
    for n, kind in enumerate(kinds, 1):
        q = {"id": f"q{n}", "type": kind, "objective": objective, "prompt": sentence(rng), "explanation": sentence(rng)}
        if kind in ("single", "multiple"):
            q["options"] = [
                {
                    "text": f"{sentence(rng)[:-1]} {i}",
                    "correct": i == 0 or (kind == "multiple" and i == 2),
                    "feedback": sentence(rng),
                }
                for i in range(4)
            ]
        elif kind == "true_false":
            q["answer"] = n % 2 == 0
        elif kind == "short_text":
            q["accept"] = ["trust", "mutual trust"]
        elif kind == "numeric":
            q["answer"], q["tolerance"] = 30, 5
        elif kind == "ordering":
            q["items"] = [f"Step {i} {rng.choice(WORDS)}" for i in range(1, 5)]
        else:
            q["pairs"] = [
                {"left": f"Term {i} {rng.choice(WORDS)}", "right": f"Meaning {i} {rng.choice(WORDS)}"}
                for i in range(1, 5)
            ]
        out.append(q)
    return out


def generate(
    root: Path, lessons: int, config_template: str, seed: int = 7, *, modules: bool = True
) -> tuple[Path, Path]:
    """Write <root>/course (YAML sources) and <root>/plain (Markdown pages); return both project folders.

    With `modules` (the default) lessons are grouped in modules of MODULE_SIZE and the plain nav has a
    section for each; without, course.yml has one flat `lessons:` list and the plain nav is flat too."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    course, plain = root / "course", root / "plain"
    (course / "content").mkdir(parents=True)
    (course / "quizzes").mkdir()
    (plain / "docs").mkdir(parents=True)
    ids = [f"lesson-{n:04d}" for n in range(1, lessons + 1)]
    groups = [
        {"title": f"Module {m + 1}", "lessons": ids[m * MODULE_SIZE : (m + 1) * MODULE_SIZE]}
        for m in range((lessons + MODULE_SIZE - 1) // MODULE_SIZE)
    ]
    outline = {"modules": groups} if modules else {"lessons": ids}
    (course / "content" / "course.yml").write_text(
        yaml.safe_dump({"title": "Benchmark course", "description": paragraph(rng, 40), **outline}, sort_keys=False)
    )
    plain_nav = [{"Home": "index.md"}]
    (plain / "docs" / "index.md").write_text("# Benchmark course\n\n" + paragraph(rng, 40) + "\n")
    for module in groups:
        entries = []
        for lesson_id in module["lessons"]:
            sections = [
                {"title": f"Part {i} {rng.choice(WORDS)}", "body": paragraph(rng, 75) + "\n\n" + paragraph(rng, 75)}
                for i in range(1, 5)
            ]
            lesson = {
                "id": lesson_id,
                "title": f"Lesson {lesson_id[-4:]}",
                "summary": sentence(rng),
                "duration_minutes": 8,
                "objectives": [{"id": "understand", "text": sentence(rng)}],
                "sections": sections,
                "key_points": [sentence(rng)],
                "quiz": f"{lesson_id}-check",
            }
            quiz = {"id": f"{lesson_id}-check", "title": "Check", "questions": questions(rng, lesson_id)}
            (course / "content" / f"{lesson_id}.yml").write_text(yaml.safe_dump(lesson, sort_keys=False))
            (course / "quizzes" / f"{lesson_id}-check.yml").write_text(yaml.safe_dump(quiz, sort_keys=False))
            (plain / "docs" / f"{lesson_id}.md").write_text(markdown_page(lesson, quiz))
            entries.append({lesson["title"]: f"{lesson_id}.md"})
        if modules:
            plain_nav.append({module["title"]: entries})
        else:
            plain_nav += entries
    (course / "mkdocs.yml").write_text(config_template)
    plain_config = yaml.safe_load(_without_course_plugin(config_template))
    plain_config["docs_dir"] = "docs"
    plain_config["nav"] = plain_nav
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(plain_config, sort_keys=False))
    return course, plain


def _without_course_plugin(config: str) -> str:
    return re.sub(r"^\s*- course\s*$\n?", "", config, flags=re.MULTILINE)


def markdown_page(lesson: dict, quiz: dict) -> str:
    """The same words as an ordinary Markdown page: sections, key points and the quiz as a list."""
    parts = [
        f"# {lesson['title']}",
        lesson["summary"],
        "## Objectives",
        *[f"- {o['text']}" for o in lesson["objectives"]],
    ]
    for section in lesson["sections"]:
        parts += [f"## {section['title']}", section["body"]]
    parts += ["## Key points", *[f"- {p}" for p in lesson["key_points"]], f"## {quiz['title']}"]
    for q in quiz["questions"]:
        parts.append(f"**{q['prompt']}**")
        for option in q.get("options", []):
            parts.append(f"- {option['text']} — {option['feedback']}")
        parts += [f"- {item}" for item in q.get("items", [])]
        parts += [f"- {p['left']}: {p['right']}" for p in q.get("pairs", [])]
        parts.append(q["explanation"])
    return "\n\n".join(parts) + "\n"
