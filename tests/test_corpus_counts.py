"""The count table derived offline from the dev corpus: the agents' pure steps (ledger, tallies) without a broker.

The broker test (test_pipeline_integration) checks the same table through the agents; this one fails fast,
in seconds, when an extraction change moves an incident into or out of a count cell.
"""

from __future__ import annotations

import json

from conftest import DEV_CORPUS
from simulation import Simulation

from streams.events import derive
from streams.loader import read_documents


def test_dev_corpus_counts_derived_offline_equal_the_gold_counts():
    simulation = Simulation(derive)
    for document in read_documents([DEV_CORPUS]):
        simulation.feed(document)
    assert simulation.counts() == json.loads((DEV_CORPUS / "expected_counts.json").read_text())
