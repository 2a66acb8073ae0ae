"""Turn trainers' YAML lessons and quizzes into a validated, interactive MkDocs course."""

__version__ = "0.1.0"
