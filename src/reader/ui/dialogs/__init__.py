"""Dialogs: add feed, feed properties, folders, confirmations, preferences, shortcuts."""
