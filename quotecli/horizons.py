"""Time horizons of forward-looking claims: find the time expression, normalise it against the article date.

``find(text, start, end)`` returns the time expressions in a stretch of text as ``Found`` spans, each with the
rule that matched; ``normalise(phrase, date)`` turns one expression into a value:

    ISO date      2024-07-15            "on 15 July", "on Monday", "tomorrow"
    month         2024-08               "next month", "in August", "by the end of March 2025"
    year          2030                  "by 2030", "next year", "fiscal 2026"
    quarter       2026-Q3               "the third quarter of 2026", "Q3"
    interval      2024-07/2024-09       "over the next three months", "the second half", "next week"
    vague label   soon | eventually | near-term | medium-term | long-term

and ``None`` when the value needs the article date and none is known (``next month`` without a date), or the
phrase is not a time expression. ``find_date(text)`` looks for the article's own date (``Published 12 March
2024``, a dateline) so that relative expressions can be resolved without ``--date``.

Every rule is a named value (``Rule``) with examples; tests/test_horizons.py runs them all.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Callable

import regex

from .lexicons import load

__all__ = ["Found", "Rule", "RULES", "find", "normalise", "find_date", "is_past", "is_future_pointing"]


def _table(name: str) -> dict[str, str]:
    return dict(line.split("\t") for line in load(name))


MONTHS = {k: int(v) for k, v in _table("time_months").items()}
WEEKDAYS = {k: int(v) for k, v in _table("time_weekdays").items()}
UNITS = _table("time_units")
NUMBERS = {k: int(v) for k, v in _table("time_numbers").items()}
VAGUE = _table("time_vague")

# month and weekday names are matched capitalised ("May", not the modal "may"); everything else ignores case
_NAMED = dict(
    months=sorted({m.capitalize() for m in MONTHS} | {m.upper() for m in MONTHS if len(m) == 3}, key=len, reverse=True),
    weekdays=sorted(w.capitalize() for w in WEEKDAYS),
    units=sorted(UNITS, key=len, reverse=True),
    numbers=sorted(NUMBERS, key=len, reverse=True),
    vague=sorted(VAGUE, key=len, reverse=True),
)

_MONTH = r"(?-i:(?P<month>\L<months>))(?:(?<=(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.)?"
_WD = r"(?-i:(?P<wd>\L<weekdays>))"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)(?![\d])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_NUM = r"(?:\d{1,3}|\L<numbers>)"
_PREP = r"(?:(?:in|by|before|until|till|through|from|after|during|for|on|at|of|around|within|since)\s+)"
_EDGE = r"(?:(?P<edge>early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of|end|start)[\s-]+)"
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression in the text: its span, the rule that matched it, and the regex match."""

    start: int
    end: int
    rule: str
    match: regex.Match

    @property
    def text(self) -> str:
        return self.match.group()


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizon rule: id, pattern, what it means, and (phrase, date, value) examples that tests run."""

    id: str
    pattern: regex.Pattern
    description: str
    value: Callable[[regex.Match, dt.date | None], str | None]
    examples: tuple[tuple[str, str | None, str | None], ...]
    future: bool = True  # does the expression point ahead of the article date by itself ("next", "coming")?


def _rx(p: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{p})(?![\p{{L}}\d])", regex.I | regex.X, ignore_unused=True, **_NAMED)


# --- calendar helpers ------------------------------------------------------------------------------

def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _num(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS[w]


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _next_month_occurrence(month: int, date: dt.date) -> int:
    """Year of the next ``month`` at or after the article's month (claims look ahead)."""
    return date.year if month >= date.month else date.year + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _season(name: str, year: int) -> str:
    a, b = _SEASONS[name.lower()]
    if a > b:  # winter runs into the next year
        return f"{_ym(year, a)}/{_ym(year + 1, b)}"
    return f"{_ym(year, a)}/{_ym(year, b)}"


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _week_of(d: dt.date) -> str:
    monday = d - dt.timedelta(days=d.weekday())
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _period(unit: str, date: dt.date, offset: int) -> str:
    """The calendar period ``offset`` units from the one holding ``date`` (0 = this, 1 = next)."""
    u = UNITS.get(unit.lower(), unit.lower())
    if u == "day":
        return (date + dt.timedelta(days=offset)).isoformat()
    if u == "week":
        return _week_of(date + dt.timedelta(weeks=offset))
    if u == "fortnight":
        start = date + dt.timedelta(weeks=2 * offset)
        return f"{start.isoformat()}/{(start + dt.timedelta(days=13)).isoformat()}"
    if u == "weekend":
        sat = date + dt.timedelta(days=(5 - date.weekday()) % 7 + 7 * offset)
        return f"{sat.isoformat()}/{(sat + dt.timedelta(days=1)).isoformat()}"
    if u == "month":
        return _ym(*_add_months(date.year, date.month, offset))
    if u == "quarter":
        y, m = _add_months(date.year, (_quarter_of(date) - 1) * 3 + 1, 3 * offset)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if u == "half":
        first = 1 if date.month <= 6 else 7
        y, m = _add_months(date.year, first, 6 * offset)
        return f"{_ym(y, m)}/{_ym(*_add_months(y, m, 5))}"
    if u == "year":
        return str(date.year + offset)
    if u == "decade":
        d0 = date.year // 10 * 10 + 10 * offset
        return f"{d0}/{d0 + 9}"
    if u == "season":
        # "next spring": the next spring that has not started; "this winter": the one we are in or next
        name = unit.lower()
        a, b = _SEASONS[name]
        year = date.year
        if a > b:  # winter
            if date.month <= b:
                year -= 1
            in_it = date.month >= a or date.month <= b
        else:
            in_it = a <= date.month <= b
            if date.month > b:
                year += 1
        if offset >= 1 and in_it:
            year += 1
        return _season(name, year)
    return None  # pragma: no cover - every unit in the lexicon is handled


def _span(unit: str, date: dt.date, n: int) -> str:
    """From the period holding ``date`` to ``n`` units later: "within six months" -> 2024-06/2024-12."""
    u = UNITS.get(unit.lower(), unit.lower())
    if u in ("day",):
        return f"{date.isoformat()}/{(date + dt.timedelta(days=n)).isoformat()}"
    if u in ("week", "fortnight", "weekend"):
        k = 2 * n if u == "fortnight" else n
        return f"{date.isoformat()}/{(date + dt.timedelta(weeks=k)).isoformat()}"
    if u in ("month", "season"):
        return f"{_ym(date.year, date.month)}/{_ym(*_add_months(date.year, date.month, n))}"
    if u == "quarter":
        return f"{_ym(date.year, date.month)}/{_ym(*_add_months(date.year, date.month, 3 * n))}"
    if u == "half":
        return f"{_ym(date.year, date.month)}/{_ym(*_add_months(date.year, date.month, 6 * n))}"
    if u == "year":
        return f"{date.year}/{date.year + n}"
    if u == "decade":
        return f"{date.year}/{date.year + 10 * n}"
    return None  # pragma: no cover


