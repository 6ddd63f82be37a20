"""Apache Kafka from its Maven jars: a local KRaft cluster of 1 or 3 nodes, for the tests and for trying newsroom on the real broker.

No Docker needed: Maven fetches the pinned ``org.apache.kafka:kafka_2.13`` with its
runtime dependencies (and a log4j2 binding for its slf4j logging) into a cache folder
once; each node is a combined controller+broker JVM on free loopback ports with its
log directory on disk, so a node killed or stopped comes back with its data.

``scripts/kafka-cluster`` is the command line over this module.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import structlog

from streams.config import bootstrap_addresses
from streams.kafka.broker import BrokerError, api_keys, free_port, request
from streams.processes import end_with_parent

log = structlog.get_logger(__name__)

KAFKA_VERSION = "4.1.1"
LOG4J_VERSION = "2.24.3"  # the log4j2 that kafka_2.13 4.1.1 depends on; its slf4j 1.x binding is not a dependency
_CHECKOUT = Path(__file__).resolve().parent.parent
# A checkout keeps the jars beside it (.cache/ is ignored by git); an installed package in the user's cache.
DEFAULT_CACHE = (_CHECKOUT / ".cache" / "kafka" if (_CHECKOUT / "pyproject.toml").exists()
                 else Path.home() / ".cache" / "newsroom" / "kafka")
DEFAULT_HEAP = "384m"
START_TIMEOUT = 120.0

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>newsroom</groupId><artifactId>kafka-broker</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>{kafka}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>{log4j}</version></dependency>
  </dependencies>
</project>
"""

LOG4J2 = """status = warn
appender.file.type = File
appender.file.name = file
appender.file.fileName = {path}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
"""


def fetch(cache: Path = DEFAULT_CACHE, version: str = KAFKA_VERSION) -> Path:
    """The folder of the broker's jars, fetched with Maven on first use (Maven's own repository caches the downloads)."""
    home = cache / version
    jars = home / "jars"
    done = home / ".complete"
    if done.exists():
        return jars
    if shutil.which("mvn") is None:
        raise BrokerError("Apache Kafka's jars are fetched with Maven: install it (Debian: apt-get install maven)")
    home.mkdir(parents=True, exist_ok=True)
    (home / "pom.xml").write_text(POM.format(kafka=version, log4j=LOG4J_VERSION))
    log.info("fetching Apache Kafka with Maven", version=version, into=str(jars))
    done_run = subprocess.run(["mvn", "-q", "-B", "-f", str(home / "pom.xml"), "dependency:copy-dependencies",
                               f"-DoutputDirectory={jars}", "-DincludeScope=runtime"],
                              capture_output=True, text=True)
    if done_run.returncode != 0:
        raise BrokerError(f"mvn could not fetch kafka_2.13:{version}: {(done_run.stdout + done_run.stderr)[-2000:]}")
    done.touch()
    return jars


def answers(port: int) -> bool:
    try:
        api_keys("127.0.0.1", port, timeout=1.0)
        return True
    except (OSError, struct.error):
        return False


