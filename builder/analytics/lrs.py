"""Statements read from a Learning Record Store's xAPI endpoint, a page at a time (following each page's `more`
link), with the standard library's HTTP client: nothing to install, and only one page in memory at a time."""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..source.errors import StatementsError
from .statements import is_statement

XAPI_VERSION = "1.0.3"
PAGE_SIZE = 500
TIMEOUT_SECONDS = 30.0
"""How long one request may take before the LRS counts as unreachable."""


@dataclass(frozen=True, slots=True)
class LrsAccess:
    endpoint: str
    """The LRS's xAPI base (`http://127.0.0.1:8100/xAPI/`); statements are at `<endpoint>statements`."""
    username: str | None = None
    password: str | None = None

    @property
    def base_url(self) -> str:
        return self.endpoint if self.endpoint.endswith("/") else self.endpoint + "/"


def read_lrs_statements(access: LrsAccess, activity: str) -> Iterator[dict[str, Any]]:
    """Every statement about `activity` and the activities under it (`related_activities`), page by page."""
    query = urllib.parse.urlencode({"activity": activity, "related_activities": "true", "limit": PAGE_SIZE})
    url = urllib.parse.urljoin(access.base_url, "statements") + "?" + query
    seen = set()
    while url:
        if url in seen:  # a server whose `more` leads back would otherwise be read for ever
            raise StatementsError(f"the LRS at {access.endpoint} sent the same page twice ({url}); stopped reading")
        seen.add(url)
        page = _page(access, url)
        yield from page["statements"]
        more = page.get("more")
        url = urllib.parse.urljoin(access.base_url, more) if isinstance(more, str) and more else ""


def _page(access: LrsAccess, url: str) -> dict[str, Any]:
    headers = {"X-Experience-API-Version": XAPI_VERSION, "Accept": "application/json"}
    if access.username is not None:
        pair = f"{access.username}:{access.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    where = f"the LRS at {access.endpoint}"
    try:
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403):
            raise StatementsError(
                f"{where} refused the credentials (HTTP {exc.code}); check --lrs-user and --lrs-password: they need "
                "permission to read statements"
            ) from None
        raise StatementsError(f"{where} answered HTTP {exc.code} {exc.reason} for {url}") from None
    except TimeoutError:
        raise StatementsError(f"{where} did not answer within {TIMEOUT_SECONDS:.0f} s") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise StatementsError(f"{where} did not answer within {TIMEOUT_SECONDS:.0f} s") from None
        raise StatementsError(f"cannot reach {where}: {exc.reason}") from None
    except ValueError as exc:  # not a URL urllib can open (no scheme, say)
        raise StatementsError(f"--lrs {access.endpoint} is not an http(s) URL: {exc}") from None
    except OSError as exc:
        raise StatementsError(f"cannot reach {where}: {exc}") from None
    try:
        page = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StatementsError(f"{where} did not return xAPI statements for {url}: the answer is not JSON") from None
    if not (isinstance(page, dict) and isinstance(page.get("statements"), list)):
        raise StatementsError(f'{where} did not return xAPI statements for {url}: no "statements" list')
    if not all(is_statement(statement) for statement in page["statements"]):
        raise StatementsError(f"{where} did not return xAPI statements for {url}: an item has no actor, verb or object")
    return page
