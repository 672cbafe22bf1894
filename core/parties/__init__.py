"""Party resolution: mentions of parties in cases and lists -> entities, with reasons."""

from __future__ import annotations

from core.parties.model import Entity, Link, Mention, Override, Resolution

__all__ = ["Entity", "Link", "Mention", "Override", "Resolution"]
