"""An inline token's children -> runs of styled text, pictures and notes, in order."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import unquote, urlsplit

from deckgen.errors import SourceLocation
from deckgen.markdown.attrs import Attrs, leading_braces, percent
from deckgen.markdown.html import Tag, parse_tag
from deckgen.markdown.items import Context, Note
from deckgen.markdown.leftovers import warn_leftovers
from deckgen.markdown.looks import INLINE_TAGS, Look, look_of, styled
from deckgen.markdown.notes import comment_items, comments
from deckgen.markdown.tokens import Token
from deckgen.model import SUBSCRIPT, SUPERSCRIPT, DiagramRef, Image, Run

Runs = tuple[Run, ...]
Segment = Runs | Image | DiagramRef | Note

_MARP_SIZE = re.compile(r"(w|width|h|height):(\d+(?:\.\d+)?)(px|%)?|\bfit\b", re.IGNORECASE)
_URL = re.compile(r"[a-z][a-z0-9+.-]*://|mailto:|data:", re.IGNORECASE)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAKES_ATTRS = frozenset({"code_inline", "link_close", "span_close"})
# Marp's background keywords and image filters: `![bg left:40% sepia](x.png)`.
_MARP_BG_WORD = re.compile(
    r"bg|contain|cover|fit|auto|left|right|vertical|\d+(?:\.\d+)?%|(?:left|right):\S+"
    r"|(?:blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate"
    r"|sepia)(?::\S+)?|(?:w|width|h|height):\S+",
    re.IGNORECASE,
)


_MARP_SPLIT = re.compile(r"(left|right)(?::(\d+(?:\.\d+)?)%)?", re.IGNORECASE)


@dataclass(slots=True)
class _State:
    """Walking one inline token: the style in force, and what has been produced so far."""

    ctx: Context
    line0: int
    bold: int = 0
    italic: int = 0
    strike: int = 0
    links: list[str | None] = field(default_factory=list)
    looks: list[tuple[str, Look]] = field(default_factory=list)  # open inline HTML tags, spans
    runs: list[Run] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    seen: dict[tuple[int, str], int] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    trim_next: bool = False
    previous: str = ""  # the type of the token before, for Pandoc's `{...}` after it

    def add(self, text: str, code: bool = False) -> None:
        if self.trim_next:  # "up. <!-- note --> Then": one space is left, not two
            text, self.trim_next = text.removeprefix(" "), False
        link = self.links[-1] if self.links else None
        run = Run(text, self.bold > 0, self.italic > 0, self.strike > 0, code, link)
        run = styled(run, (look for _, look in self.looks))
        if self.runs and _style(self.runs[-1]) == _style(run):
            self.runs[-1] = replace(self.runs[-1], text=self.runs[-1].text + text)
        else:
            self.runs.append(run)

    def flush(self) -> None:
        if self.runs:
            self.segments.append(tuple(self.runs))
            self.runs = []

    def emit(self, segment: Image | DiagramRef) -> None:
        self.flush()
        self.segments.append(segment)


def _style(run: Run) -> Run:
    """Everything about a run but its text: runs of one style join."""
    return replace(run, text="")


def _text(state: _State, token: Token) -> None:
    text = _pandoc_escapes(_emoji(token.content))
    last = state.segments[-1] if state.segments and not state.runs else None
    braces = leading_braces(text) if isinstance(last, Image | DiagramRef) else None
    if braces is not None and isinstance(last, Image | DiagramRef):
        state.segments[-1] = _sized(state, last, braces[0])
        text = braces[1]
    elif state.previous in _TAKES_ATTRS and (braces := leading_braces(text)) is not None:
        text = braces[1]  # `42`{.nix}: the attributes style the code, they are not text
    if text:
        state.add(text)


def _hardbreak(state: _State, token: Token) -> None:
    # Kept as "\n" inside the run: layout and writer show it as a line break in the paragraph.
    state.add("\n")
    state.line0 += 1


def _softbreak(state: _State, token: Token) -> None:
    # Marp renders a line break inside a paragraph as one (markdown-it's `breaks`); Pandoc
    # and CommonMark join the lines.
    state.add("\n" if state.ctx.marp else " ")
    state.line0 += 1


_SHORTCODE = re.compile(r":[\w+-]+:")


def _emoji(text: str) -> str:
    """Marp's emoji shortcodes: `:rocket:` is 🚀 (GitHub's names, as Marp reads them)."""
    if not _SHORTCODE.search(text):
        return text
    import emoji  # imported late, for text that holds a shortcode: its tables take a while

    return emoji.emojize(text, language="alias")


def _pandoc_escapes(text: str) -> str:
    """Pandoc's backslash-space is a non-breaking space (CommonMark keeps the backslash)."""
    return text.replace("\\ ", "\u00a0")


