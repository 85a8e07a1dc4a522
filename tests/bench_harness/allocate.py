"""``python -m tests.bench_harness.allocate MB``: holds MB of touched memory, then exits."""

import sys

held = bytearray(int(sys.argv[1]) * 1024 * 1024)  # zero-filled: every page written
print(len(held))
