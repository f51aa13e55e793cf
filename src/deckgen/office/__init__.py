"""Everything that speaks PowerPoint's file format: the only package that imports python-pptx
and lxml. writer.py writes the deck; the rest are the parts it is built from."""

from deckgen.office.writer import write_pptx

__all__ = ["write_pptx"]
