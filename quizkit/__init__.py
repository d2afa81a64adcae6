"""quizkit: self-check quizzes from YAML question banks, for MkDocs and for LMSs.

The core (models, banks, rendering, SCORM packages) needs no MkDocs; ``quizkit.plugin`` is the
MkDocs plugin and the mkdocs-macros glue; ``python -m quizkit`` checks banks and writes
packages from the command line.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
# The interface strings, one file per language (read by render.Strings and models).
LOCALES_DIR = PACKAGE_DIR / "locales"
__version__ = "1.0.0"
