"""SQLite storage behind a small API; only `core.service` and `core.update` use it."""
