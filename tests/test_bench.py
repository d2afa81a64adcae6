"""The benchmark's generated sites stay buildable: ``make bench`` must not find out first.

``bench/quiz_build.py`` generates sites from the real project (its mkdocs.yml, macros and
templates) with every question type; a change to the project that breaks them would only
show when someone runs the benchmark. Here a small one is built as the benchmark builds it.
"""

from __future__ import annotations

import sys
import zipfile

from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import quiz_build


def test_generated_sites_build_strictly_with_every_question(tmp_path):
    quiz = quiz_build.make_site(tmp_path / "quiz", pages=2, questions=20)
    free = quiz_build.make_site(tmp_path / "free", pages=2, questions=0)
    cpu, _ = quiz_build.build_cpu(quiz, tmp_path / "out-quiz")
    cpu_free, _ = quiz_build.build_cpu(free, tmp_path / "out-free")
    assert cpu > 0 and cpu_free > 0
    items = 0
    for n in range(2):
        page = (tmp_path / "out-quiz" / f"p{n:04d}" / "index.html").read_text(encoding="utf-8")
        items += page.count('class="qk-quiz-item"')
        assert "qk-quiz-item" not in (tmp_path / "out-free" / f"p{n:04d}" / "index.html").read_text(encoding="utf-8")
        with zipfile.ZipFile(tmp_path / "out-quiz" / "downloads" / "scorm" / f"m{n:04d}.zip") as package:
            assert "imsmanifest.xml" in package.namelist()
    assert items == 20
    # Every question type of the engine is in the mix.
    from quizkit.models import ITEM_TYPES

    assert {item.split("type: ")[1].split("\n")[0] for item in quiz_build.ITEMS} == set(ITEM_TYPES)


def test_floor_build_writes_the_quiz_pages_without_quiz_work(tmp_path):
    # The floor splits the cost per question: it must write exactly the quiz build's pages
    # (else its "rest of the build" measures other pages) and do none of the engine's work.
    quiz = quiz_build.make_site(tmp_path / "quiz", pages=2, questions=20)
    free = quiz_build.make_site(tmp_path / "free", pages=2, questions=0)
    quiz_build.build_cpu(quiz, tmp_path / "pages")
    floor = quiz_build.floor_copy(free, tmp_path / "pages", tmp_path / "floor")
    quiz_build.build_cpu(floor, tmp_path / "out-floor")
    for n in range(2):
        page = f"p{n:04d}/index.html"
        written = (tmp_path / "out-floor" / page).read_text(encoding="utf-8")
        assert written == (tmp_path / "pages" / page).read_text(encoding="utf-8")
        assert written.count('class="qk-quiz-item"') == 10
    # No package and no Moodle question: the engine had no bank to work on.
    downloads = tmp_path / "out-floor" / "downloads"
    assert not list(downloads.rglob("*.zip"))
    assert "<question" not in (downloads / "moodle" / "alle-modules.xml").read_text(encoding="utf-8")
    assert list((tmp_path / "pages" / "downloads").rglob("*.zip"))


def test_library_share_times_the_texts_the_engine_converts(tmp_path):
    # The libraries' share of the budget is only as good as the list of texts: what the engine
    # sent to Python-Markdown for the quizzes in a build, less what the same pages without
    # quizzes send too; and the engine is left as it was.
    from quizkit.markdown import MarkdownRenderer

    block = MarkdownRenderer.block
    quiz = quiz_build.make_site(tmp_path / "quiz", pages=2, questions=20)
    free = quiz_build.make_site(tmp_path / "free", pages=2, questions=0)
    with quiz_build.converted_texts() as without:
        quiz_build.build_cpu(free, tmp_path / "out-free")
    assert MarkdownRenderer.block is block
    # The citations of the sources page are converted with or without quizzes: not the quizzes'.
    assert [text for text in without if "Zorgstandaard SOLK" in text]
    texts = quiz_build.quiz_texts(quiz, free, tmp_path / "out-quiz", tmp_path / "out-free-2")
    assert MarkdownRenderer.block is block
    assert not [text for text in texts if "Zorgstandaard SOLK" in text]
    # Texts with emphasis need Markdown; plain sentences (a statement without markup) do not.
    assert "Vraag m0000-q00 met **nadruk**?" in texts
    assert "Stelling **twee** bij m0000-q02" in texts
    assert not any(text.startswith("Stelling een bij") for text in texts)
    seconds = quiz_build.library_cpu(quiz, texts, repeats=1)
    assert set(seconds) == {"yaml", "markdown"}
    assert seconds["yaml"] > 0 and seconds["markdown"] > 0