def _code(state: _State, token: Token) -> None:
    state.add(token.content, code=True)


def _toggle(name: str, step: int) -> Callable[[_State, Token], None]:
    def handler(state: _State, token: Token) -> None:
        setattr(state, name, getattr(state, name) + step)

    return handler


def _link_open(state: _State, token: Token) -> None:
    href = token.attrs.get("href")
    state.links.append(str(href) if href is not None else None)


def _link_close(state: _State, token: Token) -> None:
    if state.links:
        state.links.pop()


def _html(state: _State, token: Token) -> None:
    if _BREAK_TAG.fullmatch(token.content.strip()):
        _hardbreak(state, token)
        state.line0 -= 1
        return
    texts, rest = comments(token.content)
    for text in texts:
        found = comment_items(text, _where(state, "<!--"))
        state.notes.extend(item for item in found if isinstance(item, Note))
    tag = parse_tag(rest) if rest else None
    if tag is None:
        state.trim_next = bool(state.runs) and state.runs[-1].text.endswith(" ")
    elif tag.closing:
        _close_tag(state, tag.name)
    elif tag.name == "img":
        _html_image(state, tag)
    else:
        _open_tag(state, tag, rest)


def _open_tag(state: _State, tag: Tag, markup: str) -> None:
    """An inline tag's look holds until its closing tag; a tag deckgen does not know keeps
    its text, with one warning per tag name and file."""
    if tag.name not in INLINE_TAGS:
        key = f"html:{state.ctx.path}:{tag.name}"
        hint = "its text is kept; write Markdown instead"
        state.ctx.warn_once(key, _where(state, markup), f"HTML tag <{tag.name}> is ignored", hint)
    if tag.name == "a":
        state.links.append(tag.get("href") or None)
    state.looks.append((tag.name, {} if tag.name == "a" else look_of(tag)))


def _close_tag(state: _State, name: str) -> None:
    """The innermost open tag of that name ends (a stray closing tag ends nothing)."""
    for index in range(len(state.looks) - 1, -1, -1):
        if state.looks[index][0] == name:
            del state.looks[index]
            if name == "a" and state.links:
                state.links.pop()
            return


_SPAN_CLASSES: dict[str, Look] = {
    "smallcaps": {"smallcaps": True},
    "underline": {"underline": True},
    "ul": {"underline": True},
    "mark": {},
}


def _span_open(state: _State, token: Token) -> None:
    """Pandoc's `[text]{.smallcaps}` and `[text]{.underline}` (other classes keep the text)."""
    classes = str(token.attrs.get("class", "")).split()
    look: Look = {}
    for name in classes:
        look |= _SPAN_CLASSES.get(name, {})
    style = str(token.attrs.get("style", ""))
    look |= look_of(Tag("span", (("style", style),))) if style else {}
    state.looks.append(("[span]", look))


def _html_image(state: _State, tag: Tag) -> None:
    """`<img src width height alt>`, as Marp and reveal.js talks write pictures."""
    where = _where(state, "<img")
    found = picture(state.ctx, tag.get("src"), tag.get("alt"), where, None)
    state.emit(sized_by_tag(found, tag))


def sized_by_tag(found: Image | DiagramRef, tag: Tag) -> Image | DiagramRef:
    """An `<img>`'s width and height attributes (pixels, or a percentage of the width)."""
    if not isinstance(found, Image):
        return found
    width, height = tag.get("width").strip(), tag.get("height").strip()
    if re.fullmatch(r"\d+(px)?", width):
        found = replace(found, width_px=int(width.removesuffix("px")))
    elif width.endswith("%") and percent(width) is not None:
        found = replace(found, width_pct=percent(width))
    if not width and re.fullmatch(r"\d+(px)?", height):
        found = replace(found, height_px=int(height.removesuffix("px")))
    return found


