"""Bounded HTTP GET of a configured URL: a size cap, a total deadline, no other host.

Only URLs the user configured (feeds; linked pages when asked for) reach this module, so
a redirect to another host is refused rather than followed: nothing else is fetched.
"""

from __future__ import annotations

import socket
import time
import zlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from index.articles import ArticleError

_USER_AGENT = "Hirkerdezo/1.0 (news indexer)"
_READ = 64 * 1024


class FetchError(ArticleError):
    """A URL that could not be fetched, and why (refused, timed out, HTTP error, too large)."""


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the same host (http -> https, a moved path), never elsewhere."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).hostname != urlsplit(req.full_url).hostname:
            raise FetchError(f"redirected to another host ({newurl}); configure that URL instead")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_SameHostRedirects())


@dataclass(frozen=True)
class Fetcher:
    """GETs with a per-request deadline and a size cap."""

    timeout_s: float = 10.0
    max_bytes: int = 5_000_000

    def get(self, url: str) -> bytes:
        """The body of `url`; raises FetchError with a reason a person can act on."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError("not an http(s) URL")
        deadline = time.monotonic() + self.timeout_s
        request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept-Encoding": "identity"})
        try:
            with _opener.open(request, timeout=self.timeout_s) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(self._too_large(int(length)))
                body = self._read(response, deadline)
                if response.headers.get("Content-Encoding", "").lower() in ("gzip", "x-gzip", "deflate"):
                    body = self._inflate(body)
                return body
        except FetchError:
            raise
        except urllib.error.HTTPError as exc:
            raise FetchError(f"HTTP error {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise FetchError(f"timed out after {self.timeout_s:g} s") from None
            raise FetchError(f"cannot be fetched: {_why(exc.reason)}") from None
        except (socket.timeout, TimeoutError):
            raise FetchError(f"timed out after {self.timeout_s:g} s") from None
        except (OSError, ValueError) as exc:  # reset connections, malformed URLs or responses
            raise FetchError(f"cannot be fetched: {_why(exc)}") from None

    def _read(self, response, deadline: float) -> bytes:
        # The socket timeout bounds each read; a server that drips bytes is cut by the deadline.
        chunks, size = [], 0
        while chunk := response.read(_READ):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(self._too_large(size, at_least=True))
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {self.timeout_s:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _inflate(self, body: bytes) -> bytes:
        """Servers gzip whatever was asked for; the unpacked size is capped too (no zip bombs)."""
        unpack = zlib.decompressobj(zlib.MAX_WBITS | 32 if body[:2] == b"\x1f\x8b" else zlib.MAX_WBITS)
        try:
            data = unpack.decompress(body, self.max_bytes + 1)
        except zlib.error as exc:
            raise FetchError(f"cannot be fetched: a compressed body that does not unpack ({exc})") from None
        if len(data) > self.max_bytes:
            raise FetchError(f"too large once unpacked (the limit is {self.max_bytes:,} bytes)")
        return data

    def _too_large(self, size: int, at_least: bool = False) -> str:
        more = "more than " if at_least else ""
        return f"too large ({more}{size:,} bytes; the limit is {self.max_bytes:,})"


def _why(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = getattr(reason, "strerror", None) or str(reason)
    return text.lower() if text else type(reason).__name__
