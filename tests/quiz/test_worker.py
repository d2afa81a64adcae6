"""The quiz job: stages run in a forked process (or here) and errors come back as raised.

A site built with the worker is byte for byte the site built without it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import Server, build
from mkdocs.exceptions import PluginError

from macros.errors import ContentError
from macros.quiz import worker
from macros.quiz.worker import QuizJob, parallel_possible


def _pids(released) -> Iterator[int]:
    yield os.getpid()
    yield os.getpid()


@pytest.mark.parametrize("parallel", [True, False], ids=["worker", "here"])
def test_stages_run_in_a_second_process_only_with_the_worker(parallel: bool) -> None:
    job = QuizJob(_pids, parallel=parallel)
    assert job.parallel is parallel
    first, second = job.result(0), job.result(1)
    assert first == second
    assert (first != os.getpid()) is parallel
    assert job.result(0) == first, "a result is kept, not asked for again"


def _gated(released) -> Iterator[str]:
    yield "vóór"
    released()
    yield "na"


def test_the_worker_goes_on_without_being_asked_but_waits_where_it_must_be_released(tmp_path: Path) -> None:
    marker = tmp_path / "klaar"

    def work(released) -> Iterator[str]:
        yield "een"
        yield "twee"
        marker.write_text("x", encoding="utf-8")  # the worker got here without result(1) asked
        released()
        yield "drie"

    job = QuizJob(work, parallel=True)
    assert job.result(0) == "een"
    for _ in range(500):
        if marker.exists():
            break
        threading.Event().wait(0.01)
    assert marker.exists(), "the worker went on with the next stage without waiting to be asked"
    assert job.result(1) == "twee"
    assert not job._inbox.poll(0.3), "it waits at released() until the parent releases it"
    job.release()
    assert job.result(2) == "drie"
    serial = QuizJob(_gated, parallel=False)
    assert [serial.result(0), serial.result(1)] == ["vóór", "na"]


def _content_error(released) -> Iterator[int]:
    yield 1
    raise ContentError("docs/_data/quiz/x.yml", 12, "items[0].type: onbekend vraagtype 'zin'", "x-1")


@pytest.mark.parametrize("parallel", [True, False], ids=["worker", "here"])
def test_a_content_error_keeps_its_file_line_and_item(parallel: bool) -> None:
    job = QuizJob(_content_error, parallel=parallel)
    assert job.result(0) == 1
    with pytest.raises(ContentError) as caught:
        job.result(1)
    assert str(caught.value) == "docs/_data/quiz/x.yml:12: [item x-1] items[0].type: onbekend vraagtype 'zin'"
    assert (caught.value.path, caught.value.line, caught.value.item_id) == ("docs/_data/quiz/x.yml", 12, "x-1")


def _crash(released) -> Iterator[int]:
    raise RuntimeError("kapot")
    yield 0  # pragma: no cover - makes this a generator


def test_a_crash_in_the_worker_stops_the_build_with_its_traceback() -> None:
    job = QuizJob(_crash, parallel=True)
    with pytest.raises(PluginError) as caught:
        job.result(0)
    assert "RuntimeError: kapot" in str(caught.value)
    assert "_crash" in str(caught.value), "the traceback names where it happened"


def _sends_then_crashes(released) -> Iterator[int]:
    yield 1
    raise RuntimeError("na de eerste")


def test_releasing_a_worker_that_has_ended_leaves_the_error_to_result() -> None:
    job = QuizJob(_sends_then_crashes, parallel=True)
    assert job.result(0) == 1
    job._process.join(10)  # it has sent everything and ended
    job.release()  # no BrokenPipeError here
    with pytest.raises(PluginError, match="RuntimeError: na de eerste"):
        job.result(1)


def _dies(released) -> Iterator[int]:
    os._exit(3)
    yield 0  # pragma: no cover


def test_a_worker_that_dies_stops_the_build() -> None:
    job = QuizJob(_dies, parallel=True)
    with pytest.raises(PluginError, match=r"exitcode 3"):
        job.result(0)


def test_a_new_build_stops_the_job_of_a_build_that_failed_elsewhere(tmp_path: Path) -> None:
    def forever(released) -> Iterator[int]:
        threading.Event().wait(60)
        yield 0

    old = worker.start(forever, tmp_path, parallel=True).job
    try:
        assert old.parallel
        worker.start(_pids, tmp_path, parallel=False)
        assert not old._process.is_alive()
    finally:
        worker._active = None


def test_a_failed_build_stops_the_worker_and_takes_its_zips_away(tmp_path: Path) -> None:
    site = tmp_path / "site"
    zips = site / "downloads" / "scorm"

    def writes_then_waits(released) -> Iterator[int]:
        yield 0
        released()  # on_files: the site directory is ready
        zips.mkdir(parents=True)
        (zips / "module.zip").write_bytes(b"PK")
        yield 1
        threading.Event().wait(60)  # still at work when the build fails
        yield 2

    quiz_build = worker.start(writes_then_waits, site, parallel=True)
    try:
        assert quiz_build.job.result(0) == 0
        assert not quiz_build.job._inbox.poll(0.3), "nothing is written before on_files releases the worker"
        assert not zips.exists()
        worker.release_active()
        assert quiz_build.job.result(1) == 1
        assert (zips / "module.zip").is_file()
        worker.discard_active()  # the build failed
        assert not quiz_build.job._process.is_alive()
        assert not (site / "downloads").exists()
        assert site.is_dir(), "the site directory itself stays"
        worker.discard_active()  # a second failure report finds nothing to do
    finally:
        worker._active = None


def test_the_worker_is_used_only_where_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    # A test server of another test in this process may still run a thread: then never.
    alone = threading.active_count() == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    monkeypatch.delenv(worker.SWITCH, raising=False)
    assert not parallel_possible(), "one CPU: not worth a second process"
    monkeypatch.setenv(worker.SWITCH, "1")
    assert parallel_possible() is alone, "=1 asks for it even on one CPU"
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.delenv(worker.SWITCH)
    assert parallel_possible() is alone, "two CPUs: by default"
    monkeypatch.setenv(worker.SWITCH, "0")
    assert not parallel_possible()
    monkeypatch.setenv(worker.SWITCH, "1")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not parallel_possible(), "never fork a process that runs another thread (mkdocs serve)"
    finally:
        stop.set()
        other.join()


def test_the_site_is_the_same_with_and_without_the_worker(quiz_site: Path, quiz_server: Server, tmp_path: Path) -> None:
    """The session's fixture site (built with the worker) against the same project built without it."""
    out = tmp_path / "site-0"
    project = quiz_site.parent / "project"
    result = build(project, out, site_url=quiz_server.url, env={worker.SWITCH: "0"})
    assert result.returncode == 0, result.stderr
    sites = {
        switch: {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
        for switch, site in (("1", quiz_site), ("0", out))
    }
    assert sites["1"].keys() == sites["0"].keys()
    different = [str(p) for p in sites["1"] if sites["1"][p] != sites["0"][p]]
    assert not different, f"differ between the two builds: {different}"
    packages = [p for p in sites["1"] if p.suffix == ".zip"]
    pages = [p for p in sites["1"] if b'data-quiz-module="' in sites["1"][p]]
    assert len(packages) >= 2 and len(pages) >= 2, "the fixture site has quiz pages and packages to compare"


def test_a_failed_build_leaves_zips_it_cannot_have_written(tmp_path: Path) -> None:
    """In one process the zips are written only when asked for; a --dirty build keeps the last ones."""
    zips = tmp_path / "site" / "downloads" / "scorm"
    zips.mkdir(parents=True)
    (zips / "vorige.zip").write_bytes(b"PK")
    worker.start(_pids, tmp_path / "site", parallel=False)
    try:
        worker.release_active()  # on_files
        worker.discard_active()  # the build failed before on_post_build
        assert (zips / "vorige.zip").is_file()
    finally:
        worker._active = None


def test_asking_for_the_zips_releases_a_worker_that_on_files_never_released(tmp_path: Path) -> None:
    """A config without macros/hooks.py never calls on_files: the build must not wait forever."""

    def stages(released) -> Iterator[list[str]]:
        yield []  # the module ids: none
        released()
        yield ["zips"]

    quiz_build = worker.start(stages, tmp_path, parallel=True)
    try:
        found: list[object] = []
        asking = threading.Thread(target=lambda: found.append(quiz_build.packages()), daemon=True)
        asking.start()
        asking.join(10)
        assert found == [["zips"]], "packages() waited for a release that never came"
    finally:
        quiz_build.job.close()
        worker._active = None
