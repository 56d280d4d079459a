// An entity's neighbourhood as an SVG network, laid out by a small force simulation of our own.
// Clicking a node fetches its neighbours and adds them; clicking a node or an edge shows the
// sentences behind it beside the drawing.
import { api, hasEndpoint } from "./api.js";
import { keepControl } from "./investigations.js";
import {
  KIND_LABEL, REL_LABEL, ROLE_LABEL, badge, el, entityHash, entityLink, muted, sourceBlock, svg,
} from "./dom.js";

const NEIGHBOUR_LIMIT = 60;
const HIDDEN_BY_DEFAULT = new Set(["article", "document"]);
const LINK_LENGTH = 150;
const REPULSION = 18000;
const SPRING = 0.04;
const GRAVITY = 0.012;
const FRICTION = 0.55;
const SETTLED = 0.02;

// What an edge says, short enough to sit on the line: roles, title or relation, then the date.
function edgeWords(edge) {
  const p = edge.properties || {};
  if (Array.isArray(p.roles) && p.roles.length) return p.roles.map((r) => ROLE_LABEL[r] || r).join("·");
  if (p.title) return p.title;
  return REL_LABEL[edge.type] || edge.type;
}

function edgeDate(edge) {
  const p = edge.properties || {};
  return p.date || p.as_of || "";
}

export function edgeLabel(edge) {
  return [edgeWords(edge), edgeDate(edge)].filter(Boolean).join(" ");
}

// One line can carry the same fact read in several articles: name it once, with its date range.
function lineLabel(line) {
  const words = [...new Set(line.facts.map(edgeWords))];
  const dates = [...new Set(line.facts.map(edgeDate).filter(Boolean))].sort();
  const when = dates.length > 1 ? `${dates[0]}…${dates[dates.length - 1]}` : (dates[0] || "");
  const what = words.length > 2 ? `${words[0]} +${words.length - 1}` : words.join("/");
  return [what, when].filter(Boolean).join(" ");
}

class Network {
  constructor(root, panel, notice) {
    this.root = root;
    this.panel = panel;
    this.notice = notice;
    this.nodes = new Map();
    this.edges = new Map(); // one drawn line per (source, target, type); its facts listed inside
    this.showArticles = false;
    this.withArticles = false; // whether sentences may link to the article view (set by showGraph)
    this.alpha = 0;
    this.frame = null;
    this.userView = null; // set once the user pans or zooms: stop fitting the view to the nodes
    this.selected = null;
    this.opened = []; // the nodes expanded after the centre, in order: the URL holds them
    this.hidden = []; // the nodes the reader put away, the last one first to come back on Undo
    this.offTypes = new Set(); // the relationship types switched off in the toolbar
    this.offKinds = new Set(); // the kinds of node switched off in the legend (titles, events…)
    this.since = ""; // the dates a line's facts must fall in (YYYY-MM-DD, either end open)
    this.until = "";
    this.shownNodes = [];
    this.shownEdges = [];
    this.build();
  }

  // The view in the URL, so a reload or a shared link shows the same nodes. replaceState: each
  // click is not a step of the Back button, and no hashchange redraws the graph.
  keepInUrl() {
    const params = new URLSearchParams();
    if (this.opened.length) params.set("expand", this.opened.join(","));
    if (this.showArticles) params.set("articles", "1");
    if (this.hidden.length) params.set("hide", this.hidden.join(","));
    if (this.offTypes.size) params.set("off", [...this.offTypes].sort().join(","));
    if (this.offKinds.size) params.set("without", [...this.offKinds].sort().join(","));
    if (this.since) params.set("since", this.since);
    if (this.until) params.set("until", this.until);
    const query = params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
    history.replaceState(null, "", `#/graph/${encodeURIComponent(this.center)}${query ? `?${query}` : ""}`);
  }

  // A kept view back: the nodes expanded in their order, each near the node it was opened from.
  async restore(ids) {
    for (const id of ids) {
      if (id === this.center) continue;
      await this.expand(id, this.nodes.get(id));
    }
  }

