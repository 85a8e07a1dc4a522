"""The push's CPU split into steps: each step's own time, adding up to the whole."""

from __future__ import annotations

import time
from types import SimpleNamespace

from tests.benchmarks import push_phases
from tests.benchmarks.push_phases import OTHER, Phases


def _spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_a_step_is_charged_its_own_time_not_its_callees():
    owner = SimpleNamespace()
    owner.inner = lambda: _spin(0.05)

    def outer() -> None:
        _spin(0.03)
        owner.inner()

    owner.outer = outer
    phases = Phases()
    undo = [phases.wrap(owner, "outer", "outer"), phases.wrap(owner, "inner", "inner")]
    with phases.whole():
        _spin(0.02)
        owner.outer()
    for put_back in reversed(undo):
        put_back()
    assert owner.outer is outer  # put back
    assert abs(phases.own["inner"] - 0.05) < 0.01, phases.own
    assert abs(phases.own["outer"] - 0.03) < 0.01, phases.own
    assert abs(phases.own[OTHER] - 0.02) < 0.01, phases.own


def test_a_real_push_splits_into_the_named_steps():
    found = push_phases.measure(records=60, batch=20, warm=0)
    assert found["pushes"] == 3
    steps = found["steps_ms_per_push"]
    assert abs(sum(steps.values()) - found["ms_per_push"]) < 0.05 * found["ms_per_push"]
    for _path, _name, label in push_phases.STEPS:
        assert steps.get(label, 0) > 0, (label, steps)
