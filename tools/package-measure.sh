#!/usr/bin/env bash
# Measures the packaged app for docs/packaging.md, after `make package-deb`:
#   sizes: the bundle on disk, the .tar.gz and the .deb;
#   times (median of N runs, wall clock, offscreen):
#     frozen `caseload --self-test`, and the same from source for comparison,
#     frozen `caseload --version` (bootloader + interpreter + command line, no Qt),
#     frozen start to the first window (the login dialog over an existing database:
#     until the app logs "first window shown").
#
#     tools/package-measure.sh [RUNS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
PY="${PY:-.venv/bin/python}"
export QT_QPA_PLATFORM=offscreen

bundle=dist/caseload
version="$("$bundle/caseload" --version | awk '{print $2}')"
deb="dist/caseload_${version}_$(dpkg --print-architecture).deb"
tarball="dist/caseload-${version}-linux-$(uname -m).tar.gz"

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
echo "caseload $version, $(uname -m), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bundle on disk:  $(mb "$(du -sb "$bundle" | cut -f1)") ($(du -sh "$bundle" | cut -f1) allocated)"
echo ".tar.gz:         $(mb "$(stat -c %s "$tarball")")"
echo ".deb:            $(mb "$(stat -c %s "$deb")")"

"$PY" - "$runs" "$bundle/caseload" <<'PYEOF'
import os
import statistics
import subprocess
import sys
import tempfile
import time

runs, frozen = int(sys.argv[1]), sys.argv[2]
source = os.path.join(os.path.dirname(sys.executable), "caseload")


def env(home):
    e = {k: v for k, v in os.environ.items() if not k.startswith("CASELOAD_")}
    e.update(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config",
             XDG_CACHE_HOME=f"{home}/cache", QT_QPA_PLATFORM="offscreen")
    return e


def timed(cmd):
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            started = time.perf_counter()
            subprocess.run(cmd, env=env(home), check=True, capture_output=True)
            times.append(time.perf_counter() - started)
    return times


def first_window(cmd_prefix):
    times = []
    with tempfile.TemporaryDirectory() as home:
        data = f"{home}/caseload-data"
        e = env(home) | {"CASELOAD_PASSWORD": "measure start passphrase"}
        subprocess.run([*cmd_prefix, "--data-dir", data, "init", "--admin", "admin"],
                       env=e, check=True, capture_output=True)
        for _ in range(runs):
            started = time.perf_counter()
            proc = subprocess.Popen([*cmd_prefix, "-v", "--data-dir", data], env=env(home),
                                    stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
            for line in proc.stderr:
                if "first window shown" in line:
                    times.append(time.perf_counter() - started)
                    break
            else:
                raise SystemExit(f"no first window: exit {proc.wait()}")
            proc.terminate()
            proc.wait(timeout=30)
    return times


def report(label, times):
    shown = " ".join(f"{t:.2f}" for t in times)
    print(f"{label:<44} median {statistics.median(times):.2f} s  ({shown})")


report("frozen  caseload --self-test", timed([frozen, "--self-test"]))
report("source  caseload --self-test", timed([source, "--self-test"]))
report("frozen  caseload --version", timed([frozen, "--version"]))
report("frozen  caseload (to the login window)", first_window([frozen]))
report("source  caseload (to the login window)", first_window([source]))
PYEOF
