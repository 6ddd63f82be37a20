// Analysis views of the dashboard: a click on a count opens the incidents behind it (each report's
// evidence highlighted in its paragraph), a hand-made SVG chart shows incidents per month, and the
// latest count changes (newsroom.alerts.v1) are listed.
// Plain DOM and SVG like dashboard.js; it refreshes whenever dashboard.js renders a snapshot.
"use strict";

// Uses dashboard.js's helpers (loaded first, same page): $, el(tag, text, class), svg(tag, attributes, text).
let openCell = null; // {kind, country, year} of the open drill-down
let seriesChoice = null; // {kind, country} drawn in the chart

async function getJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response.json();
}

// ---- drill-down ---------------------------------------------------------------------------------

// Each paragraph that holds evidence once, with every evidence span in it in a <mark>.
function evidenceInContext(spans) {
  const paragraphs = new Map();
  for (const evidence of spans) {
    const context = evidence.context || evidence.text;
    const at = evidence.context ? evidence.context_start : evidence.start;
    const key = `${evidence.field}:${at}`;
    if (!paragraphs.has(key)) paragraphs.set(key, { field: evidence.field, context, at, marks: [] });
    paragraphs.get(key).marks.push([evidence.start - at, evidence.start - at + evidence.text.length]);
  }
  return [...paragraphs.values()].map(({ field, context, marks }) => {
    const quote = el("blockquote", undefined, "evidence");
    quote.dataset.field = field;
    let done = 0;
    for (const [start, end] of marks.sort((a, b) => a[0] - b[0])) {
      if (start < done) continue; // overlapping spans: the first one is marked
      quote.append(document.createTextNode(context.slice(done, start)), el("mark", context.slice(start, end)));
      done = end;
    }
    quote.append(document.createTextNode(context.slice(done)));
    return quote;
  });
}

function renderDrilldown(cell) {
  const panel = $("drilldown");
  $("drilldown-title").textContent =
    `${cell.kind.replace(/_/g, " ")} · ${cell.country} · ${cell.year}: ${cell.count} incident(s)`;
  panel.replaceChildren();
  for (const incident of cell.incidents) {
    const li = el("li", undefined, "incident");
    li.dataset.key = incident.incident_key;
    const m = incident.merged;
    const facts = [m.violator ? "by " + m.violator : "violator unknown", m.attribution, m.platform,
      m.count ? m.count + " × " + (m.model || m.platform) : m.model, m.location,
      m.duration_minutes ? m.duration_minutes + " min" : null].filter(Boolean).join(" · ");
    const date = incident.occurred_on ? incident.occurred_on.value : "date unknown";
    li.append(el("b", `${date}: ${facts}`),
      el("div", `first reported ${incident.first_reported || "?"} · ${incident.reports.length} report(s)`, "meta"));
    const reports = el("ul", undefined, "reports");
    for (const report of incident.reports) {
      const item = el("li", undefined, "report");
      item.dataset.article = report.article_id;
      item.append(el("span", report.headline || report.incident_id, "headline"),
        el("div", `${report.article_id} v${report.article_version} · ${report.published_at || ""}`, "meta"));
      if (report.rules && report.rules.length) item.append(el("div", "rules: " + report.rules.join(", "), "meta rules"));
      item.append(...evidenceInContext(report.evidence));
      reports.append(item);
    }
    li.append(reports);
    panel.append(li);
  }
  if (cell.incidents.length === 0) panel.append(el("li", "no incidents in this cell any more", "muted"));
  $("drilldown-section").hidden = false;
}

async function showCell(cell) {
  openCell = cell;
  seriesChoice = { kind: cell.kind, country: cell.country };
  try {
    renderDrilldown(await getJson(`/api/counts/${cell.kind}/${cell.country}/${cell.year}`));
  } catch (error) {
    $("drilldown-title").textContent = "could not load the incidents: " + error.message;
    $("drilldown-section").hidden = false;
  }
  refreshSeries();
}

$("counts").addEventListener("click", (event) => {
  const row = event.target.closest("tr[data-cell]");
  if (!row) return;
  const [kind, cell] = row.dataset.cell.split(":");
  const [country, year] = cell.split("/");
  showCell({ kind, country, year });
});

$("drilldown-close").addEventListener("click", () => {
  openCell = null;
  $("drilldown-section").hidden = true;
});

// ---- incidents per month ------------------------------------------------------------------------

