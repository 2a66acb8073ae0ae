"""Help for trainers while they write: editor JSON Schemas, and scaffolds for new projects, lessons,
quizzes and role-plays."""
