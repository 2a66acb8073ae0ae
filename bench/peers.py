"""The closest peer on the same lessons and questions: the mkdocs-quiz plugin, in the bench's own environment.

`make bench-env` makes .venv-bench with mkdocs-quiz, MkDocs and Material pinned in bench-constraints.txt (the same
MkDocs and Material as the project); the project's own environment never holds a peer. `write_peer` turns a
synthetic course (bench/synth.py) into a mkdocs-quiz project with the same words: each lesson one Markdown page,
its quiz as `<quiz>` blocks. mkdocs-quiz has single and multiple choice and fill-in-the-blank; true/false is a
choice of two; ordering and matching, which it lacks, become choices with the same items, so every word of every
question is on the page. Its build is compared with a plain build in the same environment.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
BENCH_VENV = REPO / ".venv-bench"
PEER_PLUGIN = "mkdocs_quiz"


def peer_mkdocs() -> Path:
    """The bench environment's `mkdocs`, which has the peer installed."""
    mkdocs = BENCH_VENV / "bin" / "mkdocs"
    if not mkdocs.is_file():
        raise SystemExit("the bench's own environment is missing: run `make bench-env` (make bench does)")
    return mkdocs


def write_peer(course: Path, target: Path, *, plugin: bool = True) -> Path:
    """The course at `course` as a mkdocs-quiz project at `target` (or, without `plugin`, the same pages as plain
    Markdown for MkDocs alone); returns `target`."""
    docs = target / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    outline = yaml.safe_load((course / "content" / "course.yml").read_text(encoding="utf-8"))
    (docs / "index.md").write_text(f"# {outline['title']}\n\n{outline['description']}\n", encoding="utf-8")
    nav: list[Any] = [{"Home": "index.md"}]
    groups = outline.get("modules") or [{"title": None, "lessons": outline["lessons"]}]
    for group in groups:
        entries = []
        for lesson_id in group["lessons"]:
            lesson = _load(course / "content" / f"{lesson_id}.yml")
            quiz = _load(course / "quizzes" / f"{lesson['quiz']}.yml") if lesson.get("quiz") else None
            (docs / f"{lesson_id}.md").write_text(_page(lesson, quiz, plugin), encoding="utf-8")
            entries.append({lesson["title"]: f"{lesson_id}.md"})
        nav += [{group["title"]: entries}] if group["title"] else entries
    config = yaml.safe_load(re.sub(r"^\s*- course\s*$\n?", "", (course / "mkdocs.yml").read_text(), flags=re.M))
    config["docs_dir"] = "docs"
    config["nav"] = nav
    if plugin:
        config["plugins"] = [*config.get("plugins", []), PEER_PLUGIN]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return target


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _page(lesson: dict[str, Any], quiz: dict[str, Any] | None, plugin: bool) -> str:
    parts = [f"# {lesson['title']}", lesson["summary"], "## Objectives"]
    parts += [f"- {objective['text']}" for objective in lesson["objectives"]]
    for section in lesson["sections"]:
        parts += [f"## {section['title']}", section["body"]]
    parts += ["## Key points", *[f"- {point}" for point in lesson.get("key_points") or []]]
    if quiz is not None:
        parts.append(f"## {quiz['title']}")
        if plugin:
            parts.append("<!-- mkdocs-quiz intro -->")
        parts += [_question(question) for question in quiz["questions"]]
        if plugin:
            parts.append("<!-- mkdocs-quiz results -->")
    return "\n\n".join(parts) + "\n"


def _question(q: dict[str, Any]) -> str:
    """One question as a `<quiz>` block: the prompt, its answers as a checklist ([x] right), then what the learner
    reads after answering (the explanation, and each option's feedback)."""
    options: list[tuple[str, bool]] = []
    prompt = q["prompt"]
    kind = q["type"]
    if kind in ("single", "multiple"):
        options = [(option["text"], bool(option.get("correct"))) for option in q["options"]]
    elif kind == "true_false":
        options = [("True", q["answer"] is True), ("False", q["answer"] is False)]
    elif kind == "short_text":
        prompt = f"{prompt} [[{q['accept'][0]}]]"
    elif kind == "numeric":
        prompt = f"{prompt} [[{q['answer']}]]"
    elif kind == "ordering":
        options = [(item, index == 0) for index, item in enumerate(q["items"])]
    elif kind == "matching":
        options = [(f"{pair['left']}: {pair['right']}", True) for pair in q["pairs"]]
    feedback = [option["feedback"] for option in q.get("options", []) if option.get("feedback")]
    lines = [prompt, *[f"- [{'x' if right else ' '}] {text}" for text, right in options]]
    after = " ".join([q.get("explanation") or "", *feedback]).strip()
    return "<quiz>\n" + "\n".join(lines) + ("\n\n" + after if after else "") + "\n</quiz>"
