"""`python -m reader` runs the same entry point as the `reader` command."""

from reader.app import main

raise SystemExit(main())
