"""The benchmark: synthetic courses (synth.py) timed against plain MkDocs (run.py, `make bench`)."""
