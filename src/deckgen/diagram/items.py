"""The `styles`, `symbols` and `items` sections of a spec -> checked Items in drawing order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from deckgen.diagram.fields import INVALID, Check, Checker, check_fields, show, size, text
from deckgen.diagram.kinds import (
    KINDS,
    PARAM_TYPES,
    PLACE_RELATIONS,
    PLACED,
    REQUIRED,
    STYLE_FIELDS,
    SYMBOL_PARAM_TYPES,
    fields_for,
    kind_with,
)
from deckgen.diagram.limits import MAX_ITEMS
from deckgen.diagram.spec import Font, Item, Style
from deckgen.errors import SourceLocation, did_you_mean
from deckgen.yamlfile import LocDict, LocList, Mark

SYMBOL_FIELDS = ("params", "size", "draw")
DRAWABLE = ("box", "ellipse", "polygon", "label", "image")
_PARAM = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class Symbol:
    name: str
    params: dict[str, str]  # name -> type
    size: tuple[float, float]
    draw: LocList


def make_style(checked: dict[str, Any], size_at: SourceLocation | None = None) -> Style:
    values = dict(checked)
    if "font" in values:
        values["font"] = Font(**values["font"], size_at=size_at)
    return Style(**values)


def font_size_at(c: Checker, data: LocDict) -> SourceLocation | None:
    """Where `font: {size: ...}` is written in a style or item mapping, for warnings."""
    font = data.get("font")
    if isinstance(font, LocDict) and "size" in font:
        return c.at(font.value_marks["size"])
    return None


class ItemParser:
    """Walks the items mapping (and group children) once, collecting problems in the Checker."""

    def __init__(self, c: Checker, top: dict[str, tuple[Any, Mark]]) -> None:
        self.c = c
        self.top = top
        self.styles = self._styles(top.get("styles"))
        self.symbols = self._symbols(top.get("symbols"))
        self.items: list[Item] = []
        self.seen: dict[str, Mark] = {}
        self.overflow = False  # more items than MAX_ITEMS

    # -- styles and symbols -------------------------------------------------------------
    def _styles(self, given: tuple[Any, Mark] | None) -> dict[str, Style]:
        if given is None:
            return {}
        value, mark = given
        if not isinstance(value, LocDict):
            self.c.error(mark, "'styles' needs a mapping of style names")
            return {}
        return {
            name: self._inline_style(v, value.value_marks[name], name) for name, v in value.items()
        }

    def _inline_style(self, value: Any, mark: Mark, what: str) -> Style:
        if not isinstance(value, LocDict):
            self.c.error(mark, f"style '{what}' needs a mapping of style fields")
            return Style()
        known = check_fields(self.c, value, STYLE_FIELDS, f"style '{what}'")
        checked = {k: STYLE_FIELDS[k](self.c, v, m, k) for k, (v, m) in known.items()}
        valid = {k: v for k, v in checked.items() if v is not INVALID}
        return make_style(valid, font_size_at(self.c, value))

    def _symbols(self, given: tuple[Any, Mark] | None) -> dict[str, Symbol]:
        if given is None:
            return {}
        value, mark = given
        if not isinstance(value, LocDict):
            self.c.error(mark, "'symbols' needs a mapping of symbol names")
            return {}
        out = {}
        for name, body in value.items():
            symbol = self._symbol(name, body, value.key_marks[name], value.value_marks[name])
            if symbol is not None:
                out[name] = symbol
        return out

    def _symbol(self, name: str, body: Any, key_mark: Mark, mark: Mark) -> Symbol | None:
        c = self.c
        if name in KINDS:
            c.error(key_mark, f"symbol '{name}' has the name of a built-in kind")
            return None
        if not isinstance(body, LocDict):
            c.error(mark, f"symbol '{name}' needs params, size and draw")
            return None
        known = check_fields(c, body, SYMBOL_FIELDS, f"symbol '{name}'")
        params: dict[str, str] = {}
        raw_params, params_mark = known.get("params", (LocDict(), mark))
        if not isinstance(raw_params, LocDict):
            c.error(params_mark, f"'params' of symbol '{name}' needs a mapping name: type")
            raw_params = LocDict()
        for pname, ptype in raw_params.items():
            if ptype not in PARAM_TYPES:
                hint = f"types: {', '.join(PARAM_TYPES)}"
                c.error(
                    raw_params.value_marks[pname], f"unknown parameter type {show(ptype)}", hint
                )
            params[pname] = str(ptype)
        wh = (
            size(c, *known["size"], "size")
            if "size" in known
            else c.error(mark, f"symbol '{name}' needs 'size'")
        )
        draw, draw_mark = known.get("draw", (None, mark))
        if not isinstance(draw, LocList):
            c.error(draw_mark, f"symbol '{name}' needs 'draw': a list of primitives")
            return None
        if not isinstance(wh, tuple):
            return None
        return Symbol(name, params, (wh[0], wh[1]), draw)

    # -- items ------------------------------------------------------------------------
    def parse_items(self) -> list[Item]:
        given = self.top.get("items")
        if given is None:
            self.c.error((1, 1), "the spec has no 'items'")
            return []
        value, mark = given
        if not isinstance(value, LocDict):
            self.c.error(mark, "'items' needs a mapping of item ids")
            return []
        self._add_all(value, None, False)
        return self.items

    def _add_all(self, mapping_: LocDict, parent: str | None, in_layout: bool) -> list[str]:
        ids = []
        for item_id, data in mapping_.items():
            key_mark = mapping_.key_marks[item_id]
            if self._register(item_id, key_mark):
                self._add(item_id, data, key_mark, parent, in_layout)
                ids.append(item_id)
        return ids

    def _register(self, item_id: str, key_mark: Mark) -> bool:
        if len(self.seen) >= MAX_ITEMS:
            if not self.overflow:  # said once, at the first item too many
                self.c.error(key_mark, f"a diagram holds at most {MAX_ITEMS} items")
                self.overflow = True
            self.c.broken.add(item_id)
            return False
        if "." in item_id or not item_id:
            self.c.error(key_mark, f"item id '{item_id}' cannot contain '.' or be empty")
            return False
        if item_id in self.seen:
            first = self.seen[item_id][0]
            self.c.error(key_mark, f"duplicate item id '{item_id}' (first at line {first})")
            return False
        self.seen[item_id] = key_mark
        return True

    def _add(
        self, item_id: str, data: Any, key_mark: Mark, parent: str | None, in_layout: bool
    ) -> None:
        index = len(self.items)
        item = self.build(item_id, data, key_mark, parent, in_layout)
        if item is None:
            return
        self.items.append(item)
        children = data.get("children") if item.kind == "group" else None
        if isinstance(children, LocDict):
            ids = self._add_all(children, item_id, "layout" in item.props)
            self.items[index] = Item(**{**_as_dict(item), "children": tuple(ids)})

    def build(
        self, item_id: str, data: Any, key_mark: Mark, parent: str | None, in_layout: bool
    ) -> Item | None:
        c = self.c
        if not isinstance(data, LocDict):
            c.error(key_mark, f"item '{item_id}' needs a mapping with a 'kind'")
            c.broken.add(item_id)
            return None
        kind = self._kind(item_id, data, key_mark)
        if kind is None:
            self._broken(item_id, data)
            return None
        symbol = self.symbols.get(kind)
        allowed = dict(fields_for(kind)) if symbol is None else self._symbol_fields(symbol)
        known = self._fields(item_id, kind, data, allowed)
        props: dict[str, Any] = {}
        inline: dict[str, Any] = {}
        base = Style()
        for name, (value, mark) in known.items():
            if name == "style":
                base = self._style_ref(value, mark, item_id)
            elif name not in ("kind", "children"):
                checked = allowed[name](c, value, mark, name)
                is_style = name in STYLE_FIELDS and not (symbol and name in symbol.params)
                if checked is not INVALID:
                    (inline if is_style else props)[name] = checked
        self._check_shape(item_id, kind, data, key_mark, props, in_layout)
        marks = {name: c.at(m) for name, (_, m) in known.items()}
        item = Item(
            item_id,
            kind,
            c.at(key_mark),
            make_style(inline, font_size_at(c, data)).over(base),
            props,
            marks,
            parent,
        )
        if symbol is not None:
            item = self._expand(item, symbol)
        return item

    def _kind(self, item_id: str, data: LocDict, key_mark: Mark) -> str | None:
        if "kind" not in data:
            self.c.error(key_mark, f"item '{item_id}' needs a 'kind'", f"kinds: {', '.join(KINDS)}")
            return None
        kind = data["kind"]
        if isinstance(kind, str) and (kind in KINDS or kind in self.symbols):
            return kind
        choices = (*KINDS, *self.symbols)
        listing = f"kinds: {', '.join(choices)}"
        mark = data.value_marks["kind"]
        if not isinstance(kind, str):
            self.c.error(mark, f"'kind' needs a kind name, got {show(kind)}", listing)
        else:
            hint = did_you_mean(kind, choices) or listing
            self.c.error(mark, f"unknown kind {show(kind)}", hint)
        return None

    def _broken(self, item_id: str, data: LocDict) -> None:
        """An item that was not built, with the children it holds: references to them would
        only repeat its one error."""
        self.c.broken.add(item_id)
        children = data.get("children")
        if isinstance(children, LocDict):
            for child_id, child in children.items():
                self._broken(child_id, child if isinstance(child, LocDict) else LocDict())

    def _fields(
        self, item_id: str, kind: str, data: LocDict, allowed: dict[str, Check]
    ) -> dict[str, tuple[Any, Mark]]:
        """The item's known fields. Unknown ones are each an error, unless they are all the
        fields of one other kind: then the kind is what is wrong, and that is one error."""
        unknown = [name for name in data if name not in allowed]
        other = kind_with(unknown, besides=kind) if len(unknown) > 1 else None
        if other is None:
            return check_fields(self.c, data, allowed, f"{kind} '{item_id}'")
        self.c.error(
            data.value_marks["kind"],
            f"{kind} '{item_id}' has {other} fields: {', '.join(unknown)}",
            f"did you mean 'kind: {other}'?",
        )
        if "children" in unknown:
            self._broken(item_id, data)
        return {k: (v, data.value_marks[k]) for k, v in data.items() if k in allowed}

    def _symbol_fields(self, symbol: Symbol) -> dict[str, Any]:
        params = {p: SYMBOL_PARAM_TYPES.get(t, text) for p, t in symbol.params.items()}
        return {"kind": text, "style": text, **STYLE_FIELDS, **PLACED, **params}

    def _style_ref(self, value: Any, mark: Mark, item_id: str) -> Style:
        if isinstance(value, LocDict):
            return self._inline_style(value, mark, item_id)
        names = list(value) if isinstance(value, LocList) else [value]
        marks = value.item_marks if isinstance(value, LocList) else [mark] * len(names)
        style = Style()
        for name, name_mark in zip(names, marks, strict=True):
            if isinstance(name, str) and name in self.styles:
                style = self.styles[name].over(style)
            else:
                listing = f"styles: {', '.join(self.styles) or 'none defined'}"
                if not isinstance(name, str):
                    self.c.error(name_mark, f"'style' needs style names, got {show(name)}")
                    continue
                hint = did_you_mean(name, self.styles) or listing
                self.c.error(name_mark, f"unknown style {show(name)}", hint)
        return style

    def _check_shape(
        self,
        item_id: str,
        kind: str,
        data: LocDict,
        key_mark: Mark,
        props: dict[str, Any],
        in_layout: bool,
    ) -> None:
        c = self.c
        for need in REQUIRED.get(kind, ()):
            if need not in data:
                c.error(key_mark, f"{kind} '{item_id}' needs '{need}'")
        if "at" in data and "place" in data:
            c.error(data.key_marks["place"], f"'{item_id}' has both 'at' and 'place'; keep one")
        if in_layout:
            for name in ("at", "place"):
                if name in data:
                    c.error(
                        data.key_marks[name],
                        f"'{item_id}' is placed by its group's layout; remove '{name}'",
                    )
        place = props.get("place")
        if place is not None:
            relations = [r for r in PLACE_RELATIONS if r in place]
            if len(relations) != 1:
                c.error(
                    data.value_marks["place"],
                    f"'place' needs exactly one of {', '.join(PLACE_RELATIONS)}",
                )

    def _expand(self, item: Item, symbol: Symbol) -> Item:
        values = {p: item.props[p] for p in symbol.params if p in item.props}
        for p in symbol.params:
            if p not in values and p not in item.marks:
                self.c.error(_mark_of(item), f"{symbol.name} '{item.id}' needs parameter '{p}'")
        draw = []
        for n, (raw, mark) in enumerate(zip(symbol.draw, symbol.draw.item_marks, strict=True)):
            data = self._subst(raw, mark, values, symbol)
            kind = data.get("kind") if isinstance(data, LocDict) else None
            if kind not in DRAWABLE:
                self.c.error(mark, f"symbols draw with {', '.join(DRAWABLE)}; got {show(kind)}")
                continue
            part = self.build(f"{item.id}.{n}", data, mark, None, False)
            if part is not None:
                draw.append(part)
        props = {**item.props, "size": item.props.get("size", symbol.size)}
        return Item(**{**_as_dict(item), "props": props, "draw": tuple(draw)})

    def _subst(self, value: Any, mark: Mark, values: dict[str, Any], symbol: Symbol) -> Any:
        if isinstance(value, LocDict):
            out = LocDict()
            out.mark, out.key_marks, out.value_marks = (
                value.mark,
                value.key_marks,
                value.value_marks,
            )
            for k, v in value.items():
                out[k] = self._subst(v, value.value_marks[k], values, symbol)
            return out
        if isinstance(value, LocList):
            items = LocList(
                self._subst(v, m, values, symbol)
                for v, m in zip(value, value.item_marks, strict=True)
            )
            items.mark, items.item_marks = value.mark, value.item_marks
            return items
        if not isinstance(value, str):
            return value
        for name in _PARAM.findall(value):
            if name not in symbol.params:
                hint = did_you_mean(name, symbol.params)
                self.c.error(mark, f"unknown parameter '{name}' in symbol '{symbol.name}'", hint)
                return value
        whole = _PARAM.fullmatch(value)
        if whole:
            return values.get(whole.group(1), value)
        return _PARAM.sub(lambda m: str(values.get(m.group(1), m.group(0))), value)


def _as_dict(item: Item) -> dict[str, Any]:
    return {name: getattr(item, name) for name in Item.__slots__}


def _mark_of(item: Item) -> Mark:
    return (item.where.line, item.where.col)
