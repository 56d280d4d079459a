// "How are these two connected?": pick two entities with instant search, then read each path
// hop by hop, every hop with the sentence it was read from.
import { api, hasEndpoint } from "./api.js";
import { KIND_LABEL, REL_LABEL, ROLE_LABEL, badge, el, entityHash, entityLink, muted, sourceBlock, svg } from "./dom.js";
import { instantSearch } from "./search.js";

const PATH_COUNT = 3;

function picker(label, id, chosen, onPick) {
  const input = el("input", { type: "search", id: `${id}-input`, autocomplete: "off", maxlength: "100",
    placeholder: "type a name 输入名字", "aria-label": label });
  const list = el("ul", { class: "hits dropdown", id: `${id}-results`, role: "listbox" });
  const current = el("div", { class: "picked", id: `${id}-picked` },
    chosen ? entityLink(chosen) : muted("nobody chosen yet"));
  instantSearch({ input, list, limit: 10, kinds: ["person", "organization", "project", "event"], onPick: (hit) => {
    list.replaceChildren();
    list.dataset.state = "idle";
    input.value = "";
    onPick(hit);
  } });
  return el("div", { class: "picker" }, el("label", { for: input.id }, label), current, input, list);
}

function hopDetail(step) {
  const p = step.properties || {};
  const detail = [];
  if (Array.isArray(p.roles) && p.roles.length) detail.push(p.roles.map((r) => ROLE_LABEL[r] || r).join("、"));
  if (p.title) detail.push(p.title);
  if (p.date || p.as_of) detail.push(p.date || p.as_of);
  return detail.join(" · ");
}

function pathView(path, index, withArticles) {
  const hops = path.steps.map((step, j) => {
    const a = path.nodes[j];
    const b = path.nodes[j + 1];
    const forward = step.source === a.id;
    const rel = REL_LABEL[step.type] || step.type;
    const detail = hopDetail(step);
    return el("li", { class: "hop" },
      el("div", { class: "hop-line" }, entityLink(a), " ",
        el("span", { class: "rel", title: step.type }, forward ? `—${rel}→` : `←${rel}—`), " ",
        entityLink(b), detail ? [" ", muted(`(${detail})`)] : null),
      sourceBlock({ sentence: step.sentence, article: step.article }, withArticles));
  });
  return el("div", { class: "path", "data-length": path.length },
    el("div", { class: "path-head" }, el("strong", {}, `Path ${index + 1}`), " ",
      muted(`${path.length} step${path.length === 1 ? "" : "s"}: `),
      path.nodes.map((n, i) => [i ? " → " : "", badge(n.kind), n.name])),
    el("ol", { class: "hops" }, hops));
}

const STEP_X = 190;
const ROW_Y = 70;

