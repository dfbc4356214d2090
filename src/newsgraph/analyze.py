"""``analyze(article) -> Analysis`` with the pipeline of ``pipeline.make_nlp``; ``analyze_many`` runs
it over many articles, each bounded in time and memory, so that an article that fails becomes a
one-line ``Problem`` and the others go on."""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import islice
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.ingest.dates import published_date
from newsgraph.ingest.files import size_text
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.model import Analysis, Article
from newsgraph.pipeline import ANALYSIS_COMPONENTS, Settings, knowledge_base, make_nlp
from newsgraph.problems import Problem

BATCH_SIZE = 32
DEFAULT_TIME_LIMIT = 60.0  # seconds for one article; long news stories take well under one
DEFAULT_MEMORY_LIMIT = 2 << 30  # bytes one article may add to the loaded pipeline's address space
PARENT_CHECK_SECONDS = 0.5  # how often a worker process looks whether its parent is still there
PR_SET_PDEATHSIG = 1  # linux/prctl.h

Outcome = Analysis | Problem  # what analysing one article gives
T = TypeVar("T")


class BadArticle(ValueError):
    """An article record that cannot be analysed (say, an invalid publication date)."""


class TimeLimitExceeded(Exception):
    """One article's analysis ran past its time limit."""


@dataclass(frozen=True)
class Limits:
    """Bounds on analysing one article: wall-clock seconds, and bytes of memory on top of what the
    process already uses (None: unbounded)."""

    seconds: float | None = DEFAULT_TIME_LIMIT
    memory: int | None = DEFAULT_MEMORY_LIMIT


NO_LIMITS = Limits(None, None)


def parse_published(value: str | None) -> date | None:
    """The day a publication date names (see ``ingest.dates``); None stays None."""
    if not value:
        return None
    try:
        return published_date(value)
    except ValueError as exc:
        raise BadArticle(str(exc)) from exc


def failure(article: Article, reason: str) -> Problem:
    """The one-line record of an article that could not be analysed."""
    return Problem(f"article {article.id}" + (f" ({article.url})" if article.url else ""), reason)


def failure_reason(exc: BaseException, limits: Limits) -> str:
    """Why an article's analysis failed, in one line."""
    if isinstance(exc, TimeLimitExceeded):
        return f"analysis stopped after the {limits.seconds:g}-second time limit for one article"
    if isinstance(exc, MemoryError):
        bound = f"the {size_text(limits.memory)} memory limit" if limits.memory else "the memory available"
        return f"analysis stopped: it needed more than {bound} for one article"
    return f"analysis failed: {type(exc).__name__}: {exc}"


