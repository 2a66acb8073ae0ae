"""Ralph's LRS (its own FastAPI app) served on 127.0.0.1; tests/support/lrs.py runs this with .venv-lrs's Python.

Why not `ralph runserver -b fs`: in ralph-malph 5.1.0 (and 4.2, 5.0) the folder backend writes each POST to the
one statements file with the `create` operation, which refuses a file that exists, so a folder-backed LRS stores
the first POST and answers 500 to every later one. This sets that backend to append, the one thing a folder
store needs, and serves Ralph's own app with its validation, authentication and scopes unchanged. (runserver
also restarts whenever its folder changes, which a test does not want.)
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
