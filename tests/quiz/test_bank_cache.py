"""The bank cache that lives across ``mkdocs serve`` rebuilds: it never serves a bank that changed."""

from __future__ import annotations

import os
from pathlib import Path

from examples import write_example_banks

from quizkit.bank import BankCache


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    folder = write_example_banks(tmp_path / "quiz")
    return folder, folder / "voorbeeld-keuze.yml"


def test_an_unchanged_bank_is_not_read_again(tmp_path: Path):
    folder, _ = _copy(tmp_path)
    cache = BankCache()
    first = cache.load(folder, tmp_path).modules["voorbeeld-keuze"]
    assert cache.load(folder, tmp_path).modules["voorbeeld-keuze"] is first


def test_an_edit_of_the_same_length_with_the_old_time_put_back_is_read(tmp_path: Path):
    # As cp -p, rsync -t or tar x leave a file: other text, the same size and modification time.
    folder, bank = _copy(tmp_path)
    cache = BankCache()
    stem = cache.load(folder, tmp_path).modules["voorbeeld-keuze"].items[0].stem
    before = bank.stat()
    text = bank.read_text(encoding="utf-8")
    edited = text.replace(stem, stem.swapcase(), 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    bank.write_text(edited, encoding="utf-8")
    os.utime(bank, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = bank.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert cache.load(folder, tmp_path).modules["voorbeeld-keuze"].items[0].stem == stem.swapcase()
