"""The count table derived offline from the dev corpus: the agents' pure steps (ledger, tallies) without a broker.

The broker test (test_pipeline_integration) checks the same table through the agents; this one fails fast,
in seconds, when an extraction or clustering change moves an incident into or out of a count cell. Train's
table is not pinned: train is a validation set, measured by `make score`, and a rule fixed to one of its
cells would make it a regression fixture instead.
"""

from __future__ import annotations

import json

import pytest

from conftest import DEV_CORPUS
from simulation import Simulation, count_differences

from streams.inputs.loader import read_documents
from streams.model.events import upserts_of


def test_count_differences_name_every_cell_that_differs_and_only_those():
    got = {"airspace_violation": {"AA/2020": 1, "BB/2021": 2}, "drone_sighting": {"CC/2022": 1}}
    expected = {"airspace_violation": {"AA/2020": 1, "BB/2021": 3}, "article4_request": {"DD/2023": 1}}
    assert count_differences(got, expected) == [
        "airspace_violation BB/2021: got 2, expected 3",
        "article4_request DD/2023: got 0, expected 1",
        "drone_sighting CC/2022: got 1, expected 0",
    ]


@pytest.mark.shared
def test_dev_counts_derived_offline_equal_the_gold_counts():
    simulation = Simulation(upserts_of)
    for document in read_documents([DEV_CORPUS]):
        simulation.feed(document)
    differences = count_differences(simulation.counts(),
                                    json.loads((DEV_CORPUS / "expected_counts.json").read_text()))
    assert not differences, "\n".join(differences)
