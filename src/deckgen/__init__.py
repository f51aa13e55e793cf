"""deckgen: talks as code, built into native PowerPoint decks."""

__version__ = "0.1.0"