function months(series) {
  const all = [...Object.keys(series.by_occurrence), ...Object.keys(series.by_first_report)].sort();
  if (all.length === 0) return [];
  const [first, last] = [all[0], all[all.length - 1]];
  const out = [];
  let [y, m] = first.split("-").map(Number);
  while (`${y}-${String(m).padStart(2, "0")}` <= last && out.length < 120) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

function renderSeries(all) {
  const chart = $("series");
  const select = $("series-choice");
  const names = all.map((s) => `${s.kind}/${s.country}`);
  select.replaceChildren(...names.map((name) => el("option", name.replace(/_/g, " "))));
  names.forEach((name, i) => { select.options[i].value = name; });
  const wanted = seriesChoice ? `${seriesChoice.kind}/${seriesChoice.country}` : names[0];
  const series = all[Math.max(0, names.indexOf(wanted))];
  chart.replaceChildren();
  if (!series) {
    chart.append(svg("text", { x: 320, y: 100, "text-anchor": "middle" }, "no incidents counted yet"));
    return;
  }
  select.value = `${series.kind}/${series.country}`;
  const axis = months(series);
  const [width, height, left, bottom, top] = [640, 200, 30, 40, 24];
  const peak = Math.max(1, ...Object.values(series.by_occurrence), ...Object.values(series.by_first_report));
  const slot = (width - left - 10) / Math.max(1, axis.length);
  const bar = Math.min(18, slot / 2.4);
  const y = (n) => height - bottom - ((height - bottom - top) * n) / peak;
  chart.append(svg("line", { class: "axis", x1: left, x2: width - 10, y1: y(0), y2: y(0) }),
    svg("text", { class: "tick", x: left - 6, y: y(peak) + 4 }, peak));
  axis.forEach((month, i) => {
    const x = left + i * slot + slot / 2;
    const pairs = [["occurred", series.by_occurrence[month] || 0, -bar], ["reported", series.by_first_report[month] || 0, 0]];
    for (const [kind, n, dx] of pairs) {
      if (!n) continue;
      const rect = svg("rect", { class: "bar " + kind, x: x + dx, y: y(n), width: bar - 1, height: y(0) - y(n),
        "data-month": month, "data-count": n });
      rect.append(svg("title", {}, `${month}: ${n} ${kind === "occurred" ? "happened" : "first reported"}`));
      chart.append(rect);
    }
    if (axis.length <= 24 || i % 3 === 0) chart.append(svg("text", { class: "month", x, y: height - bottom + 14 }, month));
  });
  chart.append(svg("rect", { class: "occurred", x: left, y: 4, width: 10, height: 10 }),
    svg("text", { x: left + 14, y: 13 }, "by date it happened"),
    svg("rect", { class: "reported", x: left + 150, y: 4, width: 10, height: 10 }),
    svg("text", { x: left + 164, y: 13 }, "by date first reported"));
  const unknown = Object.entries(series.year_only).map(([year, n]) => `${n} in ${year} (month unknown)`).join(", ");
  if (unknown) chart.append(svg("text", { class: "tick", x: width - 10, y: 13 }, unknown));
}

async function refreshSeries() {
  try {
    renderSeries((await getJson("/api/counts-over-time")).series);
  } catch (error) {
    $("series").replaceChildren(svg("text", { x: 10, y: 20 }, error.message));
  }
}

$("series-choice").addEventListener("change", (event) => {
  const [kind, country] = event.target.value.split("/");
  seriesChoice = { kind, country };
  refreshSeries();
});

// ---- latest alerts ------------------------------------------------------------------------------

function renderAlerts(alerts) {
  const list = $("alerts");
  list.replaceChildren();
  for (const alert of alerts) {
    const li = el("li", undefined, "alert " + alert.change);
    li.dataset.id = alert.alert_id;
    const arrow = alert.change === "new_incident" ? "▲" : "▼";
    li.append(el("b", `${arrow} ${alert.kind.replace(/_/g, " ")} ${alert.country} ${alert.year}: ${alert.previous} → ${alert.count}`),
      el("div", `${alert.change.replace(/_/g, " ")} · ${alert.article_id} v${alert.article_version ?? "?"}` +
        (alert.headline ? ` · ${alert.headline}` : "") + ` · ${alert.at}`, "meta"));
    list.append(li);
  }
  if (alerts.length === 0) list.append(el("li", "no count has changed since this worker started", "muted"));
}

async function refreshAlerts() {
  try {
    renderAlerts((await getJson("/api/alerts")).alerts);
  } catch (error) {
    $("alerts").replaceChildren(el("li", error.message, "muted"));
  }
}

// dashboard.js announces every snapshot it renders: the open views follow the live state.
function refreshViews() {
  if (openCell) showCell(openCell);
  else refreshSeries();
  refreshAlerts();
}
document.addEventListener("newsroom:snapshot", refreshViews);
// dashboard.js may have rendered its first snapshot while this script was still loading, and an idle
// worker sends no other: the views load once on their own.
refreshViews();
