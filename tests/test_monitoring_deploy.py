"""deploy/monitoring: the alert rules and the Grafana dashboard use the gauge the workers export, by its labels."""

from __future__ import annotations

import json
import re

import yaml

from streams.agents import metrics

from conftest import ROOT

MONITORING = ROOT / "deploy" / "monitoring"
GROUPING = re.compile(r"\bby \(([^)]*)\)")
SELECTOR = re.compile(r"newsroom_incidents\{([^}]*)\}")


class _NoAssignment:
    """A consumer owning no partitions: render() then reports only the cells it is given."""

    def assignment(self) -> set:
        return set()


def _exported_labels() -> set[str]:
    text = metrics.render(_NoAssignment(), {}, set(), [("airspace_violation", "LV", "2031", 2)]).decode()
    (line,) = [l for l in text.splitlines() if l.startswith("newsroom_incidents{")]
    assert line.endswith(" 2.0")
    return set(re.findall(r'(\w+)="', line))


def _check(expr: str, labels: set[str]) -> None:
    assert "newsroom_incidents" in expr, expr
    for grouping in GROUPING.findall(expr):
        assert {g.strip() for g in grouping.split(",")} <= labels, expr
    for selector in SELECTOR.findall(expr):
        assert set(re.findall(r"(\w+)\s*=~?", selector)) <= labels, expr


def test_alert_rules_fire_on_the_exported_gauge_and_prometheus_loads_them():
    labels = _exported_labels()
    assert labels == {"kind", "country", "year"}
    config = yaml.safe_load((MONITORING / "prometheus.yml").read_text())
    for name in config["rule_files"]:
        rules = yaml.safe_load((MONITORING / name).read_text())
        alerts = [rule for group in rules["groups"] for rule in group["rules"]]
        assert {"NewsroomNewIncident", "NewsroomIncidentRetracted"} <= {rule["alert"] for rule in alerts}
        for rule in alerts:
            _check(rule["expr"], labels)
            assert rule["annotations"]["summary"]


def test_the_grafana_dashboard_queries_the_gauge_by_its_labels():
    dashboard = json.loads((MONITORING / "grafana-newsroom.json").read_text())
    labels = _exported_labels()
    targets = [t for panel in dashboard["panels"] for t in panel["targets"]]
    assert targets and dashboard["uid"]
    for target in targets:
        _check(target["expr"], labels)
