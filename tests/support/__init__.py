"""What the tests share: paths, running the real `course` command, small projects written in code,
HTML inspection, fuzzing strategies and the browser harness. Tests import from here, never from
each other."""
