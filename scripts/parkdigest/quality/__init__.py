"""The quality gate: converted pages scored against gold annotations of real pages."""
