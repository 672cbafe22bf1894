"""Clues: hits merged per subject, their lifecycle, notes, tags, history and exports."""
