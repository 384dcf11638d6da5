"""Two-way sync with self-hosted aggregators (Tiny Tiny RSS, Google Reader API servers)."""
