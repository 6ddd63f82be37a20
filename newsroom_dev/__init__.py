"""What only tests and benchmarks use: the bench, the article generator, an Apache Kafka cluster from its jars.

The runtime package imports it only lazily, from `newsroom bench` and `newsroom slope`.
"""
