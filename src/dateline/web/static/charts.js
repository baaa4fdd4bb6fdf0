// Charts drawn as plain SVG: the timeline by type, the map, the actor network
// and the dyad balance.  Labels go in as text nodes only.
import { s, h, clear, typeColor, goldsteinColor } from "./dom.js";

// ---- timeline ---------------------------------------------------------------

function nextPeriod(p, interval) {
  const d = new Date(p + "T00:00:00Z");
  if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every period from the first to the last (gaps included), or just those present if too many. */
export function periodsOf(rows, interval, max = 160) {
  const present = [...new Set(rows.map((r) => r.period))].sort();
  if (!present.length) return [];
  const all = [];
  for (let p = present[0]; p <= present[present.length - 1] && all.length <= max; p = nextPeriod(p, interval)) all.push(p);
  return all.length > max ? present : all;
}

export function drawTimeline(svg, legend, rows, interval, onType) {
  clear(svg); clear(legend);
  const W = 960, H = 220, L = 36, B = 28, T = 8;
  const periods = periodsOf(rows, interval);
  if (!periods.length) {
    svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty" }, "No dated events in this selection"));
    return;
  }
  const byPeriod = new Map(periods.map((p) => [p, []]));
  for (const r of rows) if (byPeriod.has(r.period)) byPeriod.get(r.period).push(r);
  const totals = periods.map((p) => byPeriod.get(p).reduce((a, r) => a + r.events, 0));
  const maxTotal = Math.max(1, ...totals);
  const bw = Math.min(60, (W - L - 4) / periods.length);
  const y = (v) => H - B - (v / maxTotal) * (H - B - T);
  svg.append(s("line", { x1: L, x2: W, y1: H - B, y2: H - B, class: "axis" }));
  for (const tick of [0, Math.ceil(maxTotal / 2), maxTotal]) {
    svg.append(s("text", { x: L - 4, y: y(tick) + 4, "text-anchor": "end", class: "tick" }, tick));
  }
  const every = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((p, i) => {
    let acc = 0;
    const x = L + i * bw;
    for (const r of byPeriod.get(p).sort((a, b) => a.type.localeCompare(b.type))) {
      const y0 = y(acc), y1 = y(acc + r.events);
      acc += r.events;
      svg.append(s("rect", {
        x: x + 1, y: y1, width: Math.max(1, bw - 2), height: Math.max(0.5, y0 - y1),
        fill: typeColor(r.type), class: "bar", "data-type": r.type, "data-period": p,
        onclick: () => onType && onType(r.type),
      }, s("title", {}, `${p} ${r.type}: ${r.events} event(s), mean Goldstein ${r.mean_goldstein ?? "n/a"}`)));
    }
    if (i % every === 0) {
      const label = interval === "year" ? p.slice(0, 4) : interval === "month" ? p.slice(0, 7) : p;
      svg.append(s("text", { x: x + bw / 2, y: H - 10, "text-anchor": "middle", class: "tick" }, label));
    }
  });
  const types = [...new Set(rows.map((r) => r.type))].sort();
  for (const t of types) {
    legend.append(h("button", { type: "button", class: "swatch-button", "data-type": t, onclick: () => onType && onType(t) },
      swatch(typeColor(t)), t));
  }
}

export function swatch(color) {
  return s("svg", { width: 12, height: 12, class: "swatch" }, s("rect", { width: 12, height: 12, fill: color }));
}

// ---- map --------------------------------------------------------------------

const project = (lon, lat) => [((lon + 180) / 360) * 960, ((90 - lat) / 180) * 480];

function ringPath(ring) {
  return ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z";
}

let worldCache = null;

/** The bundled world boundaries as GeoJSON features (null when the build step has not run). */
export async function loadWorld() {
  if (worldCache) return worldCache;
  if (!window.topojson) return null;
  const res = await fetch("/static/vendor/countries-110m.json");
  if (!res.ok) return null;
  const topo = await res.json();
  worldCache = window.topojson.feature(topo, topo.objects.countries).features;
  return worldCache;
}

export function drawMap(svg, world, events, onPlace) {
  clear(svg);
  svg.append(s("rect", { x: 0, y: 0, width: 960, height: 480, class: "sea" }));
  if (world) {
    const g = s("g", { class: "countries" });
    for (const f of world) {
      const geom = f.geometry;
      if (!geom) continue;
      const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
      const d = polys.map((poly) => poly.map(ringPath).join("")).join("");
      g.append(s("path", { d, class: "country" }, s("title", {}, f.properties?.name ?? "")));
    }
    svg.append(g);
  } else {
    svg.append(s("text", { x: 480, y: 30, "text-anchor": "middle", class: "empty" },
      "World boundaries not built: run `make install` (npm run build)"));
  }
  const points = new Map();
  for (const e of events) {
    if (e.lat === null || e.lon === null || e.lat === undefined) continue;
    const key = `${e.lat.toFixed(2)},${e.lon.toFixed(2)}`;
    const p = points.get(key) || { lat: e.lat, lon: e.lon, name: e.place_name, n: 0, g: 0, gn: 0 };
    p.n += 1;
    if (e.goldstein !== null && e.goldstein !== undefined) { p.g += e.goldstein; p.gn += 1; }
    points.set(key, p);
  }
  const g = s("g", { class: "points" });
  for (const p of points.values()) {
    const [x, y] = project(p.lon, p.lat);
    const mean = p.gn ? p.g / p.gn : null;
    g.append(s("circle", { cx: x, cy: y, r: 4 + Math.sqrt(p.n) * 2.5, fill: goldsteinColor(mean), class: "point",
      "data-place": p.name, onclick: () => onPlace && onPlace(p.name) },
      s("title", {}, `${p.name}: ${p.n} event(s)${mean === null ? "" : `, mean Goldstein ${mean.toFixed(1)}`}`)));
  }
  svg.append(g);
  return points.size;
}

// ---- network ----------------------------------------------------------------

/** A small deterministic force layout (repulsion, springs, centring). */
export function layout(nodes, edges, W = 960, H = 480, steps = 300) {
  const n = nodes.length;
  nodes.forEach((d, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    d.x = W / 2 + Math.cos(a) * W * 0.3; d.y = H / 2 + Math.sin(a) * H * 0.3;
  });
  const idx = new Map(nodes.map((d, i) => [d.id, i]));
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.6;
  for (let step = 0; step < steps; step++) {
    const t = 20 * (1 - step / steps) + 0.5;
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
      const d2 = Math.max(ex * ex + ey * ey, 1), f = (k * k) / d2;
      dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
    }
    for (const e of edges) {
      const i = idx.get(e.source), j = idx.get(e.target);
      if (i === undefined || j === undefined || i === j) continue;
      const ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
      const d = Math.max(Math.hypot(ex, ey), 1), f = d / k;
      dx[i] -= ex * f; dy[i] -= ey * f; dx[j] += ex * f; dy[j] += ey * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (W / 2 - nodes[i].x) * 0.3; dy[i] += (H / 2 - nodes[i].y) * 0.3;
      const len = Math.max(Math.hypot(dx[i], dy[i]), 1e-9), m = Math.min(len, t);
      nodes[i].x += (dx[i] / len) * m;
      nodes[i].y += (dy[i] / len) * m;
    }
  }
  // fit the drawing into the box, leaving room for labels on the right
  const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const d of nodes) {
    d.x = 30 + (x1 > x0 ? (d.x - x0) / (x1 - x0) : 0.5) * (W - 220);
    d.y = 25 + (y1 > y0 ? (d.y - y0) / (y1 - y0) : 0.5) * (H - 50);
  }
  return nodes;
}

