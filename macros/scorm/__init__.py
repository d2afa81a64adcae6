"""For trainers: module catalogue, printable answer keys and one SCORM 1.2 package per module."""

from __future__ import annotations

from .macros import register_trainer_macros, write_scorm_packages
from .package import PackageBuilder, worst_suspend_data

__all__ = ["PackageBuilder", "register_trainer_macros", "worst_suspend_data", "write_scorm_packages"]
