// Dashboard entry point: filters in the URL hash drive every panel.
import { $, h, clear, api, PLOVER_TYPES } from "./dom.js";
import { drawTimeline, drawMap, drawNetwork, drawDyad, loadWorld } from "./charts.js";
import { renderArticle } from "./article.js";

const FILTERS = ["q", "actor", "country", "type", "since", "until", "place"];
const PAGE = 50;
let eventsOffset = 0;
let loadSeq = 0;

function showError(err) {
  const box = $("#error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = String(err.message || err);
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { path, params: new URLSearchParams(query || "") };
}

function go(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) qs.set(k, v);
  location.hash = `#${path}${qs.toString() ? `?${qs}` : ""}`;
}

function currentFilters() {
  const f = {};
  for (const k of FILTERS) { const el = $(`#f-${k}`); if (el && el.value.trim()) f[k] = el.value.trim(); }
  const place = route().params.get("place");
  if (place) f.place = place;
  return f;
}

function setFilter(k, v) {
  const f = { ...currentFilters(), [k]: v };
  go("/", f);
}

function articleLink(id, label) {
  return h("a", { href: `#/article/${encodeURIComponent(id)}`, class: "article-link" }, label || "open");
}

function show(view) {
  for (const v of ["dashboard", "article", "dyad"]) $(`#view-${v}`).hidden = v !== view;
  $("#filters").hidden = view !== "dashboard";
}

// ---- dashboard ----------------------------------------------------------------

async function loadDashboard(params) {
  const seq = ++loadSeq;
  for (const k of FILTERS) { const el = $(`#f-${k}`); if (el) el.value = params.get(k) || ""; }
  const f = {};
  for (const k of FILTERS) if (params.get(k)) f[k] = params.get(k);
  eventsOffset = 0;
  showError(null);
  try {
    const [timeline, events, network, quotes, articles, world] = await Promise.all([
      api("/events/timeline", { ...f, interval: "month" }),
      api("/events", { ...f, limit: PAGE }),
      api("/events/network", { ...f, limit: 60 }),
      api("/quotes", { q: f.q, speaker: f.actor, country: f.country, since: f.since, until: f.until, limit: PAGE }),
      api("/articles", { q: f.q, since: f.since, until: f.until, limit: 20 }),
      loadWorld(),
    ]);
    if (seq !== loadSeq) return;
    let tl = timeline;
    const months = new Set(timeline.data.map((r) => r.period)).size;
    if (months <= 2 && timeline.data.length) tl = await api("/events/timeline", { ...f, interval: "day" });
    drawTimeline($("#timeline"), $("#timeline-legend"), tl.data, tl.meta.interval, (t) => setFilter("type", t));
    $("#timeline-note").textContent = `(per ${tl.meta.interval}; click a type to filter)`;
    const mapEvents = await api("/events", { ...f, limit: 500 });
    const placed = drawMap($("#map"), world, mapEvents.data, (p) => setFilter("place", p));
    $("#map-note").textContent = `(${placed} place(s)${f.place ? `; place: ${f.place}` : ""})`;
    drawNetwork($("#network"), network.data, (a) => setFilter("actor", a));
    $("#network-note").textContent = `(${network.data.nodes.length} actors; click one to filter)`;
    clear($("#events-table tbody"));
    addEvents(events);
    fillQuotes(quotes);
    fillArticles(articles);
  } catch (err) {
    showError(err);
  }
}

function addEvents(page) {
  const body = $("#events-table tbody");
  for (const e of page.data) {
    body.append(h("tr", { class: "event-row", "data-type": e.type },
      h("td", {}, e.date_start || e.published || ""),
      h("td", {}, h("span", { class: "type-chip" }, e.type), e.cameo ? ` ${e.cameo}` : ""),
      h("td", {}, e.source_name || "—"), h("td", {}, e.target_name || "—"),
      h("td", {}, e.modality || ""), h("td", {}, e.place_name || ""),
      h("td", {}, e.trigger || ""),
      h("td", {}, articleLink(e.article_id, e.article_title || e.article_id))));
  }
  eventsOffset = page.meta.offset + page.meta.returned;
  $("#events-note").textContent = `(${eventsOffset} of ${page.meta.total})`;
  $("#events-more").hidden = page.meta.next_offset === null;
}

function fillQuotes(page) {
  const list = clear($("#quotes-list"));
  for (const q of page.data) {
    list.append(h("li", { class: "quote-item" },
      h("strong", {}, q.speaker_name || "unattributed"), ` (${q.kind}, ${q.published || "undated"}): `,
      h("q", {}, q.text || ""), " ", articleLink(q.article_id, "article")));
  }
  $("#quotes-note").textContent = `(${page.meta.returned} of ${page.meta.total})`;
}

