// The dashboard: renders the worker's snapshot (/api/snapshot, /api/events) with plain DOM and SVG.
// No library and no CDN, so it works offline. Live updates come as server-sent events; while the
// event stream is down it polls, and EventSource keeps reconnecting by itself.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const KINDS = ["airspace_violation", "drone_sighting", "article4_request"];
const PALETTE = ["#3465a4", "#f57900", "#4e9a06", "#75507b", "#c17d11", "#cc0000", "#06989a", "#555753"];
const POLL_MS = 2000;
// A stream refused (503: the worker serves as many as it allows) is not retried by the browser: try again this late.
const REOPEN_MS = 30000;

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

// ---- count table ----------------------------------------------------------------------------

let previousCounts = {};

function countRows(counts) {
  const kinds = KINDS.concat(Object.keys(counts).filter((k) => !KINDS.includes(k)));
  const rows = [];
  for (const kind of kinds) {
    for (const [cell, n] of Object.entries(counts[kind] || {}).sort()) {
      const [country, year] = cell.split("/");
      rows.push({ key: kind + ":" + cell, kind, country, year, n });
    }
  }
  return rows;
}

function renderCounts(counts) {
  const body = $("counts").tBodies[0];
  const rows = countRows(counts);
  body.replaceChildren();
  if (rows.length === 0) {
    const tr = el("tr", undefined, "empty");
    const td = el("td", "no incidents counted yet", "muted");
    td.colSpan = 4;
    tr.append(td);
    body.append(tr);
  }
  const seen = {};
  for (const row of rows) {
    const tr = el("tr");
    tr.dataset.cell = row.key;
    if (previousCounts[row.key] !== row.n) tr.classList.add("changed");
    const count = el("td", row.n, "n count");
    tr.append(el("td", row.kind), el("td", row.country), el("td", row.year), count);
    body.append(tr);
    seen[row.key] = row.n;
  }
  previousCounts = seen;
}

// ---- chart: airspace violations per country (groups) and year (bars) ------------------------

function chartData(cells) {
  const entries = Object.entries(cells || {}).map(([cell, n]) => {
    const [country, year] = cell.split("/");
    return { country, year, n };
  });
  const countries = [...new Set(entries.map((e) => e.country))].sort();
  const years = [...new Set(entries.map((e) => e.year))].sort();
  return { entries, countries, years };
}

function niceStep(max) {
  const raw = Math.max(1, max) / 5;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return Math.max(1, step);
}

function renderChart(cells) {
  const chart = $("chart");
  const [width, height] = [640, 260];
  const margin = { top: 28, right: 10, bottom: 34, left: 36 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const { entries, countries, years } = chartData(cells);
  chart.replaceChildren();
  if (entries.length === 0) {
    chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" },
      "no airspace violations counted yet"));
    return;
  }
  const step = niceStep(Math.max(...entries.map((e) => e.n)));
  const top = Math.ceil(Math.max(...entries.map((e) => e.n)) / step) * step;
  const y = (n) => margin.top + plotH - (plotH * n) / top;
  for (let tick = 0; tick <= top; tick += step) {
    chart.append(svg("line", { class: "grid", x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick) }));
    chart.append(svg("text", { class: "tick", x: margin.left - 6, y: y(tick) + 4 }, tick));
  }
  const group = plotW / countries.length;
  const bar = Math.min(36, (group * 0.8) / years.length);
  const colour = (year) => PALETTE[years.indexOf(year) % PALETTE.length];
  for (const e of entries) {
    const gi = countries.indexOf(e.country);
    const x = margin.left + gi * group + (group - bar * years.length) / 2 + years.indexOf(e.year) * bar;
    const rect = svg("rect", { class: "bar", x: x + 1, y: y(e.n), width: Math.max(1, bar - 2),
      height: y(0) - y(e.n), fill: colour(e.year), "data-country": e.country, "data-year": e.year, "data-count": e.n });
    rect.append(svg("title", {}, `${e.country} ${e.year}: ${e.n}`));
    chart.append(rect, svg("text", { class: "value", x: x + bar / 2, y: y(e.n) - 3 }, e.n));
  }
  countries.forEach((country, gi) => {
    chart.append(svg("text", { class: "country", x: margin.left + gi * group + group / 2, y: height - margin.bottom + 16 }, country));
  });
  chart.append(svg("line", { class: "axis", x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0) }));
  years.forEach((year, i) => {
    const x = width - margin.right - (years.length - i) * 56;
    chart.append(svg("rect", { x, y: 8, width: 10, height: 10, fill: colour(year) }),
      svg("text", { x: x + 14, y: 17 }, year));
  });
}

