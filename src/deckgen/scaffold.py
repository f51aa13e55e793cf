"""The files of a new talk: a short example talk and diagram to start from (deckgen new)."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import OutputError
from deckgen.files import display

TALK = """---
title: {title}
subtitle: ""
author: ""
duration: 20
theme: default
---

<!-- What you say while the title slide is up. -->

# The idea

::: notes
One sentence to open the section.
:::

## The problem

- Who has it
- What it costs them
- Why it is still here

::: notes
Speaker notes go here: what you say, not what the slide shows.
:::

## How it works

![A browser asks a server and waits for the answer](../diagrams/example.yaml)

::: notes
Walk through the picture one step at a time.
:::

## In code

```python
def answer(request):
    return "hello, " + request.name
```

::: notes
Read the code aloud once, slowly.
:::

# Questions?

::: notes
Thank the room; repeat each question before you answer it.
:::
"""

DIAGRAM = """deckgen: 1
canvas: {width: 1920, height: 1080}
styles:
  request: {stroke: blue, stroke_width: 8, heads: end}
  response: {stroke: vermillion, stroke_width: 8, dash: [18, 12], heads: end}
items:
  browser:
    kind: box
    at: [160, 380]
    size: [520, 300]
    fill: green
    font: {size: 60, weight: bold}
    label: "Browser"
  server:
    kind: box
    at: [1240, 380]
    size: [520, 300]
    fill: orange
    font: {size: 60, weight: bold}
    label: "Server"
  ask:
    kind: arrow
    from: browser.e
    to: server.w
    style: request
    label: "request"
  answer:
    kind: arrow
    from: server.w
    to: browser.e
    lane: 1
    style: response
    label: "response"
steps:
  - show: [browser, server]
    caption: "Two programs"
    notes: "One runs on your laptop, one on a machine you never see."
  - show: [ask]
    caption: "The browser asks"
  - show: [answer]
    caption: "The server answers"
"""

GITIGNORE = "build/\n*.render/\n"


def starting_files(title: str) -> dict[str, str]:
    """Relative path -> text of each file a new talk starts with."""
    safe = title.replace('"', "'")
    return {
        "talk/talk.md": TALK.replace("{title}", f'"{safe}"'),
        "diagrams/example.yaml": DIAGRAM,
        ".gitignore": GITIGNORE,
    }


def new_talk(folder: Path, title: str) -> list[Path]:
    """Write a new talk's starting files into `folder`; refuse to overwrite any."""
    files = {folder / name: text for name, text in starting_files(title).items()}
    taken = [p for p in files if p.exists()]
    if taken:
        hint = "pick an empty folder: deckgen new my-talk"
        raise OutputError(f"{display(taken[0])} already exists; nothing was written", None, hint)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
