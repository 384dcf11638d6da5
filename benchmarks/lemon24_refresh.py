"""Drive lemon24's `reader` library (run with the Python of its own venv, not Reader's).

lemon24_refresh.py add DB URLS_FILE      subscribe to every URL in the file (one a line)
lemon24_refresh.py update DB WORKERS     update every feed now with that many workers
lemon24_refresh.py count DB              print the number of stored entries
"""

from __future__ import annotations

import sys

from reader import make_reader


def main(argv: list[str]) -> int:
    command, db = argv[0], argv[1]
    reader = make_reader(db)
    try:
        if command == "add":
            with open(argv[2], encoding="utf-8") as f:
                for url in f.read().split():
                    reader.add_feed(url, exist_ok=True)
        elif command == "update":
            # scheduled=False: every feed, now (the default skips feeds updated recently)
            reader.update_feeds(workers=int(argv[2]), scheduled=False)
        elif command == "count":
            print(reader.get_entry_counts().total)
        else:
            print(__doc__, file=sys.stderr)
            return 2
    finally:
        reader.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
