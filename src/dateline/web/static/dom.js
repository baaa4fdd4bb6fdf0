// DOM helpers.  Text is only ever set as text (text nodes / textContent): no
// string from the server is parsed as HTML anywhere in the dashboard.
const SVG_NS = "http://www.w3.org/2000/svg";

function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "text") node.textContent = String(v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** An HTML element: h("a", {href: "#"}, "text", child, ...). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export const $ = (sel) => document.querySelector(sel);

const PLOVER_COLORS = {
  AGREE: "#2b8a3e", CONSULT: "#1971c2", SUPPORT: "#37b24d", COOPERATE: "#0ca678", AID: "#74b816",
  CONCEDE: "#66a80f", RETREAT: "#94d82d", REQUEST: "#f59f00", ACCUSE: "#e67700", REJECT: "#d9480f",
  THREATEN: "#c92a2a", PROTEST: "#ae3ec9", MOBILIZE: "#862e9c", SANCTION: "#5f3dc4",
  COERCE: "#e03131", ASSAULT: "#a61e4d",
};
export const PLOVER_TYPES = Object.keys(PLOVER_COLORS);

export function typeColor(type) {
  if (PLOVER_COLORS[type]) return PLOVER_COLORS[type];
  let x = 0;
  for (const ch of String(type)) x = (x * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${x},55%,45%)`;
}

/** Red for conflict, green for cooperation, grey when unknown. */
export function goldsteinColor(g) {
  if (g === null || g === undefined) return "#868e96";
  if (g < 0) return g <= -5 ? "#c92a2a" : "#f08c00";
  return g >= 3 ? "#2b8a3e" : "#74b816";
}

/** Fetch an API path; resolve to the success envelope, reject with the error message. */
export async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) qs.set(k, v);
  const url = qs.toString() ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json();
  if (!body.ok) throw new Error(`[${body.error.code}] ${body.error.message}`);
  return body;
}
