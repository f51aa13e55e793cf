"""Sibling block tokens -> (token, the tokens it encloses) pairs, pairing `:::` fences too."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from deckgen.markdown.items import Context
from deckgen.markdown.tokens import Token


def walk(ctx: Context, tokens: Sequence[Token]) -> Iterator[tuple[Token, Sequence[Token]]]:
    """Each top-level token with the tokens it encloses (up to its close token or `:::`)."""
    index = 0
    while index < len(tokens):
        end = _end(ctx, tokens, index)
        yield tokens[index], tokens[index + 1 : end]
        index = end + 1


def _end(ctx: Context, tokens: Sequence[Token], start: int) -> int:
    if tokens[start].type == "div_open":
        return _div_end(ctx, tokens, start)
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth <= 0:
            return index
    return len(tokens)


def _div_end(ctx: Context, tokens: Sequence[Token], start: int) -> int:
    """The `:::` closing the div opened at `start`: the innermost open div closes first."""
    depth, level = 0, tokens[start].level
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.level == level and token.type in ("div_open", "div_close"):
            depth += 1 if token.type == "div_open" else -1
            if depth == 0:
                return index
    opener = tokens[start]
    if opener.markup.startswith("<"):  # browsers close what HTML leaves open; so does deckgen
        ctx.warn(ctx.at(line0(opener)), f"{opener.markup} is never closed; closed at the end")
        return len(tokens)
    hint = f"end it with a '{opener.markup}' line"
    ctx.error(ctx.at(line0(opener)), f"'{opener.markup} {opener.info}' is never closed", hint)
    return len(tokens)


def line0(token: Token) -> int:
    """The 0-based line a block token starts on."""
    return token.map[0] if token.map else 0
