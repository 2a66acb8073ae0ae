"""YAML sources -> a validated, frozen `Course`: project layout, loader, diagnostics, the format and its
schema language, validation, the model, Markdown and the sanitiser, and the scoring rule.

Nothing here renders pages or imports MkDocs; every layer above uses this one.
"""
