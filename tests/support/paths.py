"""Where things are: the repository, the fixture courses and the shared reference folder beside it."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "courses"
SHARED = REPO.parent / "shared"
"""../shared: the source documents, the originality tool and the SCORM schemas (read, never copied)."""
NODE_MODULES = REPO / "node_modules"
"""The npm test tools (package.json at the repository root)."""
