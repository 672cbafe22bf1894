"""Judgment text → features (mediation, default judgment, notice service, evidence, amount…)."""

from __future__ import annotations

from core.text.cuebook import CueBook, cue_version, load_cues
from core.text.features import (
    BOOLEAN_FEATURES,
    CUE_VERSION,
    FEATURE_LABELS,
    Feature,
    FeatureSet,
    extract_features,
)

__all__ = [
    "BOOLEAN_FEATURES",
    "CUE_VERSION",
    "FEATURE_LABELS",
    "CueBook",
    "Feature",
    "FeatureSet",
    "cue_version",
    "extract_features",
    "load_cues",
]