def _image(state: _State, token: Token) -> None:
    where = _where(state, "![")
    text = "".join(child.content for child in token.children or [])
    alt = _marp_background(text) or _marp_size(state, text, where)
    src = str(token.attrs.get("src", ""))
    found = picture(state.ctx, src, alt.text, where, alt.width_px)
    if isinstance(found, Image):
        found = replace(found, height_px=alt.height_px, width_pct=alt.width_pct)
    if alt.background and isinstance(found, Image):
        found = replace(found, background=True, side=alt.side, share=alt.share)
    state.emit(found)


@dataclass(frozen=True, slots=True)
class _Alt:
    text: str
    width_px: int | None
    background: bool = False
    height_px: int | None = None
    width_pct: float | None = None
    side: str = ""  # Marp's split background: the picture takes this side of the slide
    share: float = 0.5


def _marp_background(alt: str) -> _Alt | None:
    """`![bg contain](x)`: a Marp background; its keywords leave the description."""
    words = alt.split()
    if "bg" not in (word.lower() for word in words):
        return None
    kept = [word for word in words if not _MARP_BG_WORD.fullmatch(word)]
    side, share = "", 0.5
    for word in words:
        found = _MARP_SPLIT.fullmatch(word)
        if found:
            side = found.group(1).lower()
            share = min(0.9, max(0.1, float(found.group(2)) / 100)) if found.group(2) else 0.5
    return _Alt(" ".join(kept), None, background=True, side=side, share=share)


def _marp_size(state: _State, alt: str, where: SourceLocation) -> _Alt:
    """Marp's `w:600`, `width:600px`, `h:200`, `w:50%` and `fit` (a picture fits its slide
    anyway) leave the alt text and become the picture's size."""
    width = height = percent_width = None
    for match in _MARP_SIZE.finditer(alt):
        key, number, unit = match.groups()
        if key is None:
            continue
        if unit == "%":
            if key.lower().startswith("w"):
                percent_width = float(number)
            else:
                state.ctx.warn(where, "a height in % is ignored", "give w:50% or h:300")
        elif key.lower().startswith("w"):
            width = round(float(number))
        else:
            height = round(float(number))
    text = " ".join(_MARP_SIZE.sub("", alt).split())
    return _Alt(text, width, height_px=height, width_pct=percent_width)


def picture(
    ctx: Context, src: str, alt: str, where: SourceLocation, width_px: int | None
) -> Image | DiagramRef:
    if src.lower().startswith("file://"):
        src = urlsplit(src).path
        ctx.warn(where, f"file:// picture read as the local file {src}", "write the path itself")
    path, _, fragment = src.partition("#")
    if not _URL.match(src):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(ctx.path), unquote(path)))
    if path.lower().endswith((".yaml", ".yml")):
        return DiagramRef(path, alt, where, _step(ctx, fragment, where))
    return Image(src if _URL.match(src) else path, alt, where, width_px=width_px)


def _step(ctx: Context, fragment: str, where: SourceLocation) -> int | None:
    match = re.fullmatch(r"step=(\d+)", fragment)
    if fragment and (match is None or int(match.group(1)) < 1):
        ctx.warn(where, f"'#{fragment}' is not a diagram step", "write #step=N with N from 1")
    return int(match.group(1)) if match and int(match.group(1)) >= 1 else None


def _sized(state: _State, picture: Image | DiagramRef, attrs: Attrs) -> Image | DiagramRef:
    """Pandoc's `{width=70%}`, `{height=30px}`, `{width=2in}` after a picture: px, in, cm, mm,
    pt and % (of the slide's width, or height); a length is read at 96 pixels an inch."""
    if isinstance(picture, DiagramRef):
        return picture
    for key in ("width", "height"):
        text = attrs.values.get(key)
        if text is None:
            continue
        size = _length(text)
        if size is None:
            hint = "give px, in, cm, mm, pt or %"
            state.ctx.warn(picture.source, f"{key} '{text}' is ignored", hint)
        elif key == "width":
            picture = replace(picture, **{"width_pct" if size[1] else "width_px": size[0]})
        elif "width" not in attrs.values:  # both given: the width decides, proportions kept
            picture = replace(picture, **{"height_pct" if size[1] else "height_px": size[0]})
    return picture


