"""Ralph's LRS (its own FastAPI app) served on 127.0.0.1; tests/support/lrs.py runs this with .venv-lrs's Python.

Ralph's folder backend, the one that needs no database, has two faults in ralph-malph 5.1.0 (4.2 and 5.0 too),
which this works around before serving Ralph's own app, its validation, authentication and scopes unchanged:

- it writes each POST to the one statements file with the `create` operation, which refuses a file that exists,
  so it stores the first POST and answers 500 to every later one: here it appends;
- it compares the `activity` and `verb` query parameters, which the API has turned into IRI models, with the
  statements' plain strings, so a query by activity or verb finds nothing: here the filters get the strings.

(`ralph runserver` also restarts whenever its folder changes, which a test does not want.)
"""

import sys
from typing import Any

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend


def plain(value: Any) -> Any:
    """An IRI model's string (a RootModel may wrap another), or the value as it is."""
    while hasattr(value, "root"):
        value = value.root
    return value


by_verb = FSLRSBackend._add_filter_by_verb
by_activity = FSLRSBackend._add_filter_by_activity
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
FSLRSBackend._add_filter_by_verb = staticmethod(lambda filters, verb: by_verb(filters, plain(verb)))
FSLRSBackend._add_filter_by_activity = staticmethod(
    lambda filters, activity, related: by_activity(filters, plain(activity), related)
)

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
