# Two commands do all set-up: `make run` and `make test`. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# A real site's export, timed by `make benchmark` (shared test data).
WXR_SAMPLE := ../shared/fixtures/wxr/themeunittestdata.wordpress.xml
# Marks an install of the current pyproject.toml, so editing it reinstalls.
INSTALLED := $(VENV)/.installed
# The Nu Html Checker for the HTML-validity tests, kept inside the venv. Its
# install script would download a Java runtime; the machine's Java is used.
VNU := $(VENV)/node/node_modules/vnu-jar/build/dist/vnu.jar
# Lighthouse for `make audit`, from npm, run with the machine's Chromium.
LIGHTHOUSE := $(VENV)/node/node_modules/.bin/lighthouse

.PHONY: run test install messages serve-setup lint benchmark bench cluster-test fuzz audit clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@

install: $(INSTALLED) messages

# The interface's translations: .po files are kept in git, .mo files built.
messages: $(INSTALLED)
	$(BIN)/pybabel compile --domain django --directory locale --statistics
	$(BIN)/pybabel compile --domain djangojs --directory locale --statistics

serve-setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_demo_content
	SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py ensure_admin

# The task worker (renditions of uploaded images) runs beside the server and
# stops with it.
run: serve-setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: /admin/), with the task worker. Ctrl-C stops both."
	$(BIN)/python manage.py db_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  SITE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py runserver --nostatic 127.0.0.1:$(PORT)

$(VNU):
	if command -v npm >/dev/null; then \
	  npm install --silent --ignore-scripts --no-audit --no-fund --prefix $(VENV)/node vnu-jar; \
	else echo "npm not found: the HTML-validity tests will be skipped"; fi

test: install $(VNU)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

$(LIGHTHOUSE):
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node lighthouse

# Lighthouse scores of the demo site's home and article pages, both languages.
audit: serve-setup $(LIGHTHOUSE)
	$(BIN)/python .ci/lighthouse.py

# The full hostile-input run (tests/test_fuzz.py): the whole XSS corpus through
# every text field, in Chromium, and hostile values to every public URL and
# form. Prints counts; fails on any execution or 5xx. FUZZ_LIMIT=n shortens it.
fuzz: install
	$(BIN)/python -m pytest -m fuzz tests/test_fuzz.py -q --show-capture=no $(PYTEST_ARGS)

# SCALE=100000 first tops the archive up to that many generated articles
# (once; later runs reuse them). Use a PostgreSQL DATABASE_URL for that.
benchmark: serve-setup
	DEBUG=0 SECRET_KEY=benchmark-only-$$(date +%s)-not-a-secret-key-for-serving-anything \
	  $(BIN)/python manage.py benchmark_pages $(if $(SCALE),--scale $(SCALE)) $(BENCHMARK_ARGS)
	@if [ -f $(WXR_SAMPLE) ]; then \
	  echo "WordPress theme unit test data, imported and rolled back:"; \
	  $(BIN)/python manage.py import_wordpress $(WXR_SAMPLE) --dry-run | tail -n 1; \
	else echo "$(WXR_SAMPLE) not found: the import is not timed"; fi

# Requests per second under gunicorn against a floor (README, "Caching").
# wrk comes from Debian; without it a slower Python load generator is used.
bench: serve-setup
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } \
	  || echo "wrk could not be installed: falling back to a Python load generator"
	DEBUG=0 SECRET_KEY=bench-only-$$(date +%s)-not-a-secret-key-for-serving-anything \
	  $(BIN)/python manage.py bench $(BENCH_ARGS)

# Two gunicorn servers behind nginx on PostgreSQL, Redis and S3 (README,
# "More than one app server"). DATABASE_URL must name a PostgreSQL database.
cluster-test: install
	@case "$$DATABASE_URL" in postgres*) ;; \
	  *) echo "cluster-test needs DATABASE_URL=postgres://..."; exit 2;; esac
	command -v nginx >/dev/null || test -x /usr/sbin/nginx \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }
	$(BIN)/python -m pytest -m cluster $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles *.egg-info
