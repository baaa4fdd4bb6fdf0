// The article view: the (untrusted) article text with its facts highlighted.
// The text is cut at fact boundaries and every piece goes in as a text node.
import { h, clear } from "./dom.js";

const KINDS = ["actor", "place", "time", "event", "quote"];

/** Every highlight of a record: {kind, id, start, end, fact}. */
export function highlights(record) {
  const out = [];
  for (const a of record.actors || []) for (const [b, e] of a.mentions || []) out.push({ kind: "actor", id: a.id, start: b, end: e, fact: a });
  for (const p of record.places || []) for (const [b, e] of p.mentions || []) out.push({ kind: "place", id: p.id, start: b, end: e, fact: p });
  for (const t of record.times || []) if (t.span) out.push({ kind: "time", id: t.id, start: t.span[0], end: t.span[1], fact: t });
  for (const ev of record.events || []) {
    const spans = ev.trigger_span ? [ev.trigger_span] : (ev.mentions || []);
    for (const [b, e] of spans) out.push({ kind: "event", id: ev.id, start: b, end: e, fact: ev });
  }
  for (const q of record.quotes || []) if (q.span) out.push({ kind: "quote", id: q.id, start: q.span[0], end: q.span[1], fact: q });
  const n = (record.article.text || "").length;
  return out.filter((x) => x.start >= 0 && x.end <= n && x.start < x.end);
}

/** Cut [0, n) at every highlight boundary: [{start, end, cover: [highlight...]}]. */
export function segments(n, marks) {
  const cuts = new Set([0, n]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const cover = marks.filter((m) => m.start <= a && m.end >= b)
      .sort((x, y) => (x.end - x.start) - (y.end - y.start));
    out.push({ start: a, end: b, cover });
  }
  return out;
}

function describe(record, m) {
  const f = m.fact;
  const actor = (id) => (record.actors || []).find((a) => a.id === id);
  const lines = [];
  if (m.kind === "event") {
    const src = actor(f.source), tgt = actor(f.target);
    lines.push(`${f.type}${f.cameo ? ` (CAMEO ${f.cameo})` : ""}: ${src ? src.name : "?"} → ${tgt ? tgt.name : "?"}`);
  } else if (m.kind === "quote") {
    const sp = actor(f.speaker);
    lines.push(`${f.kind} quote by ${sp ? sp.name : "unattributed"}`);
  } else if (m.kind === "actor") {
    lines.push(`${f.name}${f.code ? ` [${f.code}]` : ""}${f.role ? `, ${f.role}` : ""}`);
  } else if (m.kind === "place") {
    lines.push(`${f.name}${f.country ? `, ${f.country}` : ""}`);
  } else {
    lines.push(`${f.text} → ${f.value ?? "unresolved"}`);
  }
  return lines;
}

export function showFacts(panel, record, cover) {
  clear(panel);
  for (const m of cover) {
    panel.append(h("section", { class: `fact fact-${m.kind}`, "data-fact": `${m.kind}:${m.id}` },
      h("h3", {}, `${m.kind} ${m.id}`),
      ...describe(record, m).map((line) => h("p", {}, line)),
      h("pre", {}, JSON.stringify(m.fact, null, 2))));
  }
}

export function renderArticle(root, record) {
  const text = record.article.text || "";
  const marks = highlights(record);
  clear(root.text); clear(root.legend);
  clear(root.panel).append(h("p", { class: "muted" }, "Click a highlight to see its record."));
  root.title.textContent = record.article.title || "(untitled)";
  const a = record.article;
  root.meta.textContent = [a.source, a.published, a.url, `id ${a.id}`].filter(Boolean).join(" · ");
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const m of marks) counts[m.kind] += 1;
  for (const k of KINDS) {
    root.legend.append(h("span", { class: `legend-item hl-${k}` }, `${k}s`, ` (${new Set(marks.filter((m) => m.kind === k).map((m) => m.id)).size})`));
  }
  for (const seg of segments(text.length, marks)) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.cover.length) { root.text.append(document.createTextNode(piece)); continue; }
    const classes = ["hl", ...new Set(seg.cover.map((m) => `hl-${m.kind}`))];
    const top = seg.cover[0];
    const span = h("span", {
      class: classes.join(" "), tabindex: 0, role: "button",
      "data-kind": top.kind, "data-id": top.id,
      "data-facts": seg.cover.map((m) => `${m.kind}:${m.id}`).join(" "),
      onclick: () => showFacts(root.panel, record, seg.cover),
      onkeydown: (ev) => { if (ev.key === "Enter") showFacts(root.panel, record, seg.cover); },
    });
    span.textContent = piece;
    root.text.append(span);
  }
  return marks.length;
}