@contextmanager
def bounded(limits: Limits) -> Iterator[None]:
    """Within: SIGALRM after ``limits.seconds`` raises TimeLimitExceeded, and the address space may
    grow by ``limits.memory`` bytes (then MemoryError). Only in the main thread, where signals arrive."""
    with _deadline(limits.seconds), _memory_bound(limits.memory):
        yield


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    if not seconds:
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise TimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _memory_bound(extra: int | None) -> Iterator[None]:
    if not extra:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    bound = _address_space() + extra
    if hard != resource.RLIM_INFINITY:
        bound = min(bound, hard)
    resource.setrlimit(resource.RLIMIT_AS, (bound, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    """Bytes of virtual memory this process has mapped now (Linux ``/proc/self/statm``)."""
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def guarded(article: Article, limits: Limits, work: Callable[[], Analysis]) -> Outcome:
    """``work()`` within the limits, or the Problem saying why it failed."""
    try:
        with bounded(limits):
            return work()
    except Exception as exc:  # noqa: BLE001 - whatever an extractor raises, only this article is lost
        return failure(article, failure_reason(exc, limits))


class Pipeline:
    """The pipeline of ``make_nlp(settings)``, ready to analyse articles: spaCy parses them in
    batches, then newsgraph's components run over each parsed document on its own (so that each
    article can be bounded in time and memory, and fail alone)."""

    def __init__(self, settings: Settings = Settings()):
        self.settings = settings
        self.nlp: Language = make_nlp(settings)
        self.components = [(name, component) for name, component in self.nlp.pipeline if name in ANALYSIS_COMPONENTS]

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base actors are linked with (the shipped one plus ``settings.kb_files``)."""
        return knowledge_base(self.nlp)

    def parse(self, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        """The texts through spaCy's part of the pipeline (``nlp.pipe`` without newsgraph's analysis)."""
        return self.nlp.pipe(texts, batch_size=batch_size, disable=ANALYSIS_COMPONENTS)

    def analyze_parsed(self, doc: Doc, article: Article) -> Analysis:
        """Run newsgraph's components over the parsed ``doc`` of ``article``, on its publication date."""
        doc._.published = parse_published(article.published)
        # Called one by one rather than through nlp(doc): spaCy would turn a component's KeyError
        # into its "component not initialised" error, hiding what failed.
        for _name, component in self.components:
            doc = component(doc)
        return Analysis.from_doc(doc, article)

    def analyze(self, article: Article) -> Analysis:
        """Analyse one article (exceptions propagate: the Python API)."""
        return self.analyze_parsed(self.nlp(article.text, disable=ANALYSIS_COMPONENTS), article)

    def analyze_batch(self, articles: Sequence[Article], limits: Limits = NO_LIMITS) -> list[Outcome]:
        """Analyse articles, parsed in one ``nlp.pipe`` batch, in order, each within ``limits``; a
        failing article is a Problem. If parsing the batch fails, the rest are parsed one by one."""
        docs = self.parse(a.text for a in articles)
        outcomes: list[Outcome] = []
        for article in articles:
            try:
                with bounded(limits):
                    doc = next(docs)
            except Exception:  # noqa: BLE001 - the batch's parse failed; find the article that fails
                return outcomes + [self.analyze_alone(a, limits) for a in articles[len(outcomes) :]]
            outcomes.append(guarded(article, limits, partial(self.analyze_parsed, doc, article)))
        return outcomes

    def analyze_alone(self, article: Article, limits: Limits) -> Outcome:
        """Parse and analyse one article within ``limits``."""
        return guarded(article, limits, lambda: self.analyze(article))


_worker: Pipeline | None = None
_worker_limits: Limits = NO_LIMITS


def _init_worker(settings: Settings, limits: Limits, parent: int, death_signal: bool) -> None:
    """Set up a worker process: die with the parent, load (or keep the forked) pipeline."""
    global _worker_limits
    _die_with_parent(parent, death_signal)
    _worker_limits = limits
    _pipeline(settings)


def _die_with_parent(parent: int, death_signal: bool) -> None:
    """Exit when the parent process is gone (even killed with SIGKILL): the kernel's parent-death
    signal where asked for (Linux), and a thread that watches the parent id either way."""
    if death_signal and sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="newsgraph-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        threading.Event().wait(PARENT_CHECK_SECONDS)
    os._exit(1)


def _work(batch: list[Article]) -> list[Outcome]:
    assert _worker is not None, "worker not initialised"
    return _worker.analyze_batch(batch, _worker_limits)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def analyze(article: Article, settings: Settings = Settings()) -> Analysis:
    """Analyse one article with the default (or given) model and knowledge base."""
    return _pipeline(settings).analyze(article)


def _pipeline(settings: Settings) -> Pipeline:
    global _worker
    if _worker is None or _worker.settings != settings:
        _worker = Pipeline(settings)
    return _worker


def analyze_many(
    articles: Iterable[Article], jobs: int = 1, settings: Settings = Settings(), limits: Limits = Limits()
) -> Iterator[Outcome]:
    """Analyse articles in order, in ``jobs`` processes; the result equals a one-process run.

    Each article is an Analysis, or a Problem when its analysis raised or ran past ``limits``.
    Off the main thread (where no signal can stop it) the analysis runs in a worker process.
    """
    if jobs <= 1 and threading.current_thread() is threading.main_thread():
        pipeline = _pipeline(settings)
        for batch in _batches(articles, BATCH_SIZE):
            yield from pipeline.analyze_batch(batch, limits)
        return
    with WorkerPool(jobs, settings, limits) as pool:
        yield from pool.analyze(articles)


class WorkerPool:
    """Worker processes that analyse batches of articles, in order. A worker that dies (killed for
    memory, crashed) costs only its article: that batch is rerun one article at a time in a fresh pool."""

    def __init__(self, jobs: int, settings: Settings = Settings(), limits: Limits = Limits()):
        self.jobs = max(1, jobs)
        self.settings = settings
        self.limits = limits
        self._executor = self._start()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Every article's outcome, in input order, with a bounded number of batches in flight."""
        batches = _batches(articles, BATCH_SIZE // 2)
        pending: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()
        while True:
            while len(pending) < 2 * self.jobs and (batch := next(batches, None)) is not None:
                pending.append((batch, self._executor.submit(_work, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                waiting = [queued for queued, _ in pending]
                pending.clear()
                self._restart()
                outcomes = [self._analyze_alone(article) for article in batch]
                pending.extend((queued, self._executor.submit(_work, queued)) for queued in waiting)
            yield from outcomes

    def _analyze_alone(self, article: Article) -> Outcome:
        """One article in a worker of its own batch; a dead worker makes it the culprit."""
        try:
            return self._executor.submit(_work, [article]).result()[0]
        except BrokenProcessPool:
            self._restart()
            return failure(article, "the analysis process died (killed, or out of memory) on this article")

    def _start(self) -> ProcessPoolExecutor:
        on_main_thread = threading.current_thread() is threading.main_thread()
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            initializer=_init_worker,
            initargs=(self.settings, self.limits, os.getpid(), on_main_thread),
        )

    def _restart(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()
