"""The engine: fetching, parsing, storage and the service facade. Never imports Qt."""
