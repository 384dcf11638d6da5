"""Reader: a desktop news reader with offline articles, favorites and category filters."""

__version__ = "0.1.0"
