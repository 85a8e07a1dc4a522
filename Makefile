# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# What the caller chose, before the line below picks offscreen for the headless targets.
USER_QPA := $(QT_QPA_PLATFORM)
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test lint format server bench bench-quick package package-deb screenshots clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamps re-install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# An offscreen window would be invisible and the app would seem to hang: say so instead.
run: $(VENV)/.installed
	@if [ -z "$(USER_QPA)$(DISPLAY)$(WAYLAND_DISPLAY)" ]; then \
		echo "make run: no display found (DISPLAY and WAYLAND_DISPLAY are not set)." >&2; \
		echo "Start it from a desktop session, or use the command line: $(BIN)/caseload --help" >&2; \
		exit 1; \
	fi
	$(if $(USER_QPA),QT_QPA_PLATFORM=$(USER_QPA),env -u QT_QPA_PLATFORM) $(BIN)/caseload $(ARGS)

# Test files run on TEST_WORKERS processes (pytest-xdist), each file whole on one worker
# (its module fixtures, servers and databases, made once); TEST_WORKERS=1 runs them on one.
TEST_WORKERS ?= 3
test: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

server: $(VENV)/.installed-dev
	$(BIN)/caseload-server --dev $(ARGS)

# Writes the record schemas of server/openapi.yaml from server/schema.py; ARGS=--check
# only says whether the file is up to date.
.PHONY: openapi
openapi: $(VENV)/.installed-dev
	$(PY) -m server.openapi_gen $(ARGS)

# Renders the login dialog, the main window with demo data and the forms to PNGs.
screenshots: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py docs/screenshots

clean:
	rm -rf build dist .pytest_cache .ruff_cache

# Benchmarks (tests/benchmarks, not part of `make test`): issue 7's table with same-run
# baselines, written to build/bench.json. The generated database is cached in build/bench-cache.
bench: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.run $(ARGS)

bench-quick: $(VENV)/.installed-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks.run --quick $(ARGS)

# Packaging (docs/packaging.md). `package`: the PyInstaller one-folder bundle in
# dist/caseload/, then its frozen self-test; `package-deb`: the .deb and .tar.gz from that
# bundle, then the packaging tests (the .deb installed into a temporary root and self-tested,
# its Depends checked against dpkg-shlibdeps, lintian with the overrides file's exceptions);
# `package-nsis-check`: the Windows installer script compiles (apt install nsis).
.PHONY: package-nsis-check

$(VENV)/.installed-package: pyproject.toml | $(VENV)/.installed-dev
	$(PY) -m pip install --quiet -e '.[dev,package]'
	touch $@

package: $(VENV)/.installed-package
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN build.spec
	QT_QPA_PLATFORM=offscreen dist/caseload/caseload --self-test

package-deb: package
	installers/linux/build-deb.sh dist/caseload dist
	CASELOAD_TEST_PACKAGE=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider \
		tests/packaging/test_bundle.py tests/packaging/test_deb.py

package-nsis-check: $(VENV)/.installed-dev
	CASELOAD_TEST_PACKAGE=1 $(PY) -m pytest -p no:cacheprovider tests/packaging/test_nsis.py

# The API fuzz (tests/server/test_openapi_fuzz.py: schemathesis, every check, SQLite and
# PostgreSQL) with FUZZ_EXAMPLES examples per operation (`make test` runs 10) and the seed
# given: make fuzz FUZZ_EXAMPLES=300 FUZZ_SEED=7.
FUZZ_EXAMPLES ?= 100
FUZZ_SEED ?= 20240501
.PHONY: fuzz
fuzz: $(VENV)/.installed-dev
	CASELOAD_FUZZ_MAX_EXAMPLES=$(FUZZ_EXAMPLES) CASELOAD_FUZZ_SEED=$(FUZZ_SEED) \
		$(PY) -m pytest -p no:cacheprovider --timeout=3600 tests/server/test_openapi_fuzz.py $(PYTEST_ARGS)

# The sync soak (tests/e2e/test_soak.py) for the seeds given: make soak SEEDS="4 5 6";
# without SEEDS, the few that `make test` runs (SOAK_SEEDS there).
.PHONY: soak
soak: $(VENV)/.installed-dev
	CASELOAD_SOAK_SEEDS="$(SEEDS)" QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider \
		tests/e2e/test_soak.py $(PYTEST_ARGS)