_UNITS = {"": 1.0, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "pt": 96 / 72}
_LENGTH = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(px|in|cm|mm|pt|%)?\s*")


def _length(text: str) -> tuple[Any, bool] | None:
    """`2in` -> (192, False) pixels; `40%` -> (40.0, True); None for what is not a length."""
    match = _LENGTH.fullmatch(text)
    if match is None or float(match.group(1)) <= 0:
        return None
    number, unit = float(match.group(1)), match.group(2) or ""
    if unit == "%":
        return number, True
    return max(1, round(number * _UNITS[unit])), False


def _where(state: _State, marker: str) -> SourceLocation:
    """Where the next `marker` is on the current line (pictures and comments point at
    themselves, the second picture on a line at the second `![`)."""
    lines = state.ctx.lines
    text = lines[state.line0] if 0 <= state.line0 < len(lines) else ""
    count = state.seen.get((state.line0, marker), 0)
    state.seen[(state.line0, marker)] = count + 1
    col = -1
    for _ in range(count + 1):
        col = text.find(marker, col + 1)
    return state.ctx.at(state.line0, col + 1 if col >= 0 else None)


def merge_runs(runs: Sequence[Run]) -> Runs:
    """Neighbouring runs with the same look become one."""
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1].text and _style(merged[-1]) == _style(run):
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        elif run.text:
            merged.append(run)
    return tuple(merged)


_HANDLERS: dict[str, Callable[[_State, Token], None]] = {
    "text": _text,
    "softbreak": _softbreak,
    "hardbreak": _hardbreak,
    "code_inline": _code,
    "strong_open": _toggle("bold", 1),
    "strong_close": _toggle("bold", -1),
    "em_open": _toggle("italic", 1),
    "em_close": _toggle("italic", -1),
    "s_open": _toggle("strike", 1),
    "s_close": _toggle("strike", -1),
    "span_open": _span_open,
    "span_close": lambda state, token: _close_tag(state, "[span]"),
    "sup_open": lambda state, token: state.looks.append(("^", {"baseline": SUPERSCRIPT})),
    "sup_close": lambda state, token: _close_tag(state, "^"),
    "sub_open": lambda state, token: state.looks.append(("~", {"baseline": SUBSCRIPT})),
    "sub_close": lambda state, token: _close_tag(state, "~"),
    "link_open": _link_open,
    "link_close": _link_close,
    "html_inline": _html,
    "image": _image,
}


def segments(ctx: Context, children: Sequence[Token], line0: int) -> list[Segment]:
    """Inline children starting on 0-based line `line0` -> text runs, pictures and notes."""
    state = _State(ctx, line0)
    for child in children:
        _HANDLERS.get(child.type, _text)(state, child)
        state.previous = child.type
    state.flush()
    warn_leftovers(ctx, children, line0)
    return [*state.segments, *state.notes]  # notes after the text, so a comment splits nothing


def runs_of(ctx: Context, inline: Token, what: str) -> tuple[Runs, list[Note]]:
    """Text only (headings, table cells): a picture there shows its alt text, with a warning."""
    runs: list[Run] = []
    notes: list[Note] = []
    for segment in segments(ctx, inline.children or [], (inline.map or [0])[0]):
        if isinstance(segment, Note):
            notes.append(segment)
        elif isinstance(segment, Image | DiagramRef):
            ctx.warn(segment.source, f"a picture inside {what} is not shown; its alt text is")
            runs.append(Run(segment.alt))
        else:
            runs.extend(segment)
    return strip_runs(merge_runs(runs)), notes


def strip_runs(runs: Runs) -> Runs:
    """Drop the spaces a picture or comment leaves at either end of a line of text."""
    items = list(runs)
    if items:
        items[0] = replace(items[0], text=items[0].text.lstrip(" "))
        items[-1] = replace(items[-1], text=items[-1].text.rstrip(" "))
    return tuple(run for run in items if run.text)