// ---- lists --------------------------------------------------------------------------------------

function when(date) {
  return date && date.value ? date.value : "date unknown";
}

// The sentence of the body that supports the incident reads better than the headline.
function evidenceSentence(evidence) {
  return evidence.find((item) => item.field === "body") || evidence[0];
}

function renderIncidents(page) {
  const list = $("incidents");
  list.replaceChildren();
  for (const e of page.items) {
    const li = el("li");
    li.dataset.id = e.incident_id;
    const what = [e.kind.replace(/_/g, " "), e.country, e.violator ? "by " + e.violator : null,
      e.count ? e.count + " × " + (e.model || e.platform) : e.platform && e.platform !== "unknown" ? e.platform : null]
      .filter(Boolean).join(" · ");
    const meta = [when(e.occurred_on), e.attribution, `${e.article_id} v${e.article_version}`].filter(Boolean).join(" · ");
    li.append(el("b", what), el("div", meta, "meta"));
    const evidence = evidenceSentence(e.evidence || []);
    if (evidence) li.append(el("blockquote", evidence.text, "evidence"));
    list.append(li);
  }
  if (page.items.length === 0) list.append(el("li", "none yet", "muted"));
}

function renderStatements(page) {
  const list = $("statements");
  list.replaceChildren();
  for (const s of page.items) {
    const li = el("li");
    li.dataset.id = s.statement_id;
    const who = [s.speaker.name, s.speaker.role, s.speaker.organization].filter(Boolean).join(", ");
    li.append(el("b", who), el("span", ` ${s.cue || (s.mode === "direct" ? "said" : "reportedly said")}: `),
      el("q", s.quote), el("div", `${when(s.said_on)} · ${s.mode} · ${s.article_id} v${s.article_version}`, "meta"));
    list.append(li);
  }
  if (page.items.length === 0) list.append(el("li", "none yet", "muted"));
}

function render(snapshot) {
  renderCounts(snapshot.counts);
  renderChart(snapshot.counts.airspace_violation);
  renderIncidents(snapshot.incidents);
  renderStatements(snapshot.statements);
  $("updated").textContent = "updated " + new Date().toLocaleTimeString();
  document.dispatchEvent(new CustomEvent("newsroom:snapshot", { detail: snapshot }));
}

// ---- live updates -------------------------------------------------------------------------------

function setState(state, text) {
  const node = $("connection");
  node.dataset.state = state;
  node.textContent = text;
}

let pollTimer = null;

async function pollOnce() {
  try {
    const response = await fetch("/api/snapshot", { cache: "no-store" });
    if (response.status === 503) {  // the worker is recovering its tables: keep the last view, say so
      setState("recovering", "recovering…");
      return;
    }
    if (!response.ok) throw new Error("HTTP " + response.status);
    render(await response.json());
    setState("polling", "polling");
  } catch (error) {
    setState("offline", "worker unreachable");
  }
}

function startPolling() {
  if (pollTimer === null) {
    pollOnce();
    pollTimer = setInterval(pollOnce, POLL_MS);
  }
}

function stopPolling() {
  if (pollTimer !== null) {
    clearInterval(pollTimer);
    pollTimer = null;
  }
}

function connect() {
  if (!window.EventSource) {
    startPolling();
    return;
  }
  const source = new EventSource("/api/events");
  source.addEventListener("snapshot", (message) => {
    stopPolling();
    render(JSON.parse(message.data));
    setState("live", "live");
  });
  source.addEventListener("recovering", () => {
    stopPolling();
    setState("recovering", "recovering…");
  });
  source.addEventListener("error", () => {
    startPolling();
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, REOPEN_MS);
  });
}

connect();
