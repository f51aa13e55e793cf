"""Pictures on the web, fetched for --fetch-images: with a timeout and a size cap, into the
build's cache, so a talk that names them builds offline the second time."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from pathlib import Path

from deckgen.files import write_atomically

TIMEOUT = 10.0  # seconds for the whole answer
MOST_BYTES = 25 * 1024 * 1024  # a picture larger than this is not a slide picture
_AGENT = "deckgen (talk builder; --fetch-images)"


class FetchFault(Exception):
    """Why a web picture could not be had (said as a warning: the deck still builds)."""


def fetched(url: str, folder: Path) -> Path:
    """The picture at `url`, from `folder` when an earlier build fetched it, else fetched now
    and kept there (named by the URL's hash and its last part's suffix)."""
    suffix = Path(url.split("?", 1)[0].split("#", 1)[0]).suffix.lower()[:6]
    target = folder / f"web-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:24]}{suffix}"
    if target.is_file():
        return target
    write_atomically(target, _download(url))
    return target


def _download(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            data: bytes = answer.read(MOST_BYTES + 1)
    except urllib.error.HTTPError as error:
        error.close()  # its body is the server's error page: not wanted
        raise FetchFault(f"the server answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchFault(f"cannot fetch it: {reason}") from None
    if len(data) > MOST_BYTES:
        raise FetchFault(f"larger than {MOST_BYTES // (1024 * 1024)} MB")
    return data