// The paths found, drawn as one picture: step j of a path stands in column j, the two ends in the
// first and last columns, and a node that several paths pass through is drawn once, where it first came.
function pathDrawing(paths) {
  const last = Math.max(...paths.map((p) => p.nodes.length - 1));
  const columns = Array.from({ length: last + 1 }, () => new Map());
  const placed = new Set();
  const lines = new Map();
  for (const path of paths) {
    path.nodes.forEach((n, j) => {
      if (placed.has(n.id)) return;
      placed.add(n.id);
      columns[j === path.nodes.length - 1 ? last : j].set(n.id, n);
    });
    path.steps.forEach((step) => {
      const key = `${step.source}|${step.target}|${step.type}`;
      if (!lines.has(key)) lines.set(key, step);
    });
  }
  const at = new Map();
  const tallest = Math.max(...columns.map((c) => c.size));
  columns.forEach((column, j) => {
    [...column.values()].forEach((n, i) => {
      at.set(n.id, { x: j * STEP_X, y: (i - (column.size - 1) / 2) * ROW_Y, node: n });
    });
  });
  const width = (columns.length - 1) * STEP_X + 160;
  const height = tallest * ROW_Y + 40;
  const arrow = svg("marker", { id: "path-arrow", viewBox: "0 0 10 10", refX: "19", refY: "5", markerWidth: "7",
    markerHeight: "7", orient: "auto-start-reverse" }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow-head" }));
  const edges = [...lines.values()].filter((s) => at.has(s.source) && at.has(s.target)).map((s) => {
    const a = at.get(s.source);
    const b = at.get(s.target);
    return svg("g", { class: "path-edge", "data-type": s.type },
      svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge ${s.type}`, "marker-end": "url(#path-arrow)" }),
      svg("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 6, "text-anchor": "middle", class: "edge-label" },
        hopDetail(s) || REL_LABEL[s.type] || s.type));
  });
  const nodes = [...at.values()].map(({ x, y, node }) => {
    const label = node.name.length > 12 ? `${node.name.slice(0, 11)}…` : node.name;
    const hash = entityHash(node);
    const shape = svg("g", { class: `node ${node.kind}`, "data-id": node.id, transform: `translate(${x},${y})` },
      svg("circle", { r: 12 }), svg("title", {}, `${node.name} (${KIND_LABEL[node.kind] || node.kind})`),
      svg("text", { class: "node-label", y: 28, "text-anchor": "middle" }, label));
    return hash ? svg("a", { href: hash }, shape) : shape;
  });
  return el("div", { class: "path-drawing-box" }, svg("svg", {
    id: "path-drawing", role: "img", "aria-label": "the connection drawn", viewBox: `-80 ${-height / 2} ${width} ${height}`,
    style: `max-width: ${width}px`,
  }, svg("defs", {}, arrow), edges, nodes));
}

// Nothing connects the two within the steps asked for: what a reporter can try next.
function nothingFound(from, to, maxHops, lookFurther) {
  const tips = [];
  if (maxHops < 6) tips.push(el("li", {}, el("a", { href: lookFurther, id: "look-further", class: "button" }, "Look further: 6 steps 扩大到6步")));
  tips.push(el("li", {}, "Open each one's graph and expand the events and companies around them: ",
    el("a", { href: `#/graph/${encodeURIComponent(from.id)}` }, from.name), "、",
    el("a", { href: `#/graph/${encodeURIComponent(to.id)}` }, to.name), "."));
  tips.push(el("li", {}, "A namesake may hold the connection: search ",
    el("a", { href: `#/search?q=${encodeURIComponent(from.name)}` }, from.name), " and ",
    el("a", { href: `#/search?q=${encodeURIComponent(to.name)}` }, to.name), " for other people or bodies of the same name."));
  tips.push(el("li", {}, "Connections run through events attended, titles held and signings; two names in one article are not a connection."));
  return [el("p", { class: "muted", id: "no-path" }, `No connection found within ${maxHops} steps.`),
    el("ul", { class: "no-path-tips", id: "no-path-tips" }, tips)];
}

async function findPaths(from, to, maxHops, target, lookFurther) {
  target.replaceChildren(el("p", { class: "muted" }, "Looking for connections…"));
  // Older servers call the number of paths "limit", newer ones "k"; unknown names are ignored.
  const params = new URLSearchParams({ from: from.id, to: to.id, limit: String(PATH_COUNT), k: String(PATH_COUNT) });
  if (maxHops) params.set("max_hops", String(maxHops));
  const withArticles = await hasEndpoint("/articles/{id}");
  let result;
  try {
    result = await api(`/paths?${params}`);
  } catch (error) {
    target.replaceChildren(el("p", { class: "error" }, error.message));
    return;
  }
  const paths = result.paths || [];
  const out = [el("p", { class: "connection-summary" },
    entityLink(result.from || from), " ⇄ ", entityLink(result.to || to),
    result.max_hops ? muted(` (at most ${result.max_hops} steps)`) : null)];
  if (!paths.length) {
    out.push(...nothingFound(from, to, result.max_hops || maxHops || 4, lookFurther));
  } else {
    out.push(pathDrawing(paths), ...paths.map((path, i) => pathView(path, i, withArticles)));
  }
  target.replaceChildren(...out);
}

async function nodeRef(id) {
  if (!id) return null;
  try {
    const view = await api(`/graph/neighbourhood/${encodeURIComponent(id)}?depth=1&limit=1`);
    return view.nodes.find((n) => n.id === id) || null;
  } catch {
    return null;
  }
}

export async function showConnect(params, target) {
  const [from, to] = await Promise.all([nodeRef(params.get("from")), nodeRef(params.get("to"))]);
  const go = (a, b) => {
    const next = new URLSearchParams();
    if (a) next.set("from", a.id);
    if (b) next.set("to", b.id);
    location.hash = `#/connect?${next}`;
  };
  const results = el("div", { id: "paths" });
  target.replaceChildren(el("section", { class: "connect-view" },
    el("h2", {}, "How are these two connected? 两者有何关系"),
    el("div", { class: "pickers" },
      picker("From 从", "from", from, (hit) => go(hit, to)),
      el("button", { type: "button", class: "swap", title: "swap", onclick: () => go(to, from) }, "⇄"),
      picker("To 到", "to", to, (hit) => go(from, hit))),
    results));
  if (from && to) {
    if (from.id === to.id) results.replaceChildren(el("p", { class: "muted" }, "Pick two different entities."));
    else {
      // "Look further" is a link: the wider search stays in the URL, to reload or to share.
      const further = new URLSearchParams({ from: from.id, to: to.id, max_hops: "6" });
      await findPaths(from, to, Number(params.get("max_hops")) || null, results, `#/connect?${further}`);
    }
  } else {
    results.replaceChildren(el("p", { class: "muted" }, "Pick two people, organizations, projects or events."));
  }
}