  build() {
    this.edgeLayer = svg("g", { class: "edges" });
    this.labelLayer = svg("g", { class: "edge-labels" });
    this.nodeLabelLayer = svg("g", { class: "node-labels" });
    this.nodeLayer = svg("g", { class: "nodes" });
    // Arrows run the way the fact reads: a person attended an event, held a title, signed.
    const arrow = svg("marker", { id: "graph-arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "6",
      markerHeight: "6", orient: "auto" }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow-head" }));
    this.svg = svg("svg", {
      id: "graph-svg", role: "img", "aria-label": "network of connections", viewBox: "-400 -300 800 600",
      "data-settled": "false",
    }, svg("defs", {}, arrow), this.edgeLayer, this.labelLayer, this.nodeLabelLayer, this.nodeLayer);
    this.svg.addEventListener("wheel", (event) => this.zoom(event), { passive: false });
    this.svg.setAttribute("tabindex", "0");
    this.svg.addEventListener("keydown", (event) => this.keys(event));
    // Fingers on the drawing: one pans, two pinch (touch-action: none leaves both to us).
    this.pointers = new Map();
    this.svg.addEventListener("pointerdown", (event) => this.trackPointer(event));
    // A touch stays captured by the element it started on: the drawing hears all of its moves.
    this.svg.addEventListener("pointermove", (event) => this.pinchMove(event));
    for (const type of ["pointerup", "pointercancel"]) {
      this.svg.addEventListener(type, (event) => this.pointers.delete(event.pointerId));
    }
    this.svg.addEventListener("pointerdown", (event) => this.startPan(event));
    this.root.replaceChildren(this.svg);
  }

  // --- data ---------------------------------------------------------------------------------

  async expand(id, near) {
    const node = this.nodes.get(id);
    if (node) {
      if (node.expanded || node.loading) return;
      node.loading = true;
    }
    this.notice.textContent = "Loading neighbours…";
    let view;
    try {
      view = await api(`/graph/neighbourhood/${encodeURIComponent(id)}?depth=1&limit=${NEIGHBOUR_LIMIT}`);
    } catch (error) {
      this.notice.textContent = error.message;
      if (node) node.loading = false;
      return;
    }
    const origin = near || { x: 0, y: 0 };
    let added = 0;
    view.nodes.forEach((n, i) => {
      if (this.nodes.has(n.id)) return;
      // A spiral around the clicked node, a little jittered so no two start on one line.
      const angle = i * 2.4 + Math.random() * 0.3;
      const radius = n.id === id ? 0 : 40 + 8 * Math.sqrt(i);
      this.nodes.set(n.id, {
        ...n, x: origin.x + Math.cos(angle) * radius, y: origin.y + Math.sin(angle) * radius, vx: 0, vy: 0,
        expanded: false, loading: false,
      });
      added += 1;
    });
    for (const e of view.edges) {
      const key = `${e.source}|${e.target}|${e.type}`;
      if (!this.edges.has(key)) this.edges.set(key, { key, source: e.source, target: e.target, type: e.type, facts: [] });
      const line = this.edges.get(key);
      const factKey = `${e.sentence}|${e.article ? e.article.id : ""}|${JSON.stringify(e.properties)}`;
      if (!line.facts.some((f) => f.factKey === factKey)) line.facts.push({ ...e, factKey });
    }
    const expanded = this.nodes.get(id);
    expanded.expanded = true;
    expanded.loading = false;
    if (id !== this.center && !this.opened.includes(id)) {
      this.opened.push(id);
      this.keepInUrl();
    }
    this.notice.textContent = view.truncated
      ? `Showing the first ${NEIGHBOUR_LIMIT} neighbours of ${expanded.name}.`
      : (added ? "" : `${expanded.name} has no further neighbours.`);
    this.render();
    if (this.selected) this.select(this.nodes.get(this.selected.id));
    this.heat(added ? 0.8 : 0.1);
  }

  kindShown(node) {
    return Boolean(node) && (this.showArticles || !HIDDEN_BY_DEFAULT.has(node.kind));
  }

  // What is drawn: nodes not hidden, lines of the types switched on between them, and no node left
  // hanging once every line that tied it to the drawing is hidden or filtered away. Worked out once
  // per change, not on every tick of the layout.
  refresh() {
    const shown = (n) => this.kindShown(n) && !this.hidden.includes(n.id)
      && (n.id === this.center || !this.offKinds.has(n.kind));
    const ties = [...this.edges.values()].filter((e) => this.kindShown(this.nodes.get(e.source))
      && this.kindShown(this.nodes.get(e.target)));
    this.shownEdges = ties.filter((e) => !this.offTypes.has(e.type) && this.inDates(e)
      && shown(this.nodes.get(e.source)) && shown(this.nodes.get(e.target)));
    const tied = new Set(ties.flatMap((e) => [e.source, e.target]));
    const drawn = new Set(this.shownEdges.flatMap((e) => [e.source, e.target]));
    this.shownNodes = [...this.nodes.values()].filter((n) => shown(n)
      && (n.id === this.center || drawn.has(n.id) || !tied.has(n.id)));
    this.typeCounts = {};
    for (const e of ties) this.typeCounts[e.type] = (this.typeCounts[e.type] || 0) + 1;
  }

  // A line stays when one of its facts is dated within the range; an undated fact (a company runs a
  // project) is not bound to a time and stays too.
  inDates(line) {
    if (!this.since && !this.until) return true;
    return line.facts.some((f) => {
      const date = edgeDate(f);
      return !date || ((!this.since || date >= this.since) && (!this.until || date.slice(0, this.until.length) <= this.until));
    });
  }

  setDates(since, until) {
    this.since = since || "";
    this.until = until || "";
    this.changed();
  }

  visible(node) {
    return this.shownNodes.includes(node);
  }

  visibleNodes() {
    return this.shownNodes;
  }

  visibleEdges() {
    return this.shownEdges;
  }

  // --- drawing ------------------------------------------------------------------------------

  render() {
    this.refresh();
    // Redrawing replaces the elements: the node or line that had the keyboard keeps it.
    const focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("#graph-svg g.node, #graph-svg .edge-label") : null;
    const focusedKey = focused ? (focused.dataset.id || focused.dataset.key) : null;
    const nodes = this.visibleNodes();
    const edges = this.visibleEdges();
    this.edgeLayer.replaceChildren(...edges.map((e) => {
      e.line = svg("line", { class: `edge ${e.type}`, "data-key": e.key, "marker-end": "url(#graph-arrow)",
        onclick: () => this.selectEdge(e) },
        svg("title", {}, lineLabel(e)));
      return e.line;
    }));
    this.labelLayer.replaceChildren(...edges.map((e) => {
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      e.label = svg("text", { class: "edge-label", "text-anchor": "middle", "data-key": e.key, tabindex: "0", role: "button",
        "aria-label": `${a.name} → ${b.name}: ${lineLabel(e)}`, onclick: () => this.selectEdge(e) }, lineLabel(e));
      e.label.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          this.selectEdge(e);
        }
      });
      return e.label;
    }));
    this.nodeLayer.replaceChildren(...nodes.map((n) => {
      const isCenter = n.id === this.center;
      n.el = svg("g", {
        class: `node ${n.kind}${n.expanded ? " expanded" : ""}${isCenter ? " center" : ""}`,
        "data-id": n.id, "data-kind": n.kind, "data-name": n.name, tabindex: "0", role: "button",
        "aria-label": `${KIND_LABEL[n.kind] || n.kind} ${n.name}`,
      },
      svg("circle", { r: isCenter ? 16 : 11 }),
      svg("title", {}, `${n.name} (${KIND_LABEL[n.kind] || n.kind})${n.expanded ? "" : " — click to expand"}`));
      // Names sit in a layer under every circle, so a long name never covers another node.
      n.labelEl = svg("text", { class: `node-label${isCenter ? " center" : ""}`, x: 15, y: 4 },
        n.name.length > 16 ? `${n.name.slice(0, 15)}…` : n.name);
      n.labelEl.addEventListener("pointerdown", (event) => this.startDrag(event, n));
      n.el.addEventListener("pointerdown", (event) => this.startDrag(event, n));
      n.el.addEventListener("keydown", (event) => {
        if (event.key === "Enter") this.clickNode(n);
        if (event.key === "Delete" || event.key === "Backspace") this.hide(n);
      });
      return n.el;
    }));
    this.nodeLabelLayer.replaceChildren(...nodes.map((n) => n.labelEl));
    this.svg.dataset.nodeCount = String(nodes.length);
    this.svg.dataset.totalNodes = String(this.nodes.size);
    this.updateLegend(nodes);
    this.updateFilters();
    this.draw();
    if (focusedKey) {
      const again = this.nodes.get(focusedKey) || this.edges.get(focusedKey);
      const target = again && (again.el || again.label);
      if (target && target.isConnected) target.focus();
      else this.svg.focus(); // it was hidden: the drawing keeps the keyboard
    }
  }

  // Keys on the drawing: arrows pan, + and - zoom, 0 fits it all again.
  keys(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const pan = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
    const [x, y, w, h] = this.svg.getAttribute("viewBox").split(" ").map(Number);
    if (pan) {
      this.userView = true;
      this.svg.setAttribute("viewBox", `${x + pan[0] * w * 0.1} ${y + pan[1] * h * 0.1} ${w} ${h}`);
    } else if (event.key === "+" || event.key === "=" || event.key === "-") {
      const factor = event.key === "-" ? 1.2 : 1 / 1.2;
      this.userView = true;
      this.svg.setAttribute("viewBox",
        `${x + (w - w * factor) / 2} ${y + (h - h * factor) / 2} ${w * factor} ${h * factor}`);
    } else if (event.key === "0") {
      this.resetView();
    } else {
      return;
    }
    event.preventDefault();
  }

  // One switch per relationship type in the drawing, and the hidden nodes with a way back.
  updateFilters() {
    const types = document.getElementById("edge-types");
    if (types) {
      types.replaceChildren(...Object.entries(this.typeCounts).sort().map(([type, count]) =>
        el("label", { class: "edge-type" },
          el("input", { type: "checkbox", "data-type": type, checked: !this.offTypes.has(type),
            onchange: (event) => this.toggleType(type, event.target.checked) }),
          ` ${REL_LABEL[type] || type} ${count}`)));
    }
    const bar = document.getElementById("hidden-nodes");
    if (!bar) return;
    const names = this.hidden.map((id) => this.nodes.get(id)).filter(Boolean);
    bar.replaceChildren(...(names.length ? [
      el("button", { type: "button", id: "undo-hide", onclick: () => this.unhide(this.hidden[this.hidden.length - 1]) },
        `Undo 撤销 (${names[names.length - 1].name})`),
      " Hidden 已隐藏: ",
      ...names.map((n) => el("button", { type: "button", class: "hidden-node", "data-id": n.id, title: "show again 恢复",
        onclick: () => this.unhide(n.id) }, `${n.name} ×`)),
    ] : []));
  }

  changed() {
    this.keepInUrl();
    this.render();
    const selected = this.selected && this.visible(this.selected) ? this.selected : this.nodes.get(this.center);
    if (selected) this.select(selected);
    this.heat(0.3);
  }

  hide(node) {
    if (node.id === this.center || this.hidden.includes(node.id)) return;
    this.hidden.push(node.id);
    this.changed();
  }

  unhide(id) {
    this.hidden = this.hidden.filter((h) => h !== id);
    this.changed();
  }

  toggleType(type, on) {
    if (on) this.offTypes.delete(type);
    else this.offTypes.add(type);
    this.changed();
  }

  // Each kind with its count, a switch: titles as bubbles crowd a busy official's graph.
  updateLegend(nodes) {
    const counts = {};
    for (const n of nodes) counts[n.kind] = (counts[n.kind] || 0) + 1;
    for (const n of this.nodes.values()) {
      if (this.offKinds.has(n.kind) && this.kindShown(n) && !this.hidden.includes(n.id)) counts[n.kind] = (counts[n.kind] || 0) + 1;
    }
    const legend = document.getElementById("graph-legend");
    if (legend) {
      legend.replaceChildren(...Object.entries(counts).map(([kind, count]) => {
        const off = this.offKinds.has(kind);
        return el("button", { type: "button", class: `legend-item${off ? " off" : ""}`, "data-kind": kind,
          "aria-pressed": String(!off), title: off ? "show these again 显示" : "hide these 隐藏",
          onclick: () => this.toggleKind(kind) },
        el("span", { class: `swatch ${kind}` }), `${KIND_LABEL[kind] || kind} ${count}`);
      }));
    }
  }

  toggleKind(kind) {
    if (this.offKinds.has(kind)) this.offKinds.delete(kind);
    else this.offKinds.add(kind);
    this.changed();
  }

  draw() {
    for (const e of this.visibleEdges()) {
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      if (!e.line) continue;
      // The line stops at the target's rim, so its arrow is not under the circle.
      const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const rim = (b.id === this.center ? 16 : 11) + 2;
      e.line.setAttribute("x1", a.x.toFixed(1));
      e.line.setAttribute("y1", a.y.toFixed(1));
      e.line.setAttribute("x2", (b.x - ((b.x - a.x) / d) * rim).toFixed(1));
      e.line.setAttribute("y2", (b.y - ((b.y - a.y) / d) * rim).toFixed(1));
      e.label.setAttribute("x", ((a.x + b.x) / 2).toFixed(1));
      e.label.setAttribute("y", ((a.y + b.y) / 2 - 3).toFixed(1));
    }
    for (const n of this.visibleNodes()) {
      const at = `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`;
      if (n.el) n.el.setAttribute("transform", at);
      if (n.labelEl) n.labelEl.setAttribute("transform", at);
    }
    if (!this.userView) this.fit();
  }

  // The whole drawing in view, with the canvas's own proportions so nothing is squeezed.
  fit() {
    const nodes = this.visibleNodes();
    if (!nodes.length) return;
    const xs = nodes.map((n) => n.x);
    const ys = nodes.map((n) => n.y);
    const pad = 50;
    const minX = Math.min(...xs) - pad;
    const maxX = Math.max(...xs) + pad + 130; // room for the labels right of the nodes
    const minY = Math.min(...ys) - pad;
    const maxY = Math.max(...ys) + pad;
    const pixelsWide = this.svg.clientWidth || 800;
    const pixelsHigh = this.svg.clientHeight || 600;
    const aspect = pixelsWide / pixelsHigh;
    // A small neighbourhood is not blown up past 1.25 times its size: labels stay a normal size.
    let width = Math.max(maxX - minX, pixelsWide / 1.25);
    let height = Math.max(maxY - minY, pixelsHigh / 1.25);
    if (width / height > aspect) height = width / aspect;
    else width = height * aspect;
    const x = (minX + maxX) / 2 - width / 2;
    const y = (minY + maxY) / 2 - height / 2;
    this.svg.setAttribute("viewBox", `${x.toFixed(1)} ${y.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`);
  }

  // --- simulation ---------------------------------------------------------------------------

  heat(alpha) {
    this.alpha = Math.max(this.alpha, alpha);
    this.svg.dataset.settled = "false";
    if (!this.frame) this.frame = requestAnimationFrame(() => this.step());
  }

  step() {
    this.frame = null;
    for (let i = 0; i < 3; i += 1) this.tick();
    this.draw();
    if (this.alpha > SETTLED) {
      this.frame = requestAnimationFrame(() => this.step());
    } else {
      this.svg.dataset.settled = "true";
    }
  }

  tick() {
    const nodes = this.visibleNodes();
    const alpha = this.alpha;
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const a = nodes[i];
        const b = nodes[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        if (dx === 0 && dy === 0) {
          dx = (i - j) * 0.1;
          dy = 0.1;
        }
        const d2 = Math.max(dx * dx + dy * dy, 100);
        const force = (REPULSION * alpha) / d2;
        const d = Math.sqrt(d2);
        a.vx -= (dx / d) * force;
        a.vy -= (dy / d) * force;
        b.vx += (dx / d) * force;
        b.vy += (dy / d) * force;
      }
    }
    for (const e of this.visibleEdges()) {
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const force = (d - LINK_LENGTH) * SPRING * alpha;
      a.vx += (dx / d) * force;
      a.vy += (dy / d) * force;
      b.vx -= (dx / d) * force;
      b.vy -= (dy / d) * force;
    }
    for (const n of nodes) {
      n.vx -= n.x * GRAVITY * alpha;
      n.vy -= n.y * GRAVITY * alpha;
      if (n.pinned) {
        n.vx = 0;
        n.vy = 0;
        continue;
      }
      n.vx *= FRICTION;
      n.vy *= FRICTION;
      n.x += n.vx;
      n.y += n.vy;
    }
    this.alpha *= 0.985;
  }

  // --- interaction --------------------------------------------------------------------------

  svgPoint(event) {
    const point = this.svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(this.svg.getScreenCTM().inverse());
  }

  startDrag(event, node) {
    event.stopPropagation();
    const start = { x: event.clientX, y: event.clientY };
    let moved = false;
    const move = (ev) => {
      if (!moved && Math.hypot(ev.clientX - start.x, ev.clientY - start.y) < 4) return;
      moved = true;
      this.userView = this.userView || this.svg.getAttribute("viewBox");
      const p = this.svgPoint(ev);
      node.x = p.x;
      node.y = p.y;
      node.pinned = true;
      this.heat(0.3);
      this.draw();
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      if (!moved) this.clickNode(node);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  }

  startPan(event) {
    if (event.target !== this.svg) return;
    const [x, y, w, h] = this.svg.getAttribute("viewBox").split(" ").map(Number);
    const scale = w / this.svg.clientWidth;
    const start = { x: event.clientX, y: event.clientY };
    const move = (ev) => {
      if (this.pointers.size > 1) return; // a second finger came: a pinch, not a pan
      this.userView = true;
      this.svg.setAttribute("viewBox", `${x - (ev.clientX - start.x) * scale} ${y - (ev.clientY - start.y) * scale} ${w} ${h}`);
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  }

  zoom(event) {
    event.preventDefault();
    this.zoomAt(event, event.deltaY > 0 ? 1.15 : 1 / 1.15);
  }

  // factor > 1 shows more of the drawing; the point under `at` stays where it is.
  zoomAt(at, factor) {
    this.userView = true;
    const [x, y, w, h] = this.svg.getAttribute("viewBox").split(" ").map(Number);
    const p = this.svgPoint(at);
    this.svg.setAttribute("viewBox",
      `${p.x - (p.x - x) * factor} ${p.y - (p.y - y) * factor} ${w * factor} ${h * factor}`);
  }

  trackPointer(event) {
    if (event.target !== this.svg) return;
    this.pointers.set(event.pointerId, { clientX: event.clientX, clientY: event.clientY });
  }

  pinchMove(event) {
    if (!this.pointers.has(event.pointerId)) return;
    const before = [...this.pointers.values()];
    this.pointers.set(event.pointerId, { clientX: event.clientX, clientY: event.clientY });
    if (this.pointers.size !== 2) return;
    const after = [...this.pointers.values()];
    const span = (p) => Math.hypot(p[0].clientX - p[1].clientX, p[0].clientY - p[1].clientY);
    if (span(before) < 1 || span(after) < 1) return;
    const mid = { clientX: (after[0].clientX + after[1].clientX) / 2, clientY: (after[0].clientY + after[1].clientY) / 2 };
    this.zoomAt(mid, span(before) / span(after));
  }

  resetView() {
    this.userView = null;
    this.fit();
  }

  clickNode(node) {
    this.select(node);
    if (!node.expanded) this.expand(node.id, node);
  }

  select(node) {
    this.selected = node;
    for (const n of this.visibleNodes()) n.el && n.el.classList.toggle("selected", n === node);
    const lines = this.visibleEdges().filter((e) => e.source === node.id || e.target === node.id);
    this.panel.replaceChildren(el("div", { "data-id": node.id },
      el("h3", {}, badge(node.kind), node.name),
      entityHash(node) ? el("p", {}, el("a", { href: entityHash(node) }, "Open page 打开"), " · ",
        el("a", { href: `#/connect?from=${encodeURIComponent(node.id)}` }, "Connect to… 找关系")) : null,
      node.id === this.center ? null : el("p", {}, el("button", { type: "button", id: "hide-node",
        title: "Take this node and the lines only it holds off the drawing (Delete key)", onclick: () => this.hide(node) },
      "Hide 隐藏")),
      node.expanded ? null : el("p", { class: "muted" }, "Neighbours loading…"),
      lines.length ? el("ul", { class: "edge-facts" }, lines.map((e) => this.edgeItem(e, node))) : null));
  }

  edgeItem(e, from) {
    const otherId = e.source === from.id ? e.target : e.source;
    const other = this.nodes.get(otherId);
    return el("li", {},
      el("div", {}, el("span", { class: "rel" }, lineLabel(e)), " ", entityLink(other)),
      e.facts.filter((f) => f.sentence || f.article).slice(0, 4)
        .map((f) => sourceBlock({ sentence: f.sentence, article: f.article }, this.withArticles)));
  }

  selectEdge(e) {
    const a = this.nodes.get(e.source);
    const b = this.nodes.get(e.target);
    this.panel.replaceChildren(
      el("h3", {}, entityLink(a), " → ", entityLink(b)),
      el("ul", { class: "edge-facts" }, e.facts.map((f) => el("li", {},
        el("span", { class: "rel" }, edgeLabel(f)),
        f.sentence || f.article ? sourceBlock({ sentence: f.sentence, article: f.article }, this.withArticles)
          : muted(" no source sentence")))));
  }

  // --- export: exactly what is drawn ----------------------------------------------------------

  // The nodes and the facts behind the lines on screen, as the API gave them.
  viewData() {
    return {
      center: this.center,
      nodes: this.shownNodes.map((n) => ({ id: n.id, kind: n.kind, name: n.name, properties: n.properties || {} })),
      edges: this.shownEdges.flatMap((line) => line.facts.map(({ factKey, ...fact }) => fact)),
    };
  }

  // The drawing as a file of its own: the page's graph styles travel inside it, on a plain ground.
  svgText() {
    const copy = this.svg.cloneNode(true);
    const width = this.svg.clientWidth || 800;
    const height = this.svg.clientHeight || 600;
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    copy.setAttribute("width", String(width));
    copy.setAttribute("height", String(height));
    const rules = [];
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        // Not the page's sizing of the canvas (#graph-svg alone): the file has its own width and height.
        const wanted = rule.selectorText && rule.selectorText !== "#graph-svg";
        if (wanted && /:root|\.node|\.edge|arrow-head|#graph-svg/.test(rule.selectorText)) rules.push(rule.cssText);
      }
    }
    const [x, y, w, h] = this.svg.getAttribute("viewBox").split(" ");
    copy.prepend(svg("style", {}, rules.join("\n")), svg("rect", { x, y, width: w, height: h, fill: "#fcfcfd" }));
    return { text: new XMLSerializer().serializeToString(copy), width, height };
  }

  async exportAs(format) {
    try {
      if (format === "svg") {
        save(new Blob([this.svgText().text], { type: "image/svg+xml" }), "guanxi-graph.svg");
      } else if (format === "png") {
        const { text, width, height } = this.svgText();
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
        await image.decode();
        const canvas = el("canvas", { width: width * 2, height: height * 2 }); // sharp on a retina screen
        canvas.getContext("2d").drawImage(image, 0, 0, width * 2, height * 2);
        save(await new Promise((done) => canvas.toBlob(done, "image/png")), "guanxi-graph.png");
      } else {
        const response = await fetch(`/export/view?format=${format}`, {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(this.viewData()),
        });
        if (!response.ok) throw new Error(`export failed (${response.status})`);
        save(await response.blob(), format === "ftm" ? "guanxi-view.ftm.json" : "guanxi-view.graphml");
      }
    } catch (error) {
      this.notice.textContent = `Export failed: ${error.message}`;
    }
  }

  toggleArticles(show) {
    this.showArticles = show;
    this.keepInUrl();
    this.render();
    this.heat(0.5);
  }
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function showGraph(id, target, params = new URLSearchParams()) {
  const withArticles = await hasEndpoint("/articles/{id}");
  const notice = el("p", { class: "muted", id: "graph-notice" });
  const canvas = el("div", { class: "graph-canvas", id: "graph" });
  const panel = el("aside", { class: "graph-panel", id: "graph-panel" },
    el("p", { class: "muted" }, "Click a node to add its neighbours; click a node or a line to read the sentences behind it."));
  const network = new Network(canvas, panel, notice);
  network.withArticles = withArticles;
  const dates = () => network.setDates(since.value, until.value);
  const since = el("input", { type: "date", id: "graph-since", onchange: dates });
  const until = el("input", { type: "date", id: "graph-until", onchange: dates });
  const articles = el("input", { type: "checkbox", id: "show-articles",
    onchange: (event) => network.toggleArticles(event.target.checked) });
  target.replaceChildren(el("section", { class: "graph-view" },
    el("h2", {}, "Graph 关系图 ", el("span", { id: "graph-title" })),
    el("div", { class: "graph-toolbar" },
      el("label", {}, articles, " show articles 显示文章"), " ",
      el("button", { type: "button", onclick: () => network.resetView() }, "Fit 适配"), " ",
      el("span", { id: "graph-legend", class: "legend" })),
    el("div", { class: "graph-toolbar", id: "graph-filters" }, "Lines 关系: ", el("span", { id: "edge-types", class: "legend" }),
      el("label", {}, "from 自 ", since), el("label", {}, "to 至 ", until),
      el("span", { id: "hidden-nodes" })),
    el("div", { class: "graph-toolbar", id: "graph-export" }, "Export what is shown 导出当前视图: ",
      [["svg", "SVG"], ["png", "PNG"], ["graphml", "GraphML"], ["ftm", "FollowTheMoney"]].map(([format, label]) =>
        el("button", { type: "button", id: `export-${format}`, onclick: () => network.exportAs(format) }, label)),
      (await hasEndpoint("/investigations")) ? keepControl(network) : null),
    notice,
    el("div", { class: "graph-layout" }, canvas, panel)));
  network.center = id;
  if (params.get("articles") === "1") {
    articles.checked = true;
    network.showArticles = true;
  }
  network.hidden = (params.get("hide") || "").split(",").filter(Boolean);
  network.offTypes = new Set((params.get("off") || "").split(",").filter(Boolean));
  network.offKinds = new Set((params.get("without") || "").split(",").filter(Boolean));
  network.since = params.get("since") || "";
  network.until = params.get("until") || "";
  since.value = network.since;
  until.value = network.until;
  await network.expand(id, { x: 0, y: 0 });
  await network.restore((params.get("expand") || "").split(",").filter(Boolean));
  const center = network.nodes.get(id);
  if (center) {
    document.getElementById("graph-title").replaceChildren(entityLink(center));
    network.select(center);
  }
  return network;
}
