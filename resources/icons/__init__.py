"""Data only: the interface icons (SVG), read with importlib.resources."""
