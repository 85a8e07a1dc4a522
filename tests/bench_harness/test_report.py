"""The bench table says when a row measured nothing, instead of a verdict."""

from __future__ import annotations

import math

from tests.benchmarks.report import Row, table


def test_a_row_with_nothing_measured_says_so_in_the_table():
    cached = Row("caseload demo build rate (100k)", math.nan, math.nan, "/s", 1.0, None, "", True)
    line = table([cached]).splitlines()[2]
    assert "| not measured |" in line and "PASS" not in line
