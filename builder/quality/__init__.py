"""`course check` and `course report`: the quality checks, the metrics they share, and readability."""