def _point(unit: str, date: dt.date, n: int) -> str:
    """``n`` units after ``date``, at the unit's own granularity: "in two years" -> 2026."""
    u = UNITS.get(unit.lower(), unit.lower())
    if u == "day":
        return (date + dt.timedelta(days=n)).isoformat()
    if u in ("week", "fortnight", "weekend"):
        return (date + dt.timedelta(weeks=2 * n if u == "fortnight" else n)).isoformat()
    if u in ("month", "season"):
        return _ym(*_add_months(date.year, date.month, n))
    if u == "quarter":
        y, m = _add_months(date.year, date.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if u == "half":
        return _ym(*_add_months(date.year, date.month, 6 * n))
    if u == "year":
        return str(date.year + n)
    if u == "decade":
        return str(date.year + 10 * n)
    return None  # pragma: no cover


# --- rule value functions ---------------------------------------------------------------------------

def _v_iso(m, date):
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return d.isoformat() if d else None


def _v_day_month_year(m, date):
    d = _safe_date(int(m["year"]), _month_num(m["month"]), int(m["day"]))
    return d.isoformat() if d else None


def _v_day_month(m, date):
    if date is None:
        return None
    month, day = _month_num(m["month"]), int(m["day"])
    d = _safe_date(date.year, month, day)
    if d is None:
        return None
    if d < date:  # a claim looks ahead: "on 15 January" in a December article is next January
        d = _safe_date(date.year + 1, month, day) or d
    return d.isoformat()


def _edge_month(edge: str | None) -> tuple[int, int] | None:
    """Months of the year an edge word picks out of a whole year: "early 2025" -> Jan-Apr."""
    if not edge:
        return None
    e = " ".join(edge.lower().split())
    if e in ("early", "the start of", "the beginning of", "start"):
        return (1, 4)
    if e in ("mid", "the middle of"):
        return (5, 8)
    if e in ("late", "the end of", "end"):
        return (9, 12)
    return None


def _v_month_year(m, date):
    return _ym(int(m["year"]), _month_num(m["month"]))


def _v_month(m, date):
    if date is None:
        return None
    month = _month_num(m["month"])
    if m["rel"] and m["rel"].lower() == "next" and month <= date.month:
        return _ym(date.year + 1, month)
    if m["rel"] and m["rel"].lower() in ("this", "last"):
        return _ym(date.year, month)
    return _ym(_next_month_occurrence(month, date), month)


def _v_year(m, date):
    year = int(m["year"])
    half = m["half"]
    if half:
        return f"{year}-01/{year}-06" if half.lower().startswith("first") else f"{year}-07/{year}-12"
    return str(year)


def _v_year_range(m, date):
    return f"{m['y1']}/{m['y2']}"


def _ordinal(word: str) -> int:
    w = word.lower()
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": 4, "last": 4}[w]


def _rel_year(m, date) -> int | None:
    if m["qyear"]:
        return int(m["qyear"])
    if m.groupdict().get("qfy"):  # "Q4 FY25": the fiscal year's label
        y = int(m["qfy"])
        return y if y > 100 else 2000 + y
    rel = (m["qrel"] or "").lower()
    if date is None:
        return None
    return date.year + (1 if rel == "next" else -1 if rel == "last" else 0)


def _v_quarter(m, date):
    q = int(m["qn"]) if m["qn"] else _ordinal(m["qord"])
    year = _rel_year(m, date)
    return None if year is None else f"{year}-Q{q}"


def _v_half(m, date):
    h = int(m["hn"]) if m["hn"] else _ordinal(m["hord"])
    year = _rel_year(m, date)
    if year is None:
        return None
    return f"{year}-01/{year}-06" if h == 1 else f"{year}-07/{year}-12"


def _v_fiscal(m, date):
    y = m["fy"]
    if len(y) == 2:
        y = "20" + y
    return y


def _v_relative(m, date):
    if date is None:
        return None
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"]
    offset = {"next": 1, "coming": 1, "following": 1, "this": 0, "current": 0}.get(rel, 0)
    edge = (m["edge2"] or "").lower()
    u = UNITS.get(unit.lower())
    if u == "year" and edge and _edge_month(edge):
        a, b = _edge_month(edge)
        y = date.year + offset
        return f"{_ym(y, a)}/{_ym(y, b)}" if "end" not in edge else str(y)
    return _period(unit, date, offset)


def _v_season(m, date):
    if m["syear"]:  # "in spring 2025"
        return _season(m["unit"], int(m["syear"]))
    return _period(m["unit"], date, 0) if date else None


def _v_weekday(m, date):
    if date is None:
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    ahead = (wd - date.isoweekday()) % 7
    if m["rel"] and m["rel"].lower() == "next" and ahead == 0:
        ahead = 7
    return (date + dt.timedelta(days=ahead)).isoformat()


def _v_day_word(m, date):
    if date is None:
        return None
    w = " ".join(m.group().lower().split())
    if "day after tomorrow" in w:
        return (date + dt.timedelta(days=2)).isoformat()
    if "tomorrow" in w:
        return (date + dt.timedelta(days=1)).isoformat()
    return date.isoformat()


def _v_window(m, date):
    """within / over the next / in the coming N units: the stretch from now to N units on."""
    if date is None:
        return None
    g = m.groupdict()
    n = _num(g.get("n2") or g.get("n")) if (g.get("n2") or g.get("n")) else 1
    return _span(m["unit"], date, n)


def _v_after(m, date):
    """in N units / N units from now / in N units' time: the point N units on."""
    if date is None:
        return None
    return _point(m["unit"], date, _num(m["n"]))


def _v_end_of(m, date):
    """by the end of the year / by year-end / by the end of the decade."""
    if date is None:
        return None
    unit = m["unit"].lower()
    u = UNITS.get(unit, unit)
    offset = 1 if (m["rel"] or "").lower() == "next" else 0
    if u == "decade":
        return str(date.year // 10 * 10 + 9 + 10 * offset)
    if u == "year":
        return str(date.year + offset)
    if u == "month":
        return _ym(*_add_months(date.year, date.month, offset))
    return _period(unit, date, offset)


def _v_today(m, date):
    return date.isoformat() if date else None


def _v_vague(m, date):
    return VAGUE[" ".join(m.group().lower().split())]


def _v_decade(m, date):
    d0 = int(m["dec"])
    edge = (m["edge"] or "").lower()
    a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(edge, (0, 9))
    return f"{d0 + a}/{d0 + b}"


def _v_century(m, date):
    if date is None:
        return None
    c0 = date.year // 100 * 100
    if m["cmid"]:
        return str(c0 + 50)
    return str(c0 + 99)


def _v_weekend(m, date):
    return _period("weekend", date, 1 if (m["wrel"] or "").lower() == "next" else 0) if date else None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m_ = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m_ + 114) // 31
    day = (h + l_ - 7 * m_ + 114) % 31 + 1
    return dt.date(year, month, day)


def _holiday_on(name: str, year: int) -> dt.date | None:
    n = " ".join(name.lower().split())
    if n in ("christmas", "christmas day"):
        return dt.date(year, 12, 25)
    if n == "christmas eve":
        return dt.date(year, 12, 24)
    if n == "boxing day":
        return dt.date(year, 12, 26)
    if n in ("new year", "new year's day", "new year’s day"):
        return dt.date(year + 1, 1, 1)
    if n in ("new year's eve", "new year’s eve"):
        return dt.date(year, 12, 31)
    if n == "easter":
        return _easter(year)
    if n == "thanksgiving":
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None


def _v_holiday(m, date):
    """The next such holiday on or after the article date ("before Christmas", "by Easter")."""
    if date is None:
        return None
    day = _holiday_on(m["hol"], date.year)
    if day is not None and day < date:
        day = _holiday_on(m["hol"], date.year + 1)
    return day.isoformat() if day else None


def _v_cycle(m, date):
    """next/this season, financial year, school year: a span that starts in a given month of the year."""
    if date is None:
        return None
    kind = " ".join(m["cyc"].lower().split())
    offset = 1 if m["crel"].lower() in ("next", "coming", "the coming", "following") else 0
    if kind in ("financial year", "fiscal year", "tax year"):
        return str(date.year + offset)
    if kind == "term":
        return "near-term" if offset else "near-term"
    start = 9 if kind in ("school year", "academic year") else 7  # a (football) season starts in the summer
    cur = date.year if date.month >= start else date.year - 1
    y = cur + offset
    return f"{y}/{y + 1}"


def _v_ahead(m, date):
    """the year ahead / the decade ahead: from the article date one unit on."""
    return _span(m["unit"], date, 1) if date else None


def _v_season_span(m, date):
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    return f"{y1}/{y2}" if y2 == y1 + 1 else None


def _v_half_code(m, date):
    y = int(m["hy"])
    y = y if y > 100 else 2000 + y
    return f"{y}-01/{y}-06" if m["hh"] == "1" else f"{y}-07/{y}-12"


def _v_month_event(m, date):
    """"at its July meeting", "planned for July": the next such month."""
    if date is None:
        return None
    month = _month_num(m["month"])
    return _ym(_next_month_occurrence(month, date), month)


RULES: tuple[Rule, ...] = (
    Rule("hz.vague", _rx(r"\L<vague>"), "a vague horizon with a label (lexicons/time_vague.txt)", _v_vague,
         (("soon", None, "soon"), ("in the long term", None, "long-term"), ("eventually", None, "eventually"),
          ("in the coming weeks", None, "near-term"))),
    Rule("hz.iso_date", _rx(r"(?P<y>(?:19|20|21)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
         "an ISO date written out", _v_iso, (("2025-03-14", None, "2025-03-14"),)),
    Rule("hz.day_month_year",
         _rx(rf"(?:on\s+)?(?:(?-i:\L<weekdays>),?\s+)?(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR})"),
         "a full calendar date", _v_day_month_year,
         (("on 15 July 2024", None, "2024-07-15"), ("March 3, 2025", None, "2025-03-03"),
          ("Tuesday, 4 June 2024", None, "2024-06-04"))),
    Rule("hz.year_range",
         _rx(r"(?:between\s+|from\s+)?(?P<y1>(?:19|20|21)\d\d)\s*(?:-|–|to|and|through)\s*(?P<y2>(?:19|20|21)\d\d)"),
         "a span of years", _v_year_range, (("from 2025 to 2030", None, "2025/2030"), ("2026-2028", None, "2026/2028"))),
    Rule("hz.month_year", _rx(rf"{_PREP}?{_EDGE}?{_MONTH}\s+{_YEAR}"), "a month of a given year", _v_month_year,
         (("in March 2025", None, "2025-03"), ("by the end of June 2026", None, "2026-06"),
          ("February 2012", None, "2012-02"))),
    Rule("hz.day_month",
         _rx(rf"(?:(?:on|by|before|until|from|after)\s+)?(?:(?-i:\L<weekdays>),?\s+)?(?:{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+{_DAY}(?![\d,]*\s*\d{{4}}))"),
         "a day of a month, year from the article date (the next such day)", _v_day_month,
         (("on 15 December", dt.date(2024, 11, 2), "2024-12-15"), ("by March 5th", dt.date(2024, 11, 2), "2025-03-05"),
          ("on 15 December", None, None))),
    Rule("hz.fiscal", _rx(r"(?:(?:in|by|for|during|through|until)\s+)?(?:fiscal(?:\s+year)?\s+(?P<fy>(?:19|20|21)\d\d)|FY\s?(?P<fy>(?:19|20|21)?\d\d))"),
         "a fiscal year", _v_fiscal, (("fiscal 2026", None, "2026"), ("FY27", None, "2027"), ("in fiscal year 2025", None, "2025"))),
    Rule("hz.quarter",
         _rx(r"""(?:(?:in|by|during|for|before|after|until)\s+)?
                 (?:(?:the\s+)?(?P<qord>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter
                    |Q(?P<qn>[1-4]))
                 (?:(?:\s+of)?\s+(?:(?P<qyear>(?:19|20|21)\d\d)|(?P<qrel>this|next|last)\s+year
                     |(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<qfy>(?:19|20|21)?\d\d)))?"""),
         "a calendar quarter (of the article's year unless one is given)", _v_quarter,
         (("the third quarter of 2026", None, "2026-Q3"), ("Q3", dt.date(2026, 2, 1), "2026-Q3"),
          ("the first quarter of next year", dt.date(2024, 5, 1), "2025-Q1"), ("Q4", None, None))),
    Rule("hz.half",
         _rx(r"""(?:(?:in|by|during|for|over)\s+)?
                 (?:(?:the\s+)?(?P<hord>first|second|1st|2nd)\s+half|H(?P<hn>[12]))
                 (?:(?:\s+of)?\s+(?:(?P<qyear>(?:19|20|21)\d\d)|(?P<qrel>this|next|last)\s+year))?"""),
         "a half year (of the article's year unless one is given)", _v_half,
         (("the second half", dt.date(2024, 3, 1), "2024-07/2024-12"), ("H1 2025", None, "2025-01/2025-06"),
          ("the first half of next year", dt.date(2024, 3, 1), "2025-01/2025-06"),
          ("in the first half of 2025", None, "2025-01/2025-06"))),
    Rule("hz.year",
         _rx(rf"(?:{_PREP}|(?:the\s+)?(?P<half>first\s+half|second\s+half)\s+of\s+|{_EDGE}|(?:the\s+)?(?:end|start)\s+of\s+)+{_YEAR}(?!\s*(?:-|–)\s*\d)"),
         "a year after a preposition ('in 2030', 'by 2030', 'late 2025')", _v_year,
         (("by 2030", None, "2030"), ("in early 2027", None, "2027"), ("until 2028", None, "2028"))),
    Rule("hz.end_of",
         _rx(r"""(?:(?:by|before|at|until|towards?)\s+)?(?:the\s+end\s+of\s+(?:the\s+|this\s+|(?P<rel>next)\s+)?(?P<unit>year|month|decade|week|quarter)
                 |(?P<unit>year)[\s-]end)"""),
         "the end of the current (or next) period", _v_end_of,
         (("by the end of the year", dt.date(2024, 5, 1), "2024"), ("by the end of next year", dt.date(2024, 5, 1), "2025"),
          ("by year-end", dt.date(2024, 5, 1), "2024"), ("by the end of the decade", dt.date(2024, 5, 1), "2029"))),
    Rule("hz.month",
         _rx(rf"(?:(?:(?:in|by|before|until|till|from|after|during|since)\s+)(?:(?P<rel>this|next|last)\s+)?{_EDGE}?|(?P<rel>this|next|last)\s+|{_EDGE}|later\s+in\s+){_MONTH}(?!\s+\d)"),
         "a month name, year from the article date (the next such month)", _v_month,
         (("in April", dt.date(2024, 1, 10), "2024-04"), ("by March", dt.date(2024, 11, 10), "2025-03"),
          ("next November", dt.date(2011, 12, 1), "2012-11"), ("in early February", dt.date(2005, 1, 5), "2005-02"),
          ("in April", None, None))),
    Rule("hz.window",
         _rx(r"""(?:within|over|in|during|for|inside|throughout)\s+(?:the\s+)?(?:next|coming|following)\s+
                 (?:(?P<n>\d{1,3}|\L<numbers>)(?:\s*(?:to|-|–|or)\s*(?P<n2>\d{1,3}|\L<numbers>))?\s+)?(?P<unit>\L<units>)
                 |within\s+(?:a\s+|the\s+)?(?:(?P<n>\d{1,3}|\L<numbers>)(?:\s*(?:to|-|–|or)\s*(?P<n2>\d{1,3}|\L<numbers>))?\s+)?(?P<unit>\L<units>)"""),
         "a stretch from the article date ('within six months', 'over the next five to 10 years')", _v_window,
         (("within six months", dt.date(2024, 6, 15), "2024-06/2024-12"),
          ("over the next five to 10 years", dt.date(2025, 3, 1), "2025/2035"),
          ("in the next few weeks", dt.date(2024, 6, 15), "2024-06-15/2024-07-06"),
          ("within two weeks", dt.date(2024, 6, 15), "2024-06-15/2024-06-29"),
          ("over the next decade", dt.date(2024, 6, 15), "2024/2034"), ("within six months", None, None))),
    Rule("hz.after",
         _rx(r"""(?:in\s+(?P<n>\d{1,3}|\L<numbers>)\s+(?P<unit>\L<units>)(?:['’]s?\s+time)?(?=\s+time|\b)
                 |(?P<n>\d{1,3}|\L<numbers>)\s+(?P<unit>\L<units>)\s+from\s+now)"""),
         "a point some time after the article date ('in two years', 'five years from now')", _v_after,
         (("in two years", dt.date(2024, 6, 15), "2026"), ("in six months' time", dt.date(2024, 6, 15), "2024-12"),
          ("three weeks from now", dt.date(2024, 6, 15), "2024-07-06"))),
    Rule("hz.duration",
         _rx(r"""(?:(?<=(?:take|takes|taking|last|lasts|lasting|run|runs)\s)|(?:for|over)\s+)
                 (?P<n>\d{1,3}|\L<numbers>)\s+(?:more\s+|further\s+)?(?P<unit>\L<units>)"""),
         "how long from the article date ('for five days', 'will take a decade')", _v_window,
         (("for five days", dt.date(2005, 1, 26), "2005-01-26/2005-01-31"), ("a decade", dt.date(2005, 2, 1), None),
          ("for two more years", dt.date(2024, 6, 15), "2024/2026"))),
    Rule("hz.time_of_day",
         _rx(r"""in\s+the\s+(?:middle\s+of\s+the\s+)?(?:night|morning|afternoon|evening)|during\s+(?:the\s+)?rush[\s-]hours?
                 |overnight|at\s+(?:noon|midnight|dawn|dusk)"""),
         "a time of day, taken as the article's own day", _v_today,
         (("in the middle of the night", dt.date(2005, 7, 27), "2005-07-27"), ("during rush-hours", None, None))),
    Rule("hz.relative",
         _rx(r"""(?:(?:by|before|until|from|in|during|for|over|at|of|after|since)\s+)?(?:(?P<edge2>early|late|later|mid)[\s-]+)?
                 (?P<rel>next|this|the\s+coming|the\s+following|the\s+current|coming)\s+(?P<unit>\L<units>)(?:['’]s)?"""),
         "this/next + a calendar unit ('next month', 'this winter', 'next week's')", _v_relative,
         (("next month", dt.date(2024, 6, 15), "2024-07"), ("this year", dt.date(2024, 6, 15), "2024"),
          ("next week", dt.date(2024, 6, 12), "2024-06-17/2024-06-23"), ("next spring", dt.date(2024, 6, 12), "2025-03/2025-05"),
          ("this winter", dt.date(2005, 1, 10), "2004-12/2005-02"), ("early next year", dt.date(2024, 6, 12), "2025-01/2025-04"),
          ("later this year", dt.date(2024, 6, 12), "2024"), ("next quarter", dt.date(2024, 11, 1), "2025-Q1"),
          ("next decade", dt.date(2024, 11, 1), "2030/2039"), ("next month", None, None))),
    Rule("hz.season",
         _rx(r"(?:(?:in|by|until|till|before|during|over|through|after|from)\s+)(?:the\s+)?(?:(?P<edge2>early|late|mid)[\s-]+)?(?P<unit>spring|summer|autumn|fall|winter)(?:\s+(?P<syear>(?:19|20|21)\d\d)(?![\d]))?"),
         "a season: the one the article date is in, or the next one", _v_season,
         (("until the autumn", dt.date(2024, 6, 15), "2024-09/2024-11"), ("by winter", dt.date(2024, 1, 15), "2023-12/2024-02"),
          ("in the spring", None, None))),
    Rule("hz.weekday",
         _rx(rf"(?:(?:on|by|until|from|before|after)\s+)?(?:(?P<rel>next|this|coming)\s+)?{_WD}{_DAYPART}"),
         "a weekday: the next one on or after the article date", _v_weekday,
         (("on Monday", dt.date(2024, 6, 12), "2024-06-17"), ("Wednesday night", dt.date(2024, 6, 12), "2024-06-12"),
          ("next Wednesday", dt.date(2024, 6, 12), "2024-06-19"), ("on Monday", None, None))),
    Rule("hz.day_word",
         _rx(r"(?:the\s+day\s+after\s+)?tomorrow(?:\s+(?:morning|afternoon|evening|night))?|tonight|later\s+today"),
         "tomorrow, tonight, later today", _v_day_word,
         (("tomorrow", dt.date(2024, 2, 28), "2024-02-29"), ("tonight", dt.date(2024, 2, 28), "2024-02-28"))),
    Rule("hz.decade",
         _rx(r"(?:(?:by|in|during|through|until|before|into|for)\s+)?(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?(?P<dec>(?:19|20|21)\d0)['’]?s"),
         "a decade named by its years ('by the 2030s', 'in the late 2020s')", _v_decade,
         (("by the 2030s", None, "2030/2039"), ("in the late 2020s", None, "2027/2029"))),
    Rule("hz.century",
         _rx(r"""(?:(?:by|before|until|towards?|at)\s+)?(?:(?P<cmid>mid[\s-]century|the\s+middle\s+of\s+(?:the|this)\s+century)
                 |the\s+(?:end|turn)\s+of\s+(?:the|this)\s+century)"""),
         "mid-century / the end of the century (of the article's century)", _v_century,
         (("by mid-century", dt.date(2024, 6, 15), "2050"), ("by the end of the century", dt.date(2024, 6, 15), "2099"))),
    Rule("hz.weekend",
         _rx(r"(?:over|by|at|during|until|before|on|for|from)\s+(?:the\s+|(?P<wrel>next|this|the\s+coming)\s+)weekend"),
         "over / by / at the weekend: this (or next) weekend", _v_weekend,
         (("over the weekend", dt.date(2024, 6, 15), "2024-06-15/2024-06-16"),
          ("by the weekend", dt.date(2024, 6, 12), "2024-06-15/2024-06-16"))),
    Rule("hz.holiday",
         _rx(r"""(?:(?:by|before|until|till|after|over|at|for|around|during|ahead\s+of|in\s+time\s+for)\s+(?:this\s+|next\s+)?
                    |(?:this|next)\s+)
                 (?-i:(?P<hol>Christmas(?:\s+(?:Eve|Day))?|Boxing\s+Day|Easter|New\s+Year['’]s\s+(?:Eve|Day)|New\s+Year|Thanksgiving))
                 (?!(?:['’]s)?\s+(?:resolution|message|speech|honours|party|parties|tree|card|cards|number\s+one|shopping|sales))"""),
         "a holiday: the next one on or after the article date ('before Christmas', 'by Easter')", _v_holiday,
         (("before Christmas", dt.date(2024, 6, 15), "2024-12-25"), ("by Easter", dt.date(2024, 6, 15), "2025-04-20"),
          ("over Christmas", dt.date(2024, 12, 28), "2025-12-25"))),
    Rule("hz.cycle",
         _rx(r"""(?:(?:by|before|until|in|for|during|from|of|at|ahead\s+of)\s+)?(?:the\s+)?(?P<crel>next|this|the\s+coming|coming|following)\s+
                 (?P<cyc>season|financial\s+year|fiscal\s+year|tax\s+year|school\s+year|academic\s+year|term)(?:['’]s)?"""),
         "next season / next financial year / next school year / next term", _v_cycle,
         (("next season", dt.date(2024, 6, 15), "2024/2025"), ("next financial year", dt.date(2024, 6, 15), "2025"),
          ("next school year", dt.date(2024, 6, 15), "2024/2025"), ("next term", dt.date(2024, 6, 15), "near-term"))),
    Rule("hz.ahead",
         _rx(r"(?:(?:in|over|during|for|through|throughout)\s+)?the\s+(?P<unit>year|decade)\s+(?:ahead|to\s+come)"),
         "the year / decade ahead: one unit from the article date", _v_ahead,
         (("in the year ahead", dt.date(2024, 6, 15), "2024/2025"),)),
    Rule("hz.season_span",
         _rx(r"(?:(?:in|for|during|by|of|from)\s+)?(?:the\s+)?(?P<y1>(?:19|20|21)\d\d)[-–/](?P<y2>\d\d|(?:19|20|21)\d\d)\s+"
             r"(?:season|campaign|financial\s+year|fiscal\s+year|tax\s+year|school\s+year|academic\s+year)"),
         "a season or financial year across two years ('the 2025-26 season')", _v_season_span,
         (("the 2025-26 season", None, "2025/2026"), ("in the 2024/25 financial year", None, "2024/2025"))),
    Rule("hz.half_code",
         _rx(r"(?:(?:in|by|during|for|over)\s+)?(?P<hh>[12])H\s?(?P<hy>(?:19|20|21)?\d\d)"),
         "a half year written 1H25 / 2H 2025", _v_half_code,
         (("1H25", None, "2025-01/2025-06"), ("in 2H 2025", None, "2025-07/2025-12"))),
    Rule("hz.month_event",
         _rx(rf"""(?:(?:at|in|during|after|before|by|ahead\s+of|until)\s+)(?:its|their|the|his|her|our|this|next)\s+{_MONTH}\s+
                  (?:\p{{Ll}}+\s+)?(?:meeting|session|summit|review|vote|conference|sitting|decision|announcement|budget|statement|
                  election|poll|hearing|launch|release|update|talks)
                 |(?<=(?:planned|scheduled|slated|due|pencilled|penciled|earmarked|expected|booked|fixed|timetabled|set)\s)for\s+
                  (?:(?:early|mid|late)[\s-]+)?{_MONTH}(?![.\s]*\d)"""),
         "a month that names an event ('at its July meeting') or a plan ('planned for July'): the next such month",
         _v_month_event,
         (("at its July meeting", dt.date(2024, 6, 15), "2024-07"),)),
)

_BY_ID = {r.id: r for r in RULES}
# expressions that always look back: never a claim's horizon
_PAST = regex.compile(r"(?<![\p{L}])(?:last|previous|past|yesterday|ago|earlier\s+this)(?![\p{L}])", regex.I)
# the words of the two patterns, for a substring test first (lowercasing is regex.I's folding but for ſ and İ)
_PAST_WORDS = ("last", "previous", "past", "yesterday", "ago", "earlier")
_FUTURE_WORDS = ("next", "coming", "following", "tomorrow", "within", "from", "upcoming", "later")


def _may_hold(phrase: str, words: tuple[str, ...]) -> bool:
    """Can ``phrase`` hold one of ``words`` in any case? (False only when none is a substring of its lowercase.)"""
    low = phrase.lower()
    return any(w in low for w in words) or "\u017f" in phrase or "\u0130" in phrase


_FUTURE_WORD = regex.compile(r"(?<![\p{L}])(?:next|coming|following|tomorrow|within|from\s+now|upcoming|later)(?![\p{L}])",
                             regex.I)


# Every expression holds a key word of its rule, and each rule runs only on windows around its keys: one scan
# for all keys, then twenty small pattern runs, several times faster than twenty scans of the whole article.
_MONTH_RULES = ("hz.day_month_year", "hz.month_year", "hz.day_month", "hz.month")
_YEAR_RULES = ("hz.iso_date", "hz.year_range", "hz.year")
_KEYMAP: dict[str, tuple[str, ...]] = {}


def _add_keys(words, *rules: str) -> None:
    for w in words:
        _KEYMAP[w.lower()] = tuple(dict.fromkeys(_KEYMAP.get(w.lower(), ()) + rules))


_add_keys(MONTHS, *_MONTH_RULES)
_add_keys(WEEKDAYS, "hz.weekday")
_add_keys(UNITS, "hz.after", "hz.duration")
_add_keys({ph.split()[-1] for ph in VAGUE}, "hz.vague")
_add_keys(["fiscal"], "hz.fiscal")
_add_keys(["quarter"], "hz.quarter")
_add_keys(["half"], "hz.half")
_add_keys(["end"], "hz.end_of")
_add_keys(["within"], "hz.window")
_add_keys(["next", "coming", "following"], "hz.window", "hz.relative")
_add_keys(["this", "current"], "hz.relative")
_add_keys(["night", "morning", "afternoon", "evening", "rush", "overnight", "noon", "midnight", "dawn", "dusk"], "hz.time_of_day")
_add_keys(["spring", "summer", "autumn", "fall", "winter"], "hz.season")
_add_keys(["tomorrow", "tonight", "today"], "hz.day_word")
_add_keys(["century"], "hz.century")
_add_keys(["weekend"], "hz.weekend")
_add_keys(["christmas", "easter", "year", "thanksgiving", "boxing"], "hz.holiday")
_add_keys(["season", "year", "term"], "hz.cycle")
_add_keys(["ahead", "come"], "hz.ahead")
_add_keys(["season", "campaign", "year"], "hz.season_span")
_add_keys(MONTHS, "hz.month_event")
_CAPITALISED = frozenset(MONTHS) | frozenset(WEEKDAYS)
_WORD = regex.compile(r"[\p{L}\d]+")  # tokens, looked up in a dict: several times faster than a regex of the keys
_YEAR_TOKEN = regex.compile(r"(?:19|20|21)\d\d")
_OTHER_DIGIT_TOKEN = regex.compile(r"(?:19|20|21)\d0s|[12]H(?:\d\d|\d{4})?", regex.I)  # "2030s", "1H25", "2H"
_CODE_TOKEN = regex.compile(r"(?:Q[1-4]|H[12]|FY)(?:\d\d|\d{4})?")
_CODE_RULES = {"Q": ("hz.quarter",), "H": ("hz.half",), "F": ("hz.fiscal",)}
# what the three token patterns need before they are tried: a year or a decade opens with 19/20/21, a code's
# second character is its number or the Y of FY (He, For, Friday are no codes)
_CENTURIES = frozenset(("19", "20", "21"))
_CODE_SECOND = frozenset("1234Y")
_BEFORE, _AFTER = 45, 60
# With the document's word list, the frequent keys of some rules say whether a match can hold them: "this" is a
# relative time only before a unit ("this week"), a unit a span only after a number ("two years", "a decade";
# "for five more days"), "term" a vague horizon only after "long"/"medium"/…, a month name a month_year only before
# a year. A merged window none of whose keys passes holds no match of the rule (every match holds one of its keys
# as a whole word, and that word lies in the window) and is not run. Case: words are compared
# lowercased, which is regex's case-insensitive match except for "ſ" and "İ"; text holding them is not filtered.
_NUMBER_WORDS = frozenset(regex.findall(r"[\p{L}\d]+", n)[-1] for n in NUMBERS)  # "a few": "few" comes before the unit
_VAGUE_ENDINGS: dict[str, list[tuple[str, ...]]] = {}
for _phrase in VAGUE:
    _VAGUE_ENDINGS.setdefault(_phrase.split()[-1], []).append(tuple(_phrase.split()))


def _is_number(ws: list[str], lows: list[str], k: int) -> bool:
    return k >= 0 and (lows[k] in _NUMBER_WORDS or ws[k].isdigit())


# the words that can open hz.month right before the month name, and hz.year right before the year
_MONTH_LEAD = frozenset("in by before until till from after during since this next last early mid late of end start".split())
_YEAR_LEAD = frozenset("""in by before until till through from after during for on at of around within since early mid late
    end start""".split())
_YEAR_KINDS = frozenset("new financial fiscal tax school academic".split())
_DAY_TOKEN = regex.compile(r"[0-3]?\d(?:st|nd|rd|th)?", regex.I)


def _is_year(ws: list[str], k: int) -> bool:  # the length and the century first: a fullmatch needs them
    return 0 <= k < len(ws) and len(ws[k]) == 4 and ws[k][:2] in _CENTURIES and bool(_YEAR_TOKEN.fullmatch(ws[k]))


def _is_day(ws: list[str], k: int) -> bool:  # at most four characters: 3, 31, 3rd, 31st
    return 0 <= k < len(ws) and len(ws[k]) <= 4 and bool(_DAY_TOKEN.fullmatch(ws[k]))


def _single_words(entries, spaced: bool = False) -> bool:
    one = r"[\p{L}\d]+(?: [\p{L}\d]+)*" if spaced else r"[\p{L}\d]+"
    return all(regex.fullmatch(one, e) for e in entries)


# the tests below read the lexicons word by word: a rule whose lexicon gains an entry of several words, a hyphen
# or an apostrophe ("school year", "year's end") is no longer filtered (numbers: the last word counts, "a few"). A rule whose pattern changes
# must have its test here checked against the new pattern (or removed).
_FILTERED = {
    "hz.relative": _single_words(UNITS),
    "hz.after": _single_words(UNITS),
    "hz.duration": _single_words(UNITS),
    "hz.vague": _single_words(VAGUE, spaced=True),
    "hz.month_year": _single_words(MONTHS),
    "hz.day_month_year": _single_words(MONTHS),
    "hz.day_month": _single_words(MONTHS),
    "hz.month": _single_words(MONTHS),
    "hz.year": True,
    # rules without a lexicon of their own: their key words and the words next to them are written in the pattern
    "hz.iso_date": True,
    "hz.season_span": True,
    "hz.month_event": _single_words(MONTHS),
    "hz.cycle": True,
    "hz.holiday": True,
    "hz.time_of_day": True,
    "hz.ahead": True,
    "hz.window": True,
}
# The rules every match of which holds one of the rule's key words as a whole word: a word that
# _rules_of_word gives the rule (for the lexicon rules, while their lexicons are single words). A window's
# matches then all start at or before its last key word, and find() stops searching a window after a match that
# ends past it: the rest of the window, some 60 characters after the key, is not scanned. Not among them: a
# year range ("2015to2016"), a fiscal year, quarter or half ("fy27", "q3", "h1"), a decade ("the 2030's"), whose
# matches need not hold a key word; and no rule in a text with "ſ" or "İ", which regex.I reads as "s" and "i"
# and lower() does not (a key written with them is no key word).
_KEY_IN_EVERY_MATCH = frozenset(
    {"hz.iso_date", "hz.year", "hz.end_of", "hz.window", "hz.time_of_day", "hz.relative", "hz.season",
     "hz.day_word", "hz.century", "hz.weekend", "hz.holiday", "hz.cycle", "hz.ahead", "hz.season_span",
     "hz.half_code"}
    | {rid for rid, ok in (("hz.vague", _single_words(VAGUE, spaced=True)), ("hz.after", _single_words(UNITS)),
                           ("hz.duration", _single_words(UNITS)), ("hz.weekday", _single_words(WEEKDAYS)))
       + tuple((rid, _single_words(MONTHS)) for rid in _MONTH_RULES + ("hz.month_event",)) if ok})
# Every match of these rules holds a key word with at most this many words before it in the match (the longest
# opening each pattern allows, shown), and a match starts with a word: the search of a window (of a rule in
# _KEY_IN_EVERY_MATCH) starts that many words before the window's first key, not 45 characters before it.
_NUMBER_WORDS_MAX = max(len(_WORD.findall(n)) for n in NUMBERS)  # "a few"
_LEAD_WORDS = {
    "hz.weekday": 2,  # on next Monday
    "hz.relative": 3,  # by early the coming week
    "hz.day_month": 4,  # on Tuesday, 15th of March
    "hz.day_month_year": 4,  # on Tuesday, 15th of March 2025
    "hz.month": 5,  # in next the beginning of March
    "hz.month_year": 4,  # in the beginning of March 2025
    "hz.window": 2,  # over the next (six months); within
    "hz.season": 3,  # until the early summer
    "hz.end_of": 2,  # by the end of; by year-end
    "hz.day_word": 3,  # the day after tomorrow
    "hz.time_of_day": 5,  # in the middle of the night
    "hz.vague": max(len(_WORD.findall(p)) for p in VAGUE) - 1,  # in the weeks to come
    "hz.after": 1 + _NUMBER_WORDS_MAX,  # in a few years; a few years from now
    "hz.duration": 2 + _NUMBER_WORDS_MAX,  # for a few more years
}
# the words right before a key that the rule's pattern writes out (lowercased)
_EVENT_LEAD = frozenset("its their the his her our this next for early mid late".split())  # at its July meeting; for July
_HOLIDAY_LEAD = frozenset("by before until till after over at for around during of this next".split())
_CYCLE_REL = frozenset("next this coming following".split())
_DURATION_LEAD = frozenset("take takes taking last lasts lasting run runs for over".split())
_NUMBER_LEN = max(len(n.split()) for n in NUMBERS)  # words in the longest number ("a few")
_WINDOW_LEAD = frozenset("within over in during for inside throughout the".split())
_TWO_OR_FOUR_DIGITS = regex.compile(r"\d\d|\d{4}")


def _is_short_number(ws: list[str], k: int) -> bool:
    return 0 <= k < len(ws) and len(ws[k]) in (2, 4) and bool(_TWO_OR_FOUR_DIGITS.fullmatch(ws[k]))


def _hk_iso_date(ws, lows, k, text, end):  # 2025-03-14: the year is a whole word and a hyphen follows it
    return text[end:end + 1] == "-"


def _hk_season_span(ws, lows, k, text, end):  # the 2025-26 season, the 2024/25 financial year: two numbers first
    low = lows[k]
    n = k - 2 if low == "year" else k - 1
    return (low != "year" or k >= 1 and lows[k - 1] in _YEAR_KINDS) and _is_short_number(ws, n) and _is_year(ws, n - 1)


def _hk_month_event(ws, lows, k, text, end):  # at its July meeting, planned for (early) July
    return k >= 1 and lows[k - 1] in _EVENT_LEAD


def _hk_cycle(ws, lows, k, text, end):  # next season, this term, the coming financial year
    if lows[k] == "year":
        return k >= 2 and lows[k - 1] in _YEAR_KINDS and lows[k - 2] in _CYCLE_REL
    return k >= 1 and lows[k - 1] in _CYCLE_REL


def _hk_holiday(ws, lows, k, text, end):  # before Christmas, by next Easter, over New Year
    if lows[k] == "year":
        return k >= 2 and lows[k - 1] == "new" and lows[k - 2] in _HOLIDAY_LEAD
    return k >= 1 and lows[k - 1] in _HOLIDAY_LEAD


def _hk_time_of_day(ws, lows, k, text, end):  # in the (middle of the) night, during (the) rush hour, at noon
    low = lows[k]
    if low in ("night", "morning", "afternoon", "evening"):
        return k >= 1 and lows[k - 1] == "the"
    if low == "rush":
        return k >= 1 and lows[k - 1] in ("during", "the")
    if low in ("noon", "midnight", "dawn", "dusk"):
        return k >= 1 and lows[k - 1] == "at"
    return True


def _hk_ahead(ws, lows, k, text, end):  # the year ahead, the decade to come
    if lows[k] == "come":
        return k >= 2 and lows[k - 1] == "to" and lows[k - 2] in ("year", "decade")
    return k >= 1 and lows[k - 1] in ("year", "decade")


def _hk_window(ws, lows, k, text, end):  # within / over the next / in the coming + a unit
    if lows[k] in ("next", "coming", "following"):
        return k >= 1 and lows[k - 1] in _WINDOW_LEAD
    return True


def _hk_relative(ws, lows, k, text, end):  # next/this/the coming + a unit
    return k + 1 < len(lows) and lows[k + 1] in UNITS


def _hk_after(ws, lows, k, text, end):  # in N units, N units from now (N may be words: "a few")
    return _is_number(ws, lows, k - 1) and (
        any(lows[i] == "in" for i in range(max(0, k - 1 - _NUMBER_LEN), k - 1))
        or lows[k + 1:k + 3] == ["from", "now"])


def _hk_duration(ws, lows, k, text, end):  # for / over / will take N [more|further] units
    n = k - 1 if _is_number(ws, lows, k - 1) else \
        k - 2 if k >= 2 and lows[k - 1] in ("more", "further") and _is_number(ws, lows, k - 2) else -1
    return n >= 0 and any(lows[i] in _DURATION_LEAD for i in range(max(0, n - _NUMBER_LEN), n))


def _hk_vague(ws, lows, k, text, end):
    return any(tuple(lows[k - len(p) + 1:k + 1]) == p for p in _VAGUE_ENDINGS[lows[k]] if k - len(p) + 1 >= 0)


def _hk_month_year(ws, lows, k, text, end):  # March 2025
    return _is_year(ws, k + 1)


def _hk_day_month_year(ws, lows, k, text, end):  # 15 [of] July 2024, March 3, 2025
    return _is_year(ws, k + 1) or _is_year(ws, k + 2)


def _hk_day_month(ws, lows, k, text, end):  # 15 [of] December, March 5th
    return _is_day(ws, k + 1) or _is_day(ws, k - 1) or k >= 1 and lows[k - 1] == "of" and _is_day(ws, k - 2)


def _hk_month(ws, lows, k, text, end):  # in / by / next / early / the end of + the month
    return k >= 1 and lows[k - 1] in _MONTH_LEAD


def _hk_year(ws, lows, k, text, end):  # in / by / late / the end of + the year
    return k >= 1 and lows[k - 1] in _YEAR_LEAD


_HOLDS = {rid: fn for rid, fn in (
    ("hz.iso_date", _hk_iso_date), ("hz.season_span", _hk_season_span), ("hz.month_event", _hk_month_event),
    ("hz.cycle", _hk_cycle), ("hz.holiday", _hk_holiday), ("hz.time_of_day", _hk_time_of_day),
    ("hz.ahead", _hk_ahead), ("hz.window", _hk_window), ("hz.relative", _hk_relative), ("hz.after", _hk_after),
    ("hz.duration", _hk_duration), ("hz.vague", _hk_vague), ("hz.month_year", _hk_month_year),
    ("hz.day_month_year", _hk_day_month_year), ("hz.day_month", _hk_day_month), ("hz.month", _hk_month),
    ("hz.year", _hk_year)) if _FILTERED.get(rid, False)}


def _holds_key(rid: str, ws: list[str], lows: list[str], k: int, text: str = "", end: int = 0) -> bool:
    """Can a match of rule ``rid`` hold its key word ``lows[k]`` (see above; ``end`` is where the word ends in
    ``text``)? True for the other rules (and for the rules whose lexicons stopped being single words)."""
    fn = _HOLDS.get(rid)
    return True if fn is None else fn(ws, lows, k, text, end)


def _rules_of_word(word: str) -> tuple[str, ...]:
    """The rules whose windows a word opens (``()`` for none): a key word (month and weekday names only when
    capitalised), a year, a decade or half-year code ("2030s", "1H25"), a Q/H/FY code."""
    low = word.lower()
    rules = _KEYMAP.get(low)
    if rules is not None:
        if low in _CAPITALISED and not word[0].isupper():
            rules = tuple(r for r in rules if r not in _MONTH_RULES and r != "hz.weekday")
        return rules
    if word[0].isdigit():
        # the length and the first characters first: most numbers are neither years nor codes
        if len(word) == 4 and word[:2] in _CENTURIES and _YEAR_TOKEN.fullmatch(word):
            return _YEAR_RULES
        if (len(word) == 5 and word[:2] in _CENTURIES or word[0] in "12" and word[1:2] in ("H", "h")) and \
                _OTHER_DIGIT_TOKEN.fullmatch(word):
            return ("hz.decade",) if word[-1] in "sS" else ("hz.half_code",)
        return ()
    if word[0] in "QHF" and word[1:2] in _CODE_SECOND and _CODE_TOKEN.fullmatch(word):
        return _CODE_RULES[word[0]]
    return ()


# word as written -> _rules_of_word(word), across documents: most words of an article have been seen before, so a
# word costs one dict look-up (in C) rather than the key look-up, the case test and the token patterns. Bounded:
# cleared when full.
_RULES_OF: dict[str, tuple[str, ...]] = {}
_RULES_OF_MAX = 100_000
_UNSEEN = ("(not in _RULES_OF)",)


def _keyed_words(text: str, start: int, end: int, words=None) -> list[tuple[int, int, str, str, int, tuple[str, ...]]]:
    """(start, end, word, lowercased, index or -1, rules) of the words in ``text[start:end]`` that open a rule's
    window (``_rules_of_word``); from the document's word list (``TextDoc.words``, whose index is given) when
    given, else by a scan of the slice."""
    rules_of = _RULES_OF
    idx = words.within(start, end) if words is not None else None
    if idx is None:
        return [(m.start(), m.end(), w, w.lower(), -1, rules) for m in _WORD.finditer(text, start, end)
                if (rules := _cached_rules(w := m.group()))]
    starts, ws, lows = words
    i = idx.start
    piece = ws[i:idx.stop]
    # the words with rules and the words not seen before (_UNSEEN is truthy) in one pass: no search for the unseen
    got = list(map(rules_of.get, piece, repeat(_UNSEEN, len(piece))))
    out = []
    for k in compress(idx, got):
        rules = got[k - i]
        if rules is _UNSEEN:  # one Python step each
            rules = _cached_rules(ws[k])
            if not rules:
                continue
        out.append((starts[k], starts[k] + len(ws[k]), ws[k], lows[k], k, rules))
    return out


def _cached_rules(word: str) -> tuple[str, ...]:
    got = _RULES_OF.get(word)
    if got is None:
        if len(_RULES_OF) >= _RULES_OF_MAX:
            _RULES_OF.clear()
        got = _RULES_OF[word] = _rules_of_word(word)
    return got


def _windows(text: str, start: int, end: int, words=None) -> dict[str, list[tuple[int, int, int, int]]]:
    """Rule id -> the merged windows around that rule's key words in ``text[start:end]``, as (start, end, where
    the window's last key word starts, the index of its first key word in ``words`` or -1)."""
    spans: dict[str, list[list[int]]] = {}
    filtered = words is not None and "\u017f" not in text and "\u0130" not in text
    ws, lows = (words.words, words.lows) if filtered else ((), ())
    for ms, me, word, low, k, rules in _keyed_words(text, start, end, words):
        a, b = max(start, ms - _BEFORE), min(end, me + _AFTER)
        for rid in rules:
            out = spans.get(rid)
            if out is None:
                out = spans[rid] = []
            if out and a <= out[-1][1]:
                last = out[-1]
                if b > last[1]:
                    last[1] = b
                if not last[2]:  # the window runs once any of its keys can be held
                    last[2] = k < 0 or not filtered or _holds_key(rid, ws, lows, k, text, me)
                last[3] = ms
            else:
                out.append([a, b, k < 0 or not filtered or _holds_key(rid, ws, lows, k, text, me), ms, k])
    res: dict[str, list[tuple[int, int, int]]] = {}
    for rid, out in spans.items():
        lst = []
        for a, b, held, last_key, first_k in out:  # widen to word boundaries: no pattern starts or ends inside a word
            if not held:
                continue
            while a > start and not text[a - 1].isspace():
                a -= 1
            while b < end and not text[b].isspace():
                b += 1
            lst.append((a, b, last_key, first_k))
        res[rid] = lst
    return res


# every ASCII character that is not a letter or a digit, to a space: an ASCII stretch's [\p{L}\d]+ words by split()
_ASCII_GAPS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def _no_candidates(text: str, start: int, end: int) -> bool:
    """Does an ASCII stretch hold no word that can key a rule (no key word, number or Q/H/F code)? Then find()
    has no window to run. False for other stretches (they take the usual scan)."""
    piece = text[start:end]
    if not piece.isascii():
        return False
    return not any(w.lower() in _KEYMAP or w[0].isdigit() or w[0] in "QHF" for w in piece.translate(_ASCII_GAPS).split())


def find(text: str, start: int = 0, end: int | None = None, words=None) -> list[Found]:
    """Time expressions in ``text[start:end]``, longest first where they overlap, in text order. ``words`` is the
    document's ``TextDoc.words`` (optional: it saves a word scan)."""
    end = len(text) if end is None else end
    if words is None and _no_candidates(text, start, end):
        return []
    cands: list[Found] = []
    seen: set[tuple[int, int, str]] = set()
    windows = _windows(text, start, end, words)
    stops = _KEY_IN_EVERY_MATCH if "\u017f" not in text and "\u0130" not in text else frozenset()
    for rule in RULES:
        stop = rule.id in stops
        lead = _LEAD_WORDS.get(rule.id) if stop else None
        for a, b, last_key, first_k in windows.get(rule.id, ()):
            if lead is not None and first_k >= 0:
                a = max(a, words.starts[max(0, first_k - lead)])  # no match starts before these words
            for m in rule.pattern.finditer(text, a, b, overlapped=False):
                if m.end() > m.start() and (m.start(), m.end(), rule.id) not in seen:
                    seen.add((m.start(), m.end(), rule.id))
                    cands.append(Found(m.start(), m.end(), rule.id, m))
                if stop and m.end() > last_key:
                    break  # a later match would start past every key word of the window
    cands.sort(key=lambda f: (-(f.end - f.start), f.start))
    starts: list[int] = []  # chosen spans, kept sorted and disjoint
    chosen: list[Found] = []
    for f in cands:
        i = bisect.bisect_left(starts, f.start)
        if i < len(starts) and starts[i] < f.end or i > 0 and chosen[i - 1].end > f.start:
            continue
        starts.insert(i, f.start)
        chosen.insert(i, f)
    return [f for f in chosen if not _looks_back(text, f)]


def _looks_back(text: str, f: Found) -> bool:
    """"last month", "two years ago", "the past decade" are never a claim's horizon."""
    if _may_hold(f.text, _PAST_WORDS) and _PAST.search(f.text):
        return True
    after = text[f.end:f.end + 5].lower()
    before = text[max(0, f.start - 9):f.start].lower()
    return after.startswith(" ago") or before.endswith(("earlier ", "earlier in ", "since "))


def value(found: Found, date: dt.date | None) -> str | None:
    """The normalised value of a found expression (see the module docstring)."""
    try:
        return _BY_ID[found.rule].value(found.match, date)
    except (KeyError, IndexError, ValueError, OverflowError, TypeError):
        return None


def normalise(phrase: str, date: dt.date | None) -> str | None:
    """Normalise one time expression; None when it is not one or needs a date that is not known."""
    phrase = phrase.strip()
    best = None
    for f in find(phrase):
        if best is None or f.end - f.start > best.end - best.start:
            best = f
    if best is None:
        return None
    return value(best, date)


def is_future_pointing(found: Found) -> bool:
    """Does the expression itself point ahead ("next month", "in the coming weeks", "soon")?"""
    return found.rule in ("hz.window", "hz.after", "hz.vague", "hz.day_word") or \
        _may_hold(found.text, _FUTURE_WORDS) and bool(_FUTURE_WORD.search(found.text))


_ISO_DAY = regex.compile(r"\d{4}-\d\d-\d\d")
_ISO_MONTH = regex.compile(r"\d{4}-\d\d")
_ISO_QUARTER = regex.compile(r"\d{4}-Q[1-4]")
_ISO_YEAR = regex.compile(r"\d{4}")


def is_past(val: str | None, date: dt.date | None) -> bool:
    """Does a normalised value lie wholly before the article date? (False when either is unknown.)"""
    if not val or date is None or val in VAGUE.values():
        return False
    last = val.split("/")[-1]
    try:
        if _ISO_DAY.fullmatch(last):
            return dt.date.fromisoformat(last) < date
        if _ISO_MONTH.fullmatch(last):
            return (int(last[:4]), int(last[5:7])) < (date.year, date.month)
        if _ISO_QUARTER.fullmatch(last):
            return (int(last[:4]), int(last[-1])) < (date.year, _quarter_of(date))
        if _ISO_YEAR.fullmatch(last):
            return int(last) < date.year
    except ValueError:
        return False
    return False


# a deadline or a span never dates a report: "by April", "until March"
_NOT_REPORT_TIME = regex.compile(r"(?:by|before|until|till|from|after|since|through|for|next|this|last|coming)\b", regex.I)


def report_date(found: Found, date: dt.date | None) -> dt.date | None:
    """The past day a time expression names when it dates a report rather than the claim ("In January, the coach
    said …", "said on Tuesday that …"): the latest such month or day on or before the article date. None for
    expressions that cannot date a past report ("by April", "next month") or without an article date."""
    if date is None or found.rule not in ("hz.month", "hz.day_month", "hz.weekday", "hz.month_year", "hz.day_month_year"):
        return None
    m = found.match
    if _NOT_REPORT_TIME.match(found.text) or m.groupdict().get("rel") or m.groupdict().get("edge"):
        return None
    try:
        if found.rule == "hz.weekday":
            return date - dt.timedelta(days=(date.isoweekday() - WEEKDAYS[m["wd"].lower()]) % 7)
        if found.rule in ("hz.month_year", "hz.day_month_year"):
            d = _safe_date(int(m["year"]), _month_num(m["month"]), int(m["day"]) if found.rule == "hz.day_month_year" else 1)
            return d if d is not None and d <= date else None
        month = _month_num(m["month"])
        day = int(m["day"]) if found.rule == "hz.day_month" else 1
        d = _safe_date(date.year, month, day)
        if d is None or d > date:
            d = _safe_date(date.year - 1, month, day)
        return d
    except (KeyError, IndexError, ValueError, TypeError):
        return None


# --- the article's own date ---------------------------------------------------------------------------

_FULL_DATE = (rf"(?:(?:(?-i:\L<weekdays>),?\s+)?(?:{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR})"
              r"|(?P<y>(?:19|20|21)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d))")
_STAMPED = regex.compile(
    rf"(?:published|posted|updated|last\s+updated|first\s+published|dated?|filed)\s*(?:on|at)?\s*:?\s*(?:\d{{1,2}}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:\p{{Lu}}{{2,4}}\s*)?,?\s*)?{_FULL_DATE}",
    regex.I, ignore_unused=True, **_NAMED)
_ANY_DATE = regex.compile(rf"(?<![\p{{L}}\d]){_FULL_DATE}(?![\d])", regex.I, ignore_unused=True, **_NAMED)
# every full date holds a year: text without one has no date, and a line without one is not searched
_YEARISH = regex.compile(r"(?:19|20|21)\d\d")
# a _STAMPED match starts with one of these, in any case ("dated" starts with "date")
_STAMP_KEYS = ("published", "posted", "updated", "last", "first", "date", "filed")
_DATE_TAIL = regex.compile(r"[-—–(]")
_STAMP_SECOND = {"last": "updated", "first": "published"}
# after a key word a match goes on with a space, "on"/"at", a colon, a digit, a capitalised weekday or month, or
# the "d" of "dated": never with another lowercase ASCII letter ("candidates", "lasting", "posters"), so a key
# followed by one in the text is not tried
_NO_STAMP_NEXT = frozenset("bcefghijklmnpqrstuvwxyz")


def _stamped(text: str) -> regex.Match | None:
    """``_STAMPED.search(text)``, tried only where a key word starts: found by str.find in the lowercased text,
    when lowercasing keeps offsets and no character matches a key letter only under regex's case folding
    (long s "ſ"; dotted "İ" lowercases to two characters), else by the search itself. Four times faster."""
    low = text.lower()
    if len(low) != len(text) or "\u017f" in text:
        return _STAMPED.search(text)
    starts = set()
    for key in _STAMP_KEYS:
        if key in _STAMP_SECOND and _STAMP_SECOND[key] not in low:
            continue  # "last" opens a match only as "last updated", "first" only as "first published"
        n = len(key)
        i = low.find(key)
        while i >= 0:
            if text[i + n:i + n + 1] not in _NO_STAMP_NEXT:
                starts.add(i)
            i = low.find(key, i + 1)
    for i in sorted(starts):  # the first position where a match starts: what search() returns
        m = _STAMPED.match(text, i)
        if m:
            return m
    return None


def _date_of(m: regex.Match) -> dt.date | None:
    if m["y"]:
        return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _safe_date(int(m["year"]), _month_num(m["month"]), int(m["day"]))


def find_date(text: str) -> dt.date | None:
    """The article's date when the text gives it: a "Published …" stamp anywhere, else a full date standing in
    a short line (a dateline or byline) or opening a paragraph (``LONDON, March 3, 2024 -``) near the top."""
    if not _YEARISH.search(text):
        return None
    m = _stamped(text)
    if m:
        d = _date_of(m)
        if d:
            return d
    head = text[:1500]
    pos = 0
    for n, line in enumerate(head.split("\n")):
        stripped = line.strip()
        if stripped and n < 40 and ("19" in stripped or "20" in stripped or "21" in stripped) and \
                _YEARISH.search(stripped):
            m = _ANY_DATE.search(stripped)
            if m and (len(stripped) <= 80 or m.start() <= 40 and _DATE_TAIL.search(stripped[m.end():m.end() + 15])):
                d = _date_of(m)
                if d:
                    return d
        pos += len(line) + 1
    return None
