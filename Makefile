PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install kafka demo typecheck test bench score

$(BIN)/newsroom: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/newsroom

install: $(BIN)/newsroom

# The dashboard's port: PORT=8080, or NEWSROOM_WEB_PORT (6066 without either).
demo: install
	$(BIN)/newsroom demo $(if $(PORT),--port $(PORT))

# Apache Kafka's jars (Maven, into .cache/kafka): the integration tests run on it and on Tansu.
kafka: install
	$(BIN)/python -m newsroom_dev.kafka_cluster fetch

# Types first (pyproject.toml's [tool.mypy]: strict on the event model, the agents and the view), then the tests.
typecheck: install
	$(BIN)/mypy

# The slowest tests are listed at the end: the suite has a 30-minute budget in CI, and this shows where it goes.
test: install kafka typecheck
	$(BIN)/pytest -q --durations=25

# A reduced size and one run so `make bench` ends in minutes; the README's figures are a full `newsroom bench` (3 runs).
BENCH_ARTICLES ?= 300

bench: install
	$(BIN)/newsroom bench --articles $(BENCH_ARTICLES) --runs 1

# Extraction quality: dev and train (written for the project; train a validation set, never tuned sentence by
# sentence) with their errors; then, where their texts were rebuilt outside the repository
# (../shared/corpus/real/README.md), real (published articles: aggregate and per field, with errors, to study)
# and real-check (published articles of another beat: the aggregate alone, to measure before and after).
# extract's refusals are one line each on stderr; its status is 1 only when it could extract nothing.
SCORE_SETS ?= dev train
REAL_DIR ?= $(or $(NEWSROOM_REAL_DIR),$(HOME)/.cache/newsroom-real)
# Predictions in a folder of this checkout's own, so that two checkouts (or users) scoring at once keep theirs apart.
SCORE_TMP = $(or $(TMPDIR),/tmp)/newsroom-score-$(shell id -u)-$(shell printf '%s' '$(CURDIR)' | cksum | cut -d' ' -f1)

score: install
	@mkdir -p $(SCORE_TMP)
	@for set in $(SCORE_SETS); do \
		echo "== $$set"; \
		$(BIN)/newsroom extract ../shared/corpus/$$set > $(SCORE_TMP)/newsroom-pred-$$set.jsonl || exit 1; \
		$(BIN)/python ../shared/eval/score.py --gold ../shared/corpus/$$set --pred $(SCORE_TMP)/newsroom-pred-$$set.jsonl --errors || exit 1; \
	done
	@if ls $(REAL_DIR)/real/*.json >/dev/null 2>&1; then \
		echo "== real ($(REAL_DIR)/real)"; \
		$(BIN)/newsroom extract $(REAL_DIR)/real > $(SCORE_TMP)/newsroom-pred-real.jsonl || exit 1; \
		$(BIN)/python ../shared/eval/score.py --gold $(REAL_DIR)/real --pred $(SCORE_TMP)/newsroom-pred-real.jsonl --errors || exit 1; \
	else echo "== real: texts not rebuilt under $(REAL_DIR)/real (see ../shared/corpus/real/README.md)"; fi
	@if ls $(REAL_DIR)/real-check/*.json >/dev/null 2>&1; then \
		echo "== real-check ($(REAL_DIR)/real-check: aggregate only)"; \
		$(BIN)/newsroom extract $(REAL_DIR)/real-check > $(SCORE_TMP)/newsroom-pred-real-check.jsonl || exit 1; \
		$(BIN)/python ../shared/eval/score.py --gold $(REAL_DIR)/real-check --pred $(SCORE_TMP)/newsroom-pred-real-check.jsonl | tail -1 || exit 1; \
	else echo "== real-check: texts not rebuilt under $(REAL_DIR)/real-check"; fi