export function drawNetwork(svg, net, onActor) {
  clear(svg);
  if (!net.nodes.length) {
    svg.append(s("text", { x: 480, y: 240, "text-anchor": "middle", class: "empty" }, "No actor pairs in this selection"));
    return;
  }
  const nodes = layout(net.nodes.map((d) => ({ ...d })), net.edges);
  const pos = new Map(nodes.map((d) => [d.id, d]));
  svg.append(s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
    s("path", { d: "M0,0L10,5L0,10z", class: "arrowhead" }))));
  for (const e of net.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    svg.append(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge", stroke: goldsteinColor(e.mean_goldstein),
      "stroke-width": 1 + Math.sqrt(e.events) * 1.5, "marker-end": "url(#arrow)" },
      s("title", {}, `${a.name} → ${b.name}: ${e.events} event(s), mean Goldstein ${e.mean_goldstein ?? "n/a"}`)));
  }
  for (const d of nodes) {
    svg.append(s("g", { class: "node", "data-actor": d.name, onclick: () => onActor && onActor(d.code || d.name) },
      s("circle", { cx: d.x, cy: d.y, r: 5 + Math.sqrt(d.events) * 2.5 }),
      s("text", { x: d.x + 9, y: d.y + 4 }, d.code ? `${d.name} (${d.code})` : d.name),
      s("title", {}, `${d.name}${d.code ? ` [${d.code}]` : ""}: ${d.events} event(s) — click to filter`)));
  }
}

// ---- dyad -------------------------------------------------------------------

export function drawDyad(svg, data) {
  clear(svg);
  const W = 960, H = 260, L = 36, M = H / 2;
  const periods = periodsOf(data.periods, data.interval);
  if (!periods.length) {
    svg.append(s("text", { x: W / 2, y: M, "text-anchor": "middle", class: "empty" }, "No dated events between these two"));
    return;
  }
  const byP = new Map(data.periods.map((r) => [r.period, r]));
  const max = Math.max(1, ...data.periods.map((r) => Math.max(r.cooperation, r.conflict)));
  const bw = Math.min(60, (W - L - 4) / periods.length), sc = (M - 24) / max;
  svg.append(s("line", { x1: L, x2: W, y1: M, y2: M, class: "axis" }));
  svg.append(s("text", { x: L - 4, y: 16, "text-anchor": "end", class: "tick" }, "coop"));
  svg.append(s("text", { x: L - 4, y: H - 6, "text-anchor": "end", class: "tick" }, "conf"));
  const every = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((p, i) => {
    const r = byP.get(p), x = L + i * bw + 1, w = Math.max(1, bw - 2);
    if (r) {
      const tip = `${p}: ${r.events} event(s), ${r.a_to_b} A→B, ${r.b_to_a} B→A, mean Goldstein ${r.mean_goldstein ?? "n/a"}`;
      svg.append(s("rect", { x, y: M - r.cooperation * sc, width: w, height: r.cooperation * sc, class: "coop" }, s("title", {}, tip)));
      svg.append(s("rect", { x, y: M, width: w, height: r.conflict * sc, class: "conflict" }, s("title", {}, tip)));
      if (r.mean_goldstein !== null) {
        svg.append(s("circle", { cx: x + w / 2, cy: M - (r.mean_goldstein / 10) * (M - 24), r: 3.5, class: "balance" }, s("title", {}, tip)));
      }
    }
    if (i % every === 0) svg.append(s("text", { x: x + w / 2, y: H - 20, "text-anchor": "middle", class: "tick" }, p.slice(0, data.interval === "year" ? 4 : 7)));
  });
}
