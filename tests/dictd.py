"""dictd files as FreeDict ships them, for tests of `qa.bilingual`: the entries' text
gzip-compressed, and an index of headword, base-64 offset and base-64 length."""

import gzip

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def code(n: int) -> str:
    """`n` in dictd's base 64."""
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if not n:
            return out


def pair(entries: dict[str, str]) -> tuple[bytes, bytes]:
    """(the index file's bytes, the compressed data file's bytes) of `entries` (headword -> text)."""
    body, index = b"", []
    for head, text in entries.items():
        raw = text.encode("utf-8")
        index.append(f"{head}\t{code(len(body))}\t{code(len(raw))}")
        body += raw
    return ("\n".join(index) + "\n").encode(), gzip.compress(body)
