"""deckgen preview: the laid-out deck drawn as HTML (html.py), served with live reload and a
presenter view (server.py)."""
