"""Supervision models: specs (YAML), the engine that compiles them to queries, and runs."""
