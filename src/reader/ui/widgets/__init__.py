"""Widgets of the main window: sidebar, article list, reading pane, empty state."""
