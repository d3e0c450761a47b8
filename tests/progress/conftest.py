"""The progress tests import their helpers (``progress_support``, ``progress_strategies``) from this folder."""

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
