"""Dates as a Hungarian reader writes them: "2025. szeptember 3.", in local time."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = ("január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december")
_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def published(value: str) -> str:
    """'2025-09-03' -> '2025. szeptember 3.'; '2025-07' -> '2025. július'; '' -> ''."""
    m = _PUBLISHED.match(value or "")
    if not m:
        return value or ""
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not month or not 1 <= int(month) <= 12:
        return f"{year}."
    if not day:
        return f"{year}. {MONTHS[int(month) - 1]}"
    return f"{year}. {MONTHS[int(month) - 1]} {int(day)}."


def day(d: date) -> str:
    return f"{d.year}. {MONTHS[d.month - 1]} {d.day}."


def moment(value: float | str | None) -> str:
    """A timestamp (seconds since the epoch, or ISO 8601, UTC or with offset) in local time."""
    if value in (None, ""):
        return "–"
    try:
        when = datetime.fromtimestamp(value) if isinstance(value, (int, float)) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if when.tzinfo is not None:
        when = when.astimezone()
    return f"{day(when)} {when:%H:%M}"


def short_moment(value: float) -> str:
    """For the conversation list: today only the time, otherwise the date."""
    when = datetime.fromtimestamp(value)
    return f"ma {when:%H:%M}" if when.date() == date.today() else f"{day(when)} {when:%H:%M}"
