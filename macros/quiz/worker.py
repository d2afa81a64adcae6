"""Quiz modules are built beside the pages, in a second process.

Loading the question banks, rendering every module and packing the SCORM zips does not depend
on anything MkDocs does with the pages. So when the build starts (``define_env``) the macros
fork a process that does exactly that, while this process reads and converts the pages. The
pages only hold a placeholder for each quiz (``stash.py``); the results are picked up:

- before the first page is written (``on_env``): every bank checked and every module rendered,
  or the build stops with the bank's ``file:line: [item] message``, as it would without a worker;
- when a page is written (``on_post_page``): its module's HTML goes into its placeholder;
- after the build (``on_post_build``): the SCORM zips are written.

The second process exists only where it is safe and useful: a platform that can fork, more
than one CPU and no other thread in this process (``mkdocs serve`` runs a server thread). Else,
and with ``HALK_QUIZ_WORKER=0``, the same stages run here, at the same moments
(``HALK_QUIZ_WORKER=1`` asks for the worker even on one CPU). The output is the
same either way; a test compares the two builds byte for byte.
"""

from __future__ import annotations

import multiprocessing
import os
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

Stages = Callable[[], Iterator[Any]]


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

    ``result(n)`` is what the ``n``-th stage yielded; it waits for it if needed. An error in a
    stage comes out of ``result`` as it was raised: a :class:`ContentError` keeps its file, line
    and item id.
    """

    def __init__(self, stages: Stages, parallel: bool | None = None):
        self._results: list[Any] = []
        self._process: Any = None
        self._pending: Iterator[Any] | None = None
        self._stages = stages
        if parallel is None:
            parallel = parallel_possible()
        if parallel:
            context = multiprocessing.get_context("fork")
            self._conn, child_end = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(stages, child_end), name="halk-quiz", daemon=True)
            self._process.start()
            child_end.close()

    @property
    def parallel(self) -> bool:
        """True when the stages run in a second process."""
        return self._process is not None

    def result(self, stage: int) -> Any:
        """The result of stage ``stage`` (0-based)."""
        while len(self._results) <= stage:
            self._results.append(self._receive() if self._process is not None else self._run_here())
        return self._results[stage]

    def _run_here(self) -> Any:
        if self._pending is None:
            self._pending = self._stages()
        return next(self._pending)

    def _receive(self) -> Any:
        try:
            kind, payload = self._conn.recv()
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

    def close(self) -> None:
        """Stop the worker if it still runs (a build that failed elsewhere)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join(5)


def _run(stages: Stages, conn: Connection) -> None:
    """The worker: send each stage's result; a content error or a crash ends the work."""
    try:
        for result in stages():
            conn.send(("ok", result))
    except ContentError as exc:
        conn.send(("error", (exc.path, exc.line, exc.detail, exc.item_id)))
    except BaseException:  # reported in the parent, which stops the build
        conn.send(("crash", traceback.format_exc()))
    finally:
        conn.close()


def quiz_stages(site: Any, root: Path, quiz_dir: Path) -> Iterator[Any]:
    """What the worker does: (0) load, check and render every module; (1) pack the SCORM zips.

    Stage 0 yields ``{module id: HTML}`` (the link to the sources page still a placeholder,
    see :meth:`QuizRenderer.module_html`), after checking everything that can stop the build,
    SCORM limits included. Stage 1 yields ``{module id: zip bytes}``.
    """
    from ..scorm.package import PackageBuilder  # the SCORM package imports the quiz engine

    banks = load_quiz_banks(quiz_dir, root, site.bib)
    renderer = QuizRenderer(site, banks)
    builder = PackageBuilder(site, banks, renderer)
    for module in banks.modules.values():
        builder.check_suspend_data(module)
    yield {module_id: renderer.module_html(module_id) for module_id in banks.modules}
    yield {module_id: builder.package(module) for module_id, module in banks.modules.items()}


_active: QuizJob | None = None


def start(stages: Stages, parallel: bool | None = None) -> QuizJob:
    """Start this build's quiz job (stopping a previous build's job that is still running)."""
    global _active  # one build at a time, like the stash; see wait_for_active
    if _active is not None:
        _active.close()
    _active = QuizJob(stages, parallel)
    return _active


def wait_for_active() -> None:
    """Wait for the running build's modules (``on_env``): a bank error stops the build here."""
    if _active is not None:
        _active.result(0)
