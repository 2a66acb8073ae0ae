"""The course as a MkDocs site: page rendering through Jinja2 templates, the plugin and its options,
navigation, running a build and publishing it atomically, and the learners' scripts and styles."""
