"""`parkdigest bench` and its synthetic pages (imported only by the CLI)."""
