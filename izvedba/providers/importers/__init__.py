"""Pure parsers for the files users upload: CSV text in, parsed rows or cell-level errors out (no ORM)."""
