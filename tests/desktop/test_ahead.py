"""An iterator run ahead on a thread (desktop/ahead.py): what the sync's change feed
relies on — order, a failure raised in its place, a cancel while waiting, and a reader
that stops early stopping the thread."""

from __future__ import annotations

import threading
import time

import pytest

from desktop.ahead import Ahead


def test_items_arrive_in_order_and_produced_on_another_thread():
    threads = []

    def items():
        for number in range(50):
            threads.append(threading.current_thread())
            yield number

    with Ahead(items(), depth=3) as ahead:
        assert list(ahead) == list(range(50))
    assert threading.current_thread() not in threads
    assert list(ahead) == []  # finished: nothing more


def test_a_failure_is_raised_in_the_items_place_after_the_items_before_it():
    def items():
        yield 1
        yield 2
        raise ValueError("page 3 is malformed")

    seen = []
    with Ahead(items()) as ahead, pytest.raises(ValueError, match="page 3 is malformed"):
        for item in ahead:
            seen.append(item)
    assert seen == [1, 2]


def test_the_readers_wait_runs_its_check_which_may_cancel():
    release = threading.Event()

    def items():
        release.wait(5)
        yield "late"

    class Cancelled(Exception):
        pass

    checks = []

    def waiting():
        checks.append(1)
        if len(checks) >= 3:
            cancelled_after.append(time.monotonic() - started)
            release.set()  # the producer's own wait ends: closing joins its thread
            raise Cancelled

    cancelled_after: list[float] = []
    started = time.monotonic()
    with pytest.raises(Cancelled), Ahead(items(), waiting=waiting) as ahead:
        next(ahead)
    assert len(checks) == 3
    assert cancelled_after[0] < 4  # cancelled while waiting, not after the item


def test_a_reader_that_stops_early_stops_the_thread_and_closes_the_items():
    produced = []
    closed = threading.Event()

    def items():
        try:
            for number in range(1_000_000):
                produced.append(number)
                yield number
        finally:
            closed.set()

    with Ahead(items(), depth=2, name="ahead-test") as ahead:
        assert next(ahead) == 0
    assert closed.wait(2)
    assert len(produced) <= 5  # the one read, those waiting, the one being handed over
    assert not any(t.name == "ahead-test" for t in threading.enumerate())


def test_ready_says_whether_next_would_wait():
    """The pull keeps a transaction open for the next page only when it is here."""
    release = threading.Event()

    def items():
        yield 1
        release.wait(10)
        yield 2

    with Ahead(items()) as ahead:
        deadline = time.monotonic() + 10
        while not ahead.ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert ahead.ready()
        assert next(ahead) == 1
        time.sleep(0.2)
        assert not ahead.ready()  # the producer is held before item 2
        release.set()
        while not ahead.ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert next(ahead) == 2
        while not ahead.ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert ahead.ready()  # the end is here too
        assert list(ahead) == []
