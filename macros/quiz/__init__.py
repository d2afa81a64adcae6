"""Quizzes: question banks in ``docs/_data/quiz/``, validated, rendered and checked in the browser."""

from __future__ import annotations

from .bank import QuizBanks, load_bank, load_quiz_banks
from .render import QuizRenderer, Strings

__all__ = ["QuizBanks", "QuizRenderer", "Strings", "load_bank", "load_quiz_banks"]
