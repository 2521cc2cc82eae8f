"""Test support: small hand-made lakes and report inputs, shared by tests and benchmarks, never shipped."""