function fillArticles(page) {
  const list = clear($("#articles-list"));
  for (const a of page.data) {
    list.append(h("li", { class: "article-item" }, articleLink(a.id, a.title || a.id),
      h("span", { class: "muted" }, ` ${a.source || ""} ${a.published || ""} · ${a.events} events, ${a.quotes} quotes`)));
  }
  $("#articles-note").textContent = `(${page.meta.total})`;
}

// ---- article ------------------------------------------------------------------

async function loadArticle(id) {
  showError(null);
  try {
    const rec = await api(`/articles/${encodeURIComponent(id)}`);
    renderArticle({ text: $("#article-text"), legend: $("#article-legend"), panel: $("#fact-panel"),
      title: $("#article-title"), meta: $("#article-meta") }, rec.data);
  } catch (err) {
    clear($("#article-text")); $("#article-title").textContent = "Article not found";
    showError(err);
  }
}

// ---- dyad ---------------------------------------------------------------------

async function loadDyad(params) {
  const a = params.get("a") || "USA", b = params.get("b") || "RUS", interval = params.get("interval") || "month";
  $("#dyad-a").value = a; $("#dyad-b").value = b; $("#dyad-interval").value = interval;
  showError(null);
  try {
    const [res, evs] = await Promise.all([
      api("/dyads", { a, b, interval }),
      api("/events", { dyad: `${a},${b}`, limit: 200 }),
    ]);
    const d = res.data, t = d.totals;
    $("#dyad-title").textContent = `${a} – ${b}`;
    const mean = t.events ? (t.goldstein_sum / t.events).toFixed(2) : "n/a";
    $("#dyad-summary").textContent = `${t.events} event(s): ${t.a_to_b} ${a}→${b}, ${t.b_to_a} ${b}→${a}; `
      + `${t.cooperation} cooperative, ${t.conflict} conflictual; mean Goldstein ${mean}`;
    drawDyad($("#dyad-chart"), d);
    const body = clear($("#dyad-table tbody"));
    for (const r of d.periods) {
      body.append(h("tr", {}, h("td", {}, r.period), h("td", {}, r.events), h("td", {}, r.a_to_b), h("td", {}, r.b_to_a),
        h("td", {}, r.cooperation), h("td", {}, r.conflict), h("td", {}, r.mean_goldstein ?? "")));
    }
    const eb = clear($("#dyad-events tbody"));
    for (const e of evs.data) {
      eb.append(h("tr", { class: "event-row" }, h("td", {}, e.date_start || ""), h("td", {}, e.type),
        h("td", {}, e.source_name || ""), h("td", {}, e.target_name || ""),
        h("td", { class: "goldstein", "data-sign": e.goldstein === null ? "" : Math.sign(e.goldstein) }, e.goldstein ?? ""),
        h("td", {}, e.trigger || ""), h("td", {}, articleLink(e.article_id, e.article_title || e.article_id))));
    }
  } catch (err) {
    showError(err);
  }
}

// ---- wiring -------------------------------------------------------------------

async function onRoute() {
  const { path, params } = route();
  const hash = location.hash;
  delete document.body.dataset.loaded;
  if (path.startsWith("/article/")) { show("article"); await loadArticle(decodeURIComponent(path.slice(9))); }
  else if (path.startsWith("/dyad")) { show("dyad"); await loadDyad(params); }
  else { show("dashboard"); await loadDashboard(params); }
  // tells tests (and anyone watching) which view has finished drawing
  if (location.hash === hash) document.body.dataset.loaded = hash || "#/";
}

async function status() {
  try {
    const st = await api("/status");
    const c = st.data.counts;
    $("#status").textContent = `${c.articles} articles · ${c.events} events · ${c.quotes} quotes${st.data.read_only ? " · read-only" : ""}`;
  } catch (err) { showError(err); }
}

function init() {
  const sel = $("#f-type");
  for (const t of PLOVER_TYPES) sel.append(h("option", { value: t }, t));
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); go("/", currentFilters()); });
  $("#f-reset").addEventListener("click", () => go("/", {}));
  $("#events-more").addEventListener("click", async () => {
    try { addEvents(await api("/events", { ...currentFilters(), limit: PAGE, offset: eventsOffset })); }
    catch (err) { showError(err); }
  });
  $("#dyad-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("/dyad", { a: $("#dyad-a").value.trim(), b: $("#dyad-b").value.trim(), interval: $("#dyad-interval").value });
  });
  window.addEventListener("hashchange", onRoute);
  status();
  onRoute();
}

init();
