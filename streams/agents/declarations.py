"""The faust app and what it declares: its topics and tables, built from one :class:`Settings`.

Every value is bytes on the topics (``raw`` serializers): the agents encode and decode at their edges. The two
tables hold JSON (faust's serializer): the ledger state of each article (:class:`streams.model.ledger.ArticleState`)
and the members of the count cells this worker owns (:mod:`streams.model.tallies`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import faust
import structlog

from streams.agents.internals import consumer_class
from streams.agents.table_store import RestoreCountingTable, table_options
from streams.config import MAX_RECORD_BYTES, BrokerProfile, Settings
from streams.view.web_policy import faust_web_options

log = structlog.get_logger(__name__)


def faust_app(settings: Settings, profile: BrokerProfile) -> faust.App:
    """The faust app, tuned for the broker's profile and replicated as configured (every topic faust creates too),
    its consumer with the configured fetch wait (:func:`streams.agents.internals.consumer_class`)."""
    datadir = settings.table_store_path()  # the tables' local state, one folder per worker (RocksDB locks a store)
    tuning: dict[str, Any] = {}
    if profile.producer_max_batch_size is not None:
        tuning["producer_max_batch_size"] = profile.producer_max_batch_size
    session_timeout = settings.session_timeout or profile.session_timeout
    if session_timeout is not None:
        tuning.update(broker_session_timeout=session_timeout, broker_heartbeat_interval=min(3.0, session_timeout / 4))
    log.info("faust tuned for the broker", profile=profile.name, replication_factor=settings.replication_factor,
             min_insync_replicas=settings.min_insync_replicas, **tuning)
    app = faust.App(
        settings.app_id,
        broker=f"kafka://{settings.bootstrap}",
        store=settings.store,  # rocksdb:// (streams.agents.table_store), or memory:// read again at every start
        Table=RestoreCountingTable,
        datadir=datadir,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        producer_max_request_size=MAX_RECORD_BYTES,  # a dead letter is as large as the raw record, plus headers
        consumer_auto_offset_reset="earliest",
        key_serializer="raw",
        value_serializer="raw",
        web_host=settings.web_host,
        web_bind=settings.web_host,  # faust binds every interface unless told: listen only where configured
        web_port=settings.web_port,
        web_in_thread=False,
        table_standby_replicas=0,
        **tuning,
        **faust_web_options(settings),  # faust's own web routes off, the request-head timeout (streams.view.web_policy)
    )
    app.transport.Consumer = consumer_class(settings.fetch_max_wait_ms)  # type: ignore[misc]
    return app


@dataclass(slots=True)
class Declarations:
    """The app's topics and tables (faust objects, untyped)."""

    raw: Any
    incidents: Any
    statements: Any
    deadletter: Any
    tallies_topic: Any  # internal: tally updates keyed by count cell
    alerts_topic: Any
    articles: Any  # table: article id -> ledger state (JSON)
    tallies: Any  # table: owned count cell -> members (JSON), to tell when a count moves (alerts)

    @classmethod
    def declare(cls, app: faust.App, settings: Settings) -> Declarations:
        names, n = settings.topics, settings.partitions
        config = settings.topic_config()  # changelogs too, through extra_topic_configs
        json_schema: faust.Schema[Any, Any] = faust.Schema(key_serializer="json", value_serializer="json")
        options = table_options(settings)
        return cls(
            raw=app.topic(names.raw, partitions=n, config=config),
            incidents=app.topic(names.incidents, partitions=n, config=config),
            statements=app.topic(names.statements, partitions=n, config=config),
            deadletter=app.topic(names.deadletter, partitions=n, config=settings.deadletter_config()),
            tallies_topic=app.topic(names.tallies, partitions=n, internal=True, config=config),
            alerts_topic=app.topic(names.alerts, partitions=n, config=config),
            articles=app.Table("articles", default=None, partitions=n, schema=json_schema, extra_topic_configs=config,
                               options=options),
            tallies=app.Table("tallies", default=None, partitions=n, schema=json_schema, extra_topic_configs=config,
                              options=options),
        )
