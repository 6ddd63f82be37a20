"""The event model and its pure logic: articles, events, the ledger, counts, reports; no Kafka, no I/O."""
