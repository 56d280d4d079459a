// "How are these two connected?": pick two entities with instant search, then read each path
// hop by hop, every hop with the sentence it was read from.
import { api, hasEndpoint } from "./api.js";
import { REL_LABEL, ROLE_LABEL, badge, el, entityLink, muted, sourceBlock } from "./dom.js";
import { instantSearch } from "./search.js";

const PATH_COUNT = 3;

function picker(label, id, chosen, onPick) {
  const input = el("input", { type: "search", id: `${id}-input`, autocomplete: "off", maxlength: "100",
    placeholder: "type a name 输入名字", "aria-label": label });
  const list = el("ul", { class: "hits dropdown", id: `${id}-results`, role: "listbox" });
  const current = el("div", { class: "picked", id: `${id}-picked` },
    chosen ? entityLink(chosen) : muted("nobody chosen yet"));
  instantSearch({ input, list, limit: 10, onPick: (hit) => {
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

async function findPaths(from, to, maxHops, target) {
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
    out.push(el("p", { class: "muted", id: "no-path" }, "No connection found within that many steps."));
    if ((result.max_hops || 4) < 6) {
      out.push(el("button", { type: "button", onclick: () => findPaths(from, to, 6, target) }, "Look further (6 steps)"));
    }
  } else {
    out.push(...paths.map((path, i) => pathView(path, i, withArticles)));
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
    else await findPaths(from, to, Number(params.get("max_hops")) || null, results);
  } else {
    results.replaceChildren(el("p", { class: "muted" }, "Pick two people, organizations, projects or events."));
  }
}
