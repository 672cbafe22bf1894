from tests.core.supervision.planted import planted, planted_base, truth

__all__ = ["planted", "planted_base", "truth"]
