"""Quiz modules are built beside the pages, in a second process.

Loading the question banks, rendering every module and packing the SCORM zips does not depend
on anything MkDocs does with the pages. So when the build starts (``define_env``) the macros
fork a process that does exactly that, while this process reads and converts the pages. The
pages only hold a placeholder for each quiz (``stash.py``); the results are picked up:

- before the first page is written (``on_env``): every bank checked, or the build stops with
  the bank's ``file:line: [item] message``, as it would without a worker;
- when a page is written (``on_post_page``): its module's HTML goes into its placeholder (the
  worker sends each module as soon as it is rendered);
- after the build (``on_post_build``): the SCORM zips. The worker writes them once MkDocs has
  emptied the site directory (it is told so at ``on_files``), mostly while MkDocs still
  converts pages rather than writing them, so that the two seldom write files at the same time.

A build that fails takes its zips away again: at ``on_build_error``, and, for a build that
mkdocs-macros ends with ``exit()`` (which MkDocs does not report there), as the process ends.

The second process exists only where it is safe and useful: a platform that can fork, more
than one CPU and no other thread in this process (the rebuilds of ``mkdocs serve``, which runs
a server thread by then, are done here). Else,
and with ``HALK_QUIZ_WORKER=0``, the same stages run here, each when its result is first needed
(``HALK_QUIZ_WORKER=1`` asks for the worker even on one CPU). The output is the same either way;
a test compares the two builds byte for byte.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import queue
import shutil
import threading
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from ..errors import ContentError
from .bank import load_quiz_banks
from .render import QuizRenderer

# HALK_QUIZ_WORKER=0: build the quizzes in the MkDocs process itself; =1: in a worker if safe.
SWITCH = "HALK_QUIZ_WORKER"

# A generator function of the work, given a function that waits until the parent releases it.
Stages = Callable[[Callable[[], None]], Iterator[Any]]


def parallel_possible() -> bool:
    """Whether a forked worker is safe here and worth it.

    ``HALK_QUIZ_WORKER=0`` turns it off and ``=1`` asks for it even on a single CPU; it is
    never used where forking is not safe.
    """
    switch = os.environ.get(SWITCH, "")
    safe = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    useful = switch == "1" or (switch != "0" and (os.cpu_count() or 1) > 1)
    return safe and useful


class QuizJob:
    """Runs ``stages`` (a generator function) in a forked process, or here when that is not possible.

    ``result(n)`` is what the generator yielded ``n``-th; it waits for it if needed. The worker
    does not wait for the parent to ask: it goes on with the next result at once. Only where the
    generator calls the function it is given does it wait until the parent calls :meth:`release`.
    An error comes out of ``result`` as it was raised: a :class:`ContentError` keeps its file,
    line and item id.
    """

    def __init__(self, stages: Stages, parallel: bool | None = None):
        self._results: list[Any] = []
        self._process: Any = None
        self._closed = False
        if parallel is None:
            parallel = parallel_possible()
        if parallel:
            context = multiprocessing.get_context("fork")
            self._inbox, results_end = context.Pipe(duplex=False)
            gate_end, self._gate = context.Pipe(duplex=False)
            self._process = context.Process(
                target=_run, args=(stages, results_end, gate_end), name="halk-quiz", daemon=True
            )
            self._process.start()
            results_end.close()
            gate_end.close()
        else:
            self._here = stages(lambda: None)

    @property
    def parallel(self) -> bool:
        """True when the stages run in a second process."""
        return self._process is not None

    def result(self, number: int) -> Any:
        """The ``number``-th result (0-based)."""
        while len(self._results) <= number:
            self._results.append(self._receive() if self._process is not None else next(self._here))
        return self._results[number]

    def release(self) -> None:
        """Let the worker go on where it waits for this process."""
        if self._process is not None and not self._gate.closed:
            with contextlib.suppress(OSError):  # the worker has ended; result() tells why
                self._gate.send(True)
            self._gate.close()

    def _receive(self) -> Any:
        try:
            kind, payload = self._inbox.recv()
        except EOFError:
            self._process.join(5)
            raise PluginError(
                f"quiz: het bouwproces voor de quizmodules stopte zonder resultaat (exitcode {self._process.exitcode})"
            ) from None
        if kind == "error":
            raise ContentError(*payload)
        if kind == "crash":
            raise PluginError(f"quiz: fout in het bouwproces voor de quizmodules:\n{payload}")
        return payload

    def close(self, wait: float = 0) -> None:
        """End the worker: wait ``wait`` seconds for it to end, then stop it."""
        if self._process is not None and not self._closed:
            self._closed = True
            self._process.join(wait)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(5)


def _run(stages: Stages, results: Connection, gate: Connection) -> None:
    """The worker: send every result; a content error or a crash is sent and ends the work.

    Results go out through a queue and a sending thread, so that the work never waits for the
    parent to read (a pipe holds only so much).
    """
    outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(outbox, results), daemon=True)
    sender.start()
    try:
        for result in stages(gate.recv):
            outbox.put(("ok", result))
    except EOFError:  # the parent is gone or no longer waits
        pass
    except ContentError as exc:
        outbox.put(("error", (exc.path, exc.line, exc.detail, exc.item_id)))
    except BaseException:  # reported in the parent, which stops the build
        outbox.put(("crash", traceback.format_exc()))
    finally:
        outbox.put(None)
        sender.join()
        results.close()


def _send_all(outbox: queue.SimpleQueue[Any], results: Connection) -> None:
    try:
        for message in iter(outbox.get, None):
            results.send(message)
    except OSError:  # the parent is gone
        pass


class QuizBuild:
    """The quiz job of a build, with the meaning of its results (see :func:`quiz_stages`)."""

    def __init__(self, job: QuizJob, site_dir: Path):
        self.job = job
        self.site_dir = site_dir
        self.finished = False
        # From when the stages may write zips: the worker once released, the stages run here
        # once the zips are asked for.
        self.writing = False

    def module_ids(self) -> list[str]:
        """The ids of the modules, once every bank is checked (a mistake stops the build here)."""
        return self.job.result(0)

    def checked(self) -> None:
        """Wait until every bank is checked (a mistake stops the build here)."""
        self.module_ids()

    def module_html(self, module_id: str) -> str:
        """The rendered module (sources link still a placeholder, see :func:`with_sources_link`)."""
        found, html = self.job.result(1 + self.module_ids().index(module_id))
        assert found == module_id, f"quiz job sent module {found} for {module_id}"
        return html

    def packages(self) -> list[Path]:
        """The SCORM zips, once written: the last result, after which the worker ends.

        The worker is released here too, in case ``on_files`` never did (a config without
        ``macros/hooks.py``): else both processes would wait for each other.
        """
        self.writing = True
        self.job.release()
        paths = self.job.result(1 + len(self.module_ids()))
        self.job.close(wait=5)
        self.finished = True
        return paths


def quiz_stages(site: Any, root: Path, quiz_dir: Path, site_dir: Path) -> Stages:
    """The work of a build, in the order :class:`QuizBuild` reads it.

    First the ids of the modules, once every bank and every SCORM limit is checked; then each
    module's HTML as ``(id, html)``, in the order of the bank files; then, once released (the
    site directory is ready), the paths of the SCORM zips written under ``site_dir``.
    """

    def stages(released: Callable[[], None]) -> Iterator[Any]:
        from ..scorm.package import PackageBuilder, write_packages  # the SCORM package imports the quiz engine

        banks = load_quiz_banks(quiz_dir, root, site.bib)
        renderer = QuizRenderer(site, banks)
        builder = PackageBuilder(site, banks, renderer)
        for module in banks.modules.values():
            builder.check_suspend_data(module)
        yield list(banks.modules)
        for module_id in banks.modules:
            yield module_id, renderer.module_html(module_id)
        packages = {module_id: builder.package(module) for module_id, module in banks.modules.items()}
        released()
        yield write_packages(packages, site_dir)

    return stages


_active: QuizBuild | None = None
_checked_at_exit = False


def start(stages: Stages, site_dir: Path, parallel: bool | None = None) -> QuizBuild:
    """Start this build's quiz job (stopping a previous build's job that is still running).

    ``site_dir``: where ``stages`` write the SCORM zips.
    """
    global _active, _checked_at_exit  # one build at a time, like the stash; see wait_for_active
    if _active is not None:
        _active.job.close()
    if not _checked_at_exit:
        atexit.register(_discard_unfinished)
        _checked_at_exit = True
    _active = QuizBuild(QuizJob(stages, parallel), site_dir)
    return _active


def release_active() -> None:
    """``on_files``: MkDocs has emptied the site directory; the worker may write into it."""
    if _active is not None:
        _active.writing = _active.writing or _active.job.parallel
        _active.job.release()


def wait_for_active() -> None:
    """``on_env``: wait until the running build's banks are checked; a mistake stops the build here."""
    if _active is not None:
        _active.checked()


def _discard_unfinished() -> None:
    """At exit: a build that ended before its zips were collected failed; take them away.

    For mkdocs-macros, which stops a build whose macro fails with ``exit()``: MkDocs never
    reports that to ``on_build_error``.
    """
    if _active is not None and not _active.finished:
        discard_active()


def discard_active() -> None:
    """``on_build_error``: stop the failed build's worker and take away any zip it wrote.

    Before the build can have written any (in one process: until the zips are asked for), the
    zips in the site directory are left alone: a ``--dirty`` build keeps the last build's.
    """
    from ..scorm.trainer import SCORM_ZIP  # the SCORM package imports the quiz engine

    global _active
    if _active is not None:
        build, _active = _active, None
        build.job.close()
        if build.writing:
            zips = (build.site_dir / SCORM_ZIP.format("_")).parent
            shutil.rmtree(zips, ignore_errors=True)
            with contextlib.suppress(OSError):  # only when nothing else is in it
                zips.parent.rmdir()
