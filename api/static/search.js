// Instant search: results appear as the user types (debounced), stale answers are dropped, and
// arrow keys + Enter pick a result. Used by the header search and by the connection pickers.
import { api } from "./api.js";
import { badge, el } from "./dom.js";

const DELAY_MS = 200;

// The text with each word of the query marked where it occurs, so a reader sees why a hit came.
export function marked(text, query) {
  const words = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!words.length) return text;
  const lower = text.toLowerCase();
  const parts = [];
  let at = 0;
  while (at < text.length) {
    let next = -1;
    let word = "";
    for (const w of words) {
      const i = lower.indexOf(w, at);
      if (i >= 0 && (next < 0 || i < next)) {
        next = i;
        word = w;
      }
    }
    if (next < 0) break;
    parts.push(text.slice(at, next), el("mark", {}, text.slice(next, next + word.length)));
    at = next + word.length;
  }
  parts.push(text.slice(at));
  return parts;
}

// kinds: what to ask for when no kind is selected (the connection pickers want entities, not
// articles); null asks for everything the server finds.
export function instantSearch({ input, list, kindSelect = null, kinds = null, limit = 20, onPick, onEmpty = null }) {
  let controller = null;
  let hits = [];
  // The query the shown hits answer. Until the debounced search catches up with the box they are
  // the previous query's: Enter then waits for the box's own results instead of picking from them.
  let hitsFor = null;
  let current = -1;
  let timer = null;
  let pending = null; // the running search: { key, done }
  let pickWhenDone = false;

  const key = () => `${kindSelect ? kindSelect.value : ""}|${input.value.trim()}`;

  function highlight(index) {
    current = index;
    [...list.querySelectorAll("li.hit")].forEach((li, i) => {
      li.classList.toggle("current", i === index);
      if (i === index) li.scrollIntoView({ block: "nearest" });
    });
  }

  function show(nodes, state) {
    list.replaceChildren(...nodes);
    list.dataset.state = state;
  }

  function run() {
    clearTimeout(timer);
    const wanted = key();
    if (pending && pending.key === wanted) return pending.done;
    const done = search(wanted);
    pending = { key: wanted, done };
    return done;
  }

  async function search(wanted) {
    const q = input.value.trim();
    if (controller) controller.abort();
    hits = [];
    hitsFor = null;
    if (!q) {
      hitsFor = wanted;
      show([], "idle");
      if (onEmpty) onEmpty();
      return;
    }
    controller = new AbortController();
    const params = new URLSearchParams({ q, limit: String(limit) });
    if (kindSelect && kindSelect.value) params.append("kind", kindSelect.value);
    else for (const kind of kinds || []) params.append("kind", kind);
    show([el("li", { class: "muted" }, "Searching…")], "loading");
    let found;
    try {
      found = await api(`/search?${params}`, { signal: controller.signal });
    } catch (error) {
      if (error.name === "AbortError") return;
      show([el("li", { class: "error" }, error.message)], "error");
      return;
    } finally {
      if (pending && pending.key === wanted) pending = null;
    }
    hits = found;
    hitsFor = wanted;
    // A query that names something lists the names; the articles that say it are one click away.
    const articlesToo = kindSelect && !kindSelect.value && [...q].length >= 2 && !hits.some((h) => h.kind === "article")
      ? el("li", { class: "more-articles" }, el("button", { type: "button", id: "search-articles",
        onmousedown: (event) => event.preventDefault(),
        onclick: () => {
          kindSelect.value = "article";
          run();
        } }, `Articles that say “${q}” 搜索文章正文`))
      : null;
    if (!hits.length) {
      show([el("li", { class: "muted" }, `Nothing found for “${q}”.`)], "empty");
    } else {
      show(hits.map((hit, i) => el("li", {
        class: "hit",
        role: "option",
        "data-id": hit.id,
        "data-kind": hit.kind,
        onmousedown: (event) => event.preventDefault(), // keep the input's focus until the click lands
        onclick: () => pick(i),
      }, badge(hit.kind), el("span", { class: "hit-name" }, marked(hit.name, q)),
      hit.description ? el("div", { class: "muted hit-description" }, marked(hit.description, q)) : null,
      // An article found by its text: the words around the phrase it says.
      hit.snippet ? el("div", { class: "hit-snippet" }, marked(hit.snippet, q)) : null)).concat(articlesToo || []), "results");
    }
    highlight(-1);
    if (pickWhenDone && wanted === key()) {
      pickWhenDone = false;
      pick(0);
    }
  }

  function pick(index) {
    if (hits[index]) onPick(hits[index]);
  }

  input.addEventListener("input", () => {
    // What is listed no longer answers the box: an arrow key or Enter must not act on it.
    hitsFor = null;
    current = -1;
    pickWhenDone = false;
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  });
  // Put away (on a phone, or over the graph), the results come back when the box is touched again.
  input.addEventListener("focus", () => {
    if (input.value.trim() && list.dataset.state === "idle") run();
  });
  if (kindSelect) kindSelect.addEventListener("change", run);
  input.addEventListener("keydown", (event) => {
    const fresh = hitsFor === key();
    if (event.key === "ArrowDown" && fresh && hits.length) {
      event.preventDefault();
      highlight(Math.min(current + 1, hits.length - 1));
    } else if (event.key === "ArrowUp" && fresh && hits.length) {
      event.preventDefault();
      highlight(Math.max(current - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!fresh) {
        pickWhenDone = true;
        run();
      } else if (current >= 0) pick(current);
      else pick(0);
    } else if (event.key === "Escape") {
      pickWhenDone = false;
      show([], "idle");
    }
  });
  return {
    run,
    clear: () => {
      pickWhenDone = false;
      show([], "idle");
    },
  };
}
