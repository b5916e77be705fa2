"""Line-level cleaning: normalise, rejoin broken lines, and classify web boilerplate.

Cleaning never rewrites the wording of what stays: it only drops whole lines (share buttons,
stamps, captions, link lists, fact-box headers), strips dateline prefixes ("PARIS: "), and
normalises whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.ingest.metadata import parse_date
from reader.core.text.normalize import fold_for_hash, normalize_lines, normalize_whitespace

# Line kinds.
BLANK = "blank"
TEXT = "text"
BULLET = "bullet"
TITLE = "title"  # short, no final punctuation: a headline, crosshead or link title
STAMP = "stamp"  # "Updated 23 October 2025", "Published 2h ago", a bare date
SHARE = "share"  # share/follow buttons, "Short Url", newsletter prompts
BYLINE = "byline"
JUNK = "junk"  # credits, copyright, ads, "Read also: <title>" on one line
CAPTION = "caption"
RELATED = "related"  # "Read also:" / "Related" header: link titles follow
FACTBOX = "factbox"  # "FASTFACTS" / "Key points" header: summary bullets follow
SUBHEAD = "subhead"

# Kinds that belong to a headline block (right under a headline on web pages).
HEADER_KINDS = frozenset({STAMP, SHARE, BYLINE})
DROPPED_KINDS = frozenset({BLANK, STAMP, SHARE, BYLINE, JUNK, CAPTION, RELATED, FACTBOX,
                           SUBHEAD})

_BULLET = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2219\u25a0*+\-\u2013\u2014]"
                     r"|\d{1,2}[.)])\s+")
_SHARE_WORDS = frozenset("""
short url|short link|shorturl|follow|following|share|shares|share this|share this article|
share this story|share article|share on facebook|share on twitter|share on x|tweet|email|e-mail|
print|copy link|copy url|link copied|comments|comment|save|save article|bookmark|subscribe|
sign up|sign in|log in|login|register|follow us|whatsapp|facebook|twitter|x|linkedin|telegram|
reddit|pinterest|instagram|youtube|listen|listen to this article|read more|show more|
show less|advertisement|sponsored|sponsored content|ad|skip advertisement|
story continues below|story continues below advertisement|continue reading|back to top|close|
menu|home|more|next|previous|prev|top|gift this article|give this article|font size|text size|
audio|video|watch|play|loading|loading...|loading…|open in app|view comments|add comment|
""".replace("\n", "").split("|")) - {""}
_SHARE_PREFIX = re.compile(
    r"^(follow|share|subscribe|sign up|download|get the|join us|like us|listen to|watch:?)\b",
    re.I)
_STAMP = re.compile(
    r"^(last\s+)?(updated|published|posted|modified|first published|originally published|"
    r"created|updated on|published on)\b", re.I)
_RELATIVE_TIME = re.compile(
    r"^(about\s+)?\d+\s*(sec|secs|second|seconds|min|mins|minute|minutes|h|hr|hrs|hour|hours|"
    r"day|days|week|weeks|month|months)\.?\s+ago$|^\d+\s*min(ute)?s?\s+read$|^just now$", re.I)
_WEEKDAYS = r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?"
_DATE_NOISE = re.compile(
    rf"\b({_WEEKDAYS}|\d{{4}}-\d\d-\d\dt[\d:.+-]*z?|"
    r"\d{1,2}[:.]\s?\d{2}(\s*[ap]\.?m?\.?)?|\d{1,2}[ap]m|[ap]\.?m\.?|gmt|utc|"
    r"[a-z]{2,4}t|[ecmp]t|at|on|\d{1,4}(st|nd|rd|th)?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|"
    r"jul\w*|aug\w*|"
    r"sep\w*|oct\w*|nov\w*|dec\w*|min|mins|minutes?|read|ago|hours?|edt|est|bst|cet|"
    r"h|hrs?|secs?|seconds?|days?|weeks?|months?|ist|cest|pdt|pst|"
    r"last|updated|published|posted|modified)\b"
    r"|[,.:/|\-+()@\u00b7\u2022]", re.I)
# What makes a line of date noise a date or a time: a parsed date, a numeric date, a clock time
# ("8:24am", "1: 19PM"), or a month with a day ("APR 28").
_DATE_OR_TIME = re.compile(
    r"\d{1,2}\s?[/.]\s?\d{1,2}\s?[/.]\s?\d{2,4}|\d{1,2}[:.]\s?\d{2}\s*([ap]\.?m?\.?|gmt|utc)?"
    r"(?![\d.])|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}\b", re.I)
# A headline that opens with a stamp ("27/09/2013-Turkmenistan to hold ..."): the stamp and
# its dash are not part of the headline.
_STAMP_PREFIX = re.compile(
    r"^(\d{1,2}\s?[/.]\s?\d{1,2}\s?[/.]\s?\d{2,4}|(\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+"
    r"(\d{1,2},?\s+)?\d{4})\s?[\u2014\u2013-]\s?(?=[A-Z\d\"\u201c'])")
_BYLINE = re.compile(
    r"^by\s+[A-Z][\w.'\u2019-]*(\s+[A-Z][\w.'\u2019-]*){0,4}"
    r"(\s*(,|and|&)\s*[A-Z][\w.'\u2019-]*(\s+[A-Z][\w.'\u2019-]*){0,4})*"
    r"(\s*[,|\u2022\u00b7-]\s*.{0,40})?$")
_JUNK = re.compile(
    r"^(\u00a9|\(c\)\s|copyright\b|all rights reserved|\(?(reporting|writing|editing|"
    r"additional reporting|compiled) by\b|(photo|image|picture|caption|credit|source|video)s?\s*:"
    r"|(read also|also read|read more|see also|related|more)\s*:\s*\S|getty images$|"
    r"this (article|story) (was|has been|is) (updated|corrected|published)|"
    r"(click|tap) here\b|(image|media|video) (source|caption)\s*,|sign up (for|to)\b.{0,80}"
    r"newsletter|(ap|afp|reuters|getty images|epa|xinhua|shutterstock)$)", re.I)
# Captions credited at their end: "... Photograph: Jane Doe/Reuters", "Composite: ...".
_CREDIT_TAIL = re.compile(r"\b(photograph|photo|composite|illustration|image)\s*:\s*"
                          r"[^.!?]{2,60}$", re.I)
_CREDIT = re.compile(
    r"\((?:[^()]{0,60}[/;,]\s*)?(?:file|afp|ap|ap photo|reuters|getty(?: images)?|epa|"
    r"anadolu|xinhua|bloomberg|shutterstock|photo|pool|spa|wam|handout|supplied|afp via getty"
    r"(?: images)?|dpa|ians|pti|ani|sputnik|tass|ria novosti|efe|ansa)"
    r"(?:\s*(?:/|photo|via|images)[^()]{0,60})?\)\s*$", re.I)
_CUT_OFF = re.compile(r"[\w,\u2019'-](\u2026|\.\.\.)$")
_RELATED = re.compile(
    r"^(read also|also read|read more|see also|related|related (articles?|stories|story|"
    r"coverage|content|news|topics|links|reading)|more from\b.{0,40}|more on (this|that)\b.{0,20}"
    r"|more stories|more news|recommended( for you| stories| reading)?|"
    r"you (may|might) (also )?(like|be interested in)|most read|most popular|most viewed|"
    r"trending( now| stories)?|latest( news| stories)?|popular( now| stories)?|"
    r"editor'?s picks|further reading|what to read next|top stories|in other news|"
    r"don'?t miss|must read)\s*:?$", re.I)
_FACTBOX = re.compile(
    r"^(fast ?facts|key facts|quick facts|fact ?box|fact ?file|at a glance|key points|"
    r"highlights|in brief|what we know|what you need to know|the facts|key takeaways|"
    r"takeaways|tl;? ?dr|summary|in numbers|by the numbers|the essentials|explainer)\s*:?$", re.I)
# "PARIS: ", "WASHINGTON (AP) — ", "KYIV, Ukraine (Reuters) - ", "LONDON, Sept 5 (Reuters) -",
# "(CNN) — "
_DATELINE = re.compile(
    r"^(?:([A-Z][A-Z\u00c0-\u00dd'\u2019.\-]{2,}(?:\s+[A-Z][A-Z\u00c0-\u00dd'\u2019.\-]+){0,3}"
    r"(?:,\s*[A-Z][\w.'\u2019 -]{1,30})?)\s*(?:\([A-Za-z][\w .-]{0,20}\)\s*)?"
    r"(?::|\s[\u2014\u2013-])|\((?:AP|AFP|CNN|Reuters|UPI|dpa|AA)\)\s*[\u2014\u2013-])"
    r"\s+(?=\S)")
# Full stops, commas and colons of Latin and of CJK scripts (Japanese and Chinese prose ends
# its sentences with "。", "！", "？" and writes no spaces: without them every line is a "title").
_TERMINAL = ".!?\u2026,;:\u3002\uff01\uff1f\uff0c\uff1b\uff1a\uff0e\u3001"
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_TITLE_MAX_WORDS = 20


@dataclass(slots=True)
class Line:
    """One line of input after normalisation, with its kind and any date it carried."""

    text: str
    kind: str
    bullet: bool = False
    date: str | None = None


def fold(text: str) -> str:
    """Comparison key for repeated lines and sentences."""
    return fold_for_hash(text)


def is_date_line(text: str) -> bool:
    """A line that is only a date/time ('Sept. 5, 2025 10:30 AM GMT', '9 September 2013 Last
    updated at 14:39 GMT', '3 / 27 / 2012 @ 10: 05AM', '8:24am:')."""
    if len(text) > 60 or not (parse_date(text) or _DATE_OR_TIME.search(text)):
        return False
    return not _DATE_NOISE.sub(" ", text).split()


# "Updated: May 24, 2005, 3:23 PM ET Maurice Cheeks is running ..." (a page's stamp run into its
# first paragraph): the stamp word, then only date and time words, then the text's first word.
_STAMP_LEAD = re.compile(
    r"^(?:last\s+)?(?:updated|posted|published|originally\s+published|first\s+published)"
    r"(?:\s*(?:[\d/.:,|@()\-]+|(?:at|on|am|pm|a\.m\.|p\.m\.|gmt|utc|ist|bst|cest|cet|edt|est|"
    r"pdt|pst|et|pt|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|"
    r"nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*)\b|\d+(?:am|pm)\b))+"
    r"\s+(?=(?-i:[A-Z\"\u201c\u2018']))", re.I)


def strip_stamp_lead(text: str) -> tuple[str, str | None]:
    """A paragraph without the stamps run into its start, and the first stamp's date (a
    paragraph of stamps alone is left as it is: the line classifier judges it)."""
    date = None
    rest = text
    while True:
        m = _STAMP_LEAD.match(rest)
        if not m or not any(c.isdigit() for c in m.group()):
            break
        date = date or parse_date(m.group())
        rest = rest[m.end():]
    if rest is text:
        rest, date = _bare_date_lead(text)
    # (What is left must read as text: "EDT" alone, or another stamp, is no paragraph.)
    if len(rest.split()) < 4 or _STAMP.match(rest.lower()):
        return text, None
    return rest, date


_WORD_RUN = re.compile(r"\S+")
# Words before a date that make it part of the sentence ("arrested on March 14, 2013").
_DATE_PREPOSITIONS = frozenset(
    "at on in since until till by from before after of to through during between and for with "
    "as into over under around near about past against than like per is was were are be been "
    "set due the".split())
_QUOTES = "\"'\u201c\u2018"


def _is_noise(word: str) -> bool:
    return not _DATE_NOISE.sub(" ", word).split()


def _bare_date_lead(text: str) -> tuple[str, str | None]:
    """A paragraph without a full date (and time) that opens it with no stamp word ("July 28,
    2004 Fred LaRue, a ...", "May 2, 2013 | 5: 03pm The ..."), and the date; the text as it is
    when it does not open that way."""
    if not text[:1].isalnum() or not _is_noise(text.split(None, 1)[0]):
        return text, None  # (most paragraphs: their first word is no date)
    end = 0
    words = list(_WORD_RUN.finditer(text[:200]))
    for k, m in enumerate(words):
        word = m.group()
        if not _is_noise(word):
            break
        # "... 15:39 (GMT+05:00) On October 1-2 Ashgabat hosts": the sentence starts at "On".
        if k and word.lower() in ("on", "at") and k + 1 < len(words) and \
                words[k + 1].group()[:1].isalpha():
            break
        end = m.end()
    run = text[:end]
    if not end or run.split()[0].lower() in _DATE_PREPOSITIONS:
        return text, None
    date = parse_date(run)
    rest = text[end:].lstrip()
    if not date or len(rest.split()) < 4 or not (rest[:1].isupper() or rest[:1] in _QUOTES):
        return text, None
    return rest, date


def strip_stamp_tail(text: str) -> str:
    """A paragraph without the date and time stamp run onto its end ("... to beat raps updated
    12 / 19 / 2005 2:48:40 PM ET", "... Time Lord! Sun., Aug. 4, 2013 11:29 AM PDT").

    Only an unpunctuated end is a stamp: a sentence that ends with its date ("... on March 14,
    2013.") closes with a full stop, and a date after a preposition belongs to the sentence.
    """
    if not text or text[-1] in ".!?\u2026\"\u201d)":
        return text
    # (The last 200 characters hold any stamp; a long paragraph is not walked.)
    words = list(_WORD_RUN.finditer(text, max(0, len(text) - 200)))
    k = len(words)
    while k and _is_noise(words[k - 1].group()):
        k -= 1
    if k == len(words) or k < 4:
        return text
    run = text[words[k].start():]
    if words[k].group().lower() in _DATE_PREPOSITIONS or \
            words[k - 1].group().lower().strip(",;:") in _DATE_PREPOSITIONS:
        return text
    if not any(c.isdigit() for c in run) or not (parse_date(run) or _DATE_OR_TIME.search(run)):
        return text
    rest = text[:words[k - 1].end()].rstrip(" ,;:|\u2013\u2014-")
    # ("UPDATED 05 / 03 / 2013 at 11:00 AM EDT Originally published ...": stamps alone.)
    return text if _STAMP.match(rest.lower()) else rest


def strip_stamp_prefix(text: str) -> tuple[str, str | None]:
    """A headline without a leading date stamp and dash, and the stamp's date if any."""
    m = _STAMP_PREFIX.match(text)
    if not m or len(text) - m.end() < 12:
        return text, None
    return text[m.end():], parse_date(m.group(1))


def ends_open(text: str) -> bool:
    """Whether the line ends without sentence punctuation (ignoring closing quotes)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return not stripped or stripped[-1] not in _TERMINAL


def classify(text: str, bullet: bool, subheads: frozenset[str] = frozenset()) -> Line:
    """The kind of one normalised line (bullet marker already removed)."""
    if not text:
        return Line("", BLANK)
    low = text.lower().strip(" :|\u2022\u00b7")
    words = text.split()
    nwords = len(words)
    if nwords <= 8:
        if low in _SHARE_WORDS or (_SHARE_PREFIX.match(low) and ends_open(text)):
            return Line(text, SHARE, bullet)
        if _RELATIVE_TIME.match(low):
            return Line(text, STAMP, bullet)
        if _RELATED.match(low):
            return Line(text, RELATED, bullet)
        if _FACTBOX.match(low):
            return Line(text, FACTBOX, bullet)
    # ("Updated 23 October 2025", "Published: 5h ago"; not "Updated figures show ...".)
    stamp = _STAMP.match(low) if nwords <= 14 else None
    if stamp and not _DATE_NOISE.sub(" ", low[stamp.end():]).split():
        return Line(text, STAMP, bullet, parse_date(text))
    if nwords <= 10 and is_date_line(text):
        return Line(text, STAMP, bullet, parse_date(text))
    if nwords <= 14 and _BYLINE.match(text):
        return Line(text, BYLINE, bullet)
    if _JUNK.match(low):
        return Line(text, JUNK, bullet)
    last = text[-1]
    if (last in ".\u2026" and _CUT_OFF.search(text)) or (last == ")" and _CREDIT.search(text)) \
            or (":" in text and _CREDIT_TAIL.search(text)):
        return Line(text, CAPTION, bullet)
    if text in subheads:
        return Line(text, SUBHEAD, bullet)
    if not bullet and nwords <= _TITLE_MAX_WORDS and ends_open(text) and len(text) <= 160 \
            and not text[0].islower():
        headline, date = strip_stamp_prefix(text)
        return Line(headline, TITLE, False, date)
    return Line(text, BULLET if bullet else TEXT, bullet)


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the text is hard-wrapped (most lines continue on the next line)."""
    followed = open_ends = 0
    for a, b in zip(lines, lines[1:]):
        if a and b:
            followed += 1
            open_ends += ends_open(a)
    return followed >= 4 and open_ends > 0.5 * followed


def _join_broken(lines: list[str]) -> list[str]:
    """Rejoin lines broken mid-sentence; with hard-wrapped text, rejoin whole paragraphs."""
    wrapped = _hard_wrapped(lines)
    if wrapped:
        lengths = sorted(len(x) for x in lines if x)
        width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if line and prev and not _BULLET.match(line):
            # A wrapped line reaches the margin; a short one ends its paragraph or is a title.
            if wrapped and len(prev) >= 0.6 * width:
                out[-1] = prev + " " + line
                continue
            if ends_open(prev) and line[0].islower() and len(prev.split()) >= 4:
                out[-1] = prev + " " + line
                continue
        out.append(line)
    return out


def prepare_lines(text: str, subheads: frozenset[str] = frozenset()) -> list[Line]:
    """Normalised, rejoined and classified lines of a text."""
    raw = [normalize_whitespace(x) for x in normalize_lines(text).split("\n")]
    lines: list[Line] = []
    for line in _join_broken(raw):
        bullet = False
        m = _BULLET.match(line)
        if m and len(line) > m.end():
            line = line[m.end():]
            bullet = True
        lines.append(classify(line, bullet, subheads))
    return lines


def strip_dateline(text: str) -> tuple[str, str | None]:
    """Text without a leading dateline ('LAGOS: '), and the dateline's date if it had one."""
    m = _DATELINE.match(text)
    if not m or len(text) - m.end() < 20:
        return text, None
    return text[m.end():], parse_date(m.group(1) or "")