def new_cluster_id() -> str:
    """A KRaft cluster id: 16 random bytes in URL-safe base64 that never begins with "-",
    which kafka-storage's argument parser would take for an option (Kafka's own
    Uuid.randomUuid() redraws for the same reason)."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


@dataclass(frozen=True, slots=True)
class NodePorts:
    broker: int
    controller: int


class Node:
    """One combined controller+broker JVM; its config and data stay on disk across kills and restarts."""

    def __init__(self, node_id: int, home: Path, ports: NodePorts, voters: str, size: int, jars: Path, heap: str) -> None:
        self.node_id, self.home, self.ports, self.jars, self.heap = node_id, home, ports, jars, heap
        self.process: subprocess.Popen[bytes] | None = None
        self.config = home / "server.properties"
        if not self.config.exists():
            home.mkdir(parents=True, exist_ok=True)
            self.config.write_text(_server_properties(node_id, home, ports, voters, size))
            (home / "log4j2.properties").write_text(LOG4J2.format(path=home / "server.log"))

    def _java(self, main: str, *args: str, heap: str = "128m") -> list[str]:
        return ["java", f"-Xmx{heap}", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                f"-Dlog4j2.configurationFile={self.home / 'log4j2.properties'}",
                "-cp", f"{self.jars}/*", main, *args]

    def format_storage(self, cluster_id: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(self._java("kafka.tools.StorageTool", "format", "--ignore-formatted",
                                           "-t", cluster_id, "-c", str(self.config)),
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    def start(self, detach: bool = False) -> None:
        """Launch the JVM; ``detach`` leaves it running after this process ends (the command line's ``start``).

        Otherwise it gets SIGTERM when the thread that launched it ends (Linux's parent-death
        signal follows the thread): launch from the main thread, not an executor's.
        """
        out = open(self.home / "stdout.log", "ab")  # noqa: SIM115 - handed to the child
        self.process = subprocess.Popen(self._java("kafka.Kafka", str(self.config), heap=self.heap),
                                        stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=detach, preexec_fn=None if detach else end_with_parent)
        out.close()
        (self.home / "pid").write_text(str(self.process.pid))

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no controlled shutdown, no leadership handed over."""
        if self.running:
            assert self.process is not None
            self.process.kill()
            self.process.wait()

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM: a controlled shutdown (leaders moved away first), SIGKILL if it takes too long."""
        if self.running:
            assert self.process is not None
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    def wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise BrokerError(f"kafka node {self.node_id} exited with {self.process.returncode}: {self.tail()}")
            if answers(self.ports.broker):
                return
            time.sleep(0.2)
        raise BrokerError(f"kafka node {self.node_id} did not answer in time: {self.tail()}")

    def tail(self) -> str:
        text = ""
        for name in ("stdout.log", "server.log"):
            path = self.home / name
            if path.exists():
                text += path.read_text(errors="replace")[-1500:]
        return text.strip()


def _server_properties(node_id: int, home: Path, ports: NodePorts, voters: str, size: int) -> str:
    """A combined node; internal topics replicated like the app's (RF up to 3, min ISR up to 2).

    Topics are never created implicitly: the app must declare each one with its
    replication settings. The first group rebalance is not delayed (tests start groups often).
    """
    replicas, min_isr = min(3, size), min(2, size)
    lines = {
        "process.roles": "broker,controller",
        "node.id": node_id,
        "controller.quorum.voters": voters,
        "listeners": f"PLAINTEXT://127.0.0.1:{ports.broker},CONTROLLER://127.0.0.1:{ports.controller}",
        "advertised.listeners": f"PLAINTEXT://127.0.0.1:{ports.broker}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs": home / "data",
        "auto.create.topics.enable": "false",
        "offsets.topic.num.partitions": 8,
        "offsets.topic.replication.factor": replicas,
        "transaction.state.log.num.partitions": 4,
        "transaction.state.log.replication.factor": replicas,
        "transaction.state.log.min.isr": min_isr,
        "share.coordinator.state.topic.replication.factor": replicas,
        "share.coordinator.state.topic.min.isr": min_isr,
        "default.replication.factor": replicas,
        "min.insync.replicas": 1,
        "group.initial.rebalance.delay.ms": 0,
    }
    return "".join(f"{key}={value}\n" for key, value in lines.items())


class KafkaCluster:
    """``size`` combined nodes under ``home``; ``bootstrap`` lists every broker."""

    def __init__(self, home: Path, size: int = 1, heap: str = DEFAULT_HEAP, cache: Path = DEFAULT_CACHE) -> None:
        if size < 1:
            raise ValueError("a cluster has at least one node")
        self.home, self.size = home, size
        self.jars = fetch(cache)
        state = home / "cluster.json"
        if state.exists():  # a cluster started before: same ports, same data
            saved = json.loads(state.read_text())
            self.cluster_id, ports = saved["cluster_id"], [NodePorts(*p) for p in saved["ports"]]
            if len(ports) != size:
                raise BrokerError(f"{home} holds a cluster of {len(ports)} nodes, not {size}: delete it first")
        else:
            self.cluster_id = new_cluster_id()
            ports = [NodePorts(free_port(), free_port()) for _ in range(size)]
            home.mkdir(parents=True, exist_ok=True)
            state.write_text(json.dumps({"cluster_id": self.cluster_id, "ports": [[p.broker, p.controller] for p in ports]}))
        voters = ",".join(f"{n + 1}@127.0.0.1:{p.controller}" for n, p in enumerate(ports))
        self.nodes = [Node(n + 1, home / f"node-{n + 1}", p, voters, size, self.jars, heap) for n, p in enumerate(ports)]

    @property
    def bootstrap(self) -> str:
        return ",".join(f"127.0.0.1:{node.ports.broker}" for node in self.nodes)

    def node_by_id(self, node_id: int) -> Node:
        return next(node for node in self.nodes if node.node_id == node_id)

    def start(self, detach: bool = False, timeout: float = START_TIMEOUT) -> KafkaCluster:
        formatting = [node.format_storage(self.cluster_id) for node in self.nodes]
        for node, process in zip(self.nodes, formatting):
            output, _ = process.communicate()
            if process.returncode != 0:
                raise BrokerError(f"formatting node {node.node_id} failed: {output.decode(errors='replace')[-2000:]}")
        for node in self.nodes:
            if not node.running:
                node.start(detach)
        self.wait_ready(timeout)
        log.info("kafka cluster ready", bootstrap=self.bootstrap, nodes=self.size, home=str(self.home))
        return self

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """Every running node answers and the cluster's metadata lists every broker."""
        deadline = time.monotonic() + timeout
        for node in self.nodes:
            if node.running:
                node.wait_ready(deadline)
        while time.monotonic() < deadline:
            if registered_brokers(self.bootstrap) >= sum(node.running for node in self.nodes):
                return
            time.sleep(0.3)
        raise BrokerError(f"not every kafka node registered within {timeout}s")

    def kill_all(self) -> None:
        for node in self.nodes:
            node.kill()

    def stop(self) -> None:
        for node in self.nodes:
            if node.running:
                assert node.process is not None
                node.process.terminate()
        for node in self.nodes:
            node.stop()

    def __enter__(self) -> KafkaCluster:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def registered_brokers(bootstrap: str) -> int:
    """How many brokers the cluster's metadata lists (0 when no node answers a Metadata request)."""
    for host, port in bootstrap_addresses(bootstrap):
        count = _metadata_brokers(host, port)
        if count is not None:
            return count
    return 0


def _metadata_brokers(host: str, port: int) -> int | None:
    """Metadata v4 for no topics; its response starts with throttle time, then the broker array."""
    try:
        body = request(host, port, 3, 4, struct.pack(">ib", 0, 0))  # no topics, no auto-creation
        return struct.unpack(">ii", body[:8])[1]
    except (OSError, struct.error):
        return None


@contextmanager
def running_cluster(home: Path, size: int = 1) -> Iterator[KafkaCluster]:
    cluster = KafkaCluster(home, size)
    try:
        yield cluster.start()
    finally:
        cluster.stop()


def _stop_detached(home: Path) -> int:
    """Stop the nodes a ``start`` left running, by the pids it wrote; returns how many were running."""
    stopped = []
    for pid_file in sorted(home.glob("node-*/pid")):
        pid = int(pid_file.read_text())
        try:
            os.kill(pid, signal.SIGTERM)
            stopped.append(pid)
        except ProcessLookupError:
            pass
        pid_file.unlink()
    deadline = time.monotonic() + 60
    for pid in stopped:
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    return len(stopped)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/status").exists() or "zombie" not in Path(f"/proc/{pid}/status").read_text()


def main(argv: list[str] | None = None) -> int:
    from streams import logs

    logs.configure()
    parser = argparse.ArgumentParser(prog="kafka-cluster", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_CACHE / "cluster",
                        help="where the nodes keep config, logs and data (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("fetch", help=f"fetch kafka_2.13:{KAFKA_VERSION} and its dependencies with Maven")
    start = commands.add_parser("start", help="start the cluster in the background and print its "
                                               "`export KAFKA_BOOTSTRAP=...` line")
    start.add_argument("--nodes", type=int, choices=[1, 3], default=1)
    start.add_argument("--heap", default=DEFAULT_HEAP, help="JVM heap per node (default: %(default)s)")
    commands.add_parser("stop", help="stop the nodes started with start (their data stays under --dir)")
    commands.add_parser("clean", help="stop the nodes and delete --dir")
    args = parser.parse_args(argv)
    if args.command == "fetch":
        sys.stdout.write(f"{fetch()}\n")
    elif args.command == "start":
        if any(_alive(int(pid.read_text())) for pid in args.dir.glob("node-*/pid")):
            parser.error(f"a cluster under {args.dir} is running: stop it first")
        try:
            cluster = KafkaCluster(args.dir, args.nodes, heap=args.heap)
        except BrokerError as error:
            parser.error(f"{error} (kafka-cluster clean)")
        try:
            cluster.start(detach=True)
        except BrokerError:
            _stop_detached(args.dir)
            raise
        sys.stdout.write(f"export KAFKA_BOOTSTRAP={cluster.bootstrap}\n")  # as `newsroom broker`: eval-able
    elif args.command == "stop":
        log.info("stopped kafka nodes", count=_stop_detached(args.dir))
    else:
        _stop_detached(args.dir)
        shutil.rmtree(args.dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
