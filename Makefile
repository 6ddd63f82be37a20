PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install kafka demo test bench score

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
	$(BIN)/python -m streams.kafka_cluster fetch

test: install kafka
	$(BIN)/pytest -q

# A reduced size and one run so `make bench` ends in minutes; the README's figures are a full `newsroom bench` (3 runs).
BENCH_ARTICLES ?= 300

bench: install
	$(BIN)/newsroom bench --articles $(BENCH_ARTICLES) --runs 1

# Extraction quality on both released corpora: dev, and train (a validation set, never tuned sentence by sentence).
# extract's refusals are one line each on stderr; its status is 1 only when it could extract nothing.
SCORE_SETS ?= dev train

score: install
	@for set in $(SCORE_SETS); do \
		echo "== $$set"; \
		$(BIN)/newsroom extract ../shared/corpus/$$set > /tmp/newsroom-pred-$$set.jsonl || exit 1; \
		$(BIN)/python ../shared/eval/score.py --gold ../shared/corpus/$$set --pred /tmp/newsroom-pred-$$set.jsonl --errors || exit 1; \
	done
