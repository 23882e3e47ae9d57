# AfterDesk: `make run` opens the app on a demo database, `make test` runs every test.
# Both set themselves up (a .venv beside this file) on a machine with Python 3.11+.

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= sqlite:///$(CURDIR)/var/demo.sqlite

.PHONY: run test lint translations benchmarks bundle bundle-tar clean

$(BIN)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "AfterDesk needs Python 3.11 or newer"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	mkdir -p var
	$(BIN)/afterdesk --db $(DEMO_DB) demo --if-empty
	$(BIN)/afterdesk --db $(DEMO_DB)

# One worker per core; a test file stays on one worker (the printing tests share one CUPS queue).
test: $(BIN)/.installed
	$(BIN)/python -m pytest -n auto --dist loadfile

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy  # app/models, services, printing, cli (pyproject.toml [tool.mypy])

translations: $(BIN)/.installed
	$(BIN)/python -m tools.translations

benchmarks: $(BIN)/.installed
	$(BIN)/python benchmarks/run_all.py

# The desktop bundle (installer/README.md): dist/AfterDesk/, one folder, app and CLI in one
# program. bundle-tar packs it with a .desktop file and the icon for Linux.
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
LINUX_TAR := dist/AfterDesk-$(VERSION)-linux-x86_64.tar.gz

bundle: $(BIN)/.installed
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		installer/afterdesk.spec

bundle-tar: bundle
	installer/linux/make_tar.sh dist/AfterDesk $(LINUX_TAR)

clean:
	rm -rf $(VENV) var .pytest_cache build dist
