"""Qt item models over the engine's data: the sidebar tree and the article list."""
