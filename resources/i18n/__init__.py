"""Data only: the interface translations (.ts sources and compiled .qm), read with importlib.resources."""
