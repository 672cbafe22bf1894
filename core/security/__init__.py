"""Accounts, roles, the session user, audit keys and heads, and checks on hostile input."""
