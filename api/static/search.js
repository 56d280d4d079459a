// Instant search: results appear as the user types (debounced), stale answers are dropped, and
// arrow keys + Enter pick a result. Used by the header search and by the connection pickers.
import { api } from "./api.js";
import { badge, debounce, el } from "./dom.js";

const DELAY_MS = 200;

export function instantSearch({ input, list, kindSelect = null, limit = 20, onPick, onEmpty = null }) {
  let controller = null;
  let hits = [];
  let current = -1;

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

  async function run() {
    const q = input.value.trim();
    if (controller) controller.abort();
    if (!q) {
      hits = [];
      show([], "idle");
      if (onEmpty) onEmpty();
      return;
    }
    controller = new AbortController();
    const params = new URLSearchParams({ q, limit: String(limit) });
    if (kindSelect && kindSelect.value) params.append("kind", kindSelect.value);
    show([el("li", { class: "muted" }, "Searching…")], "loading");
    try {
      hits = await api(`/search?${params}`, { signal: controller.signal });
    } catch (error) {
      if (error.name === "AbortError") return;
      hits = [];
      show([el("li", { class: "error" }, error.message)], "error");
      return;
    }
    if (!hits.length) {
      show([el("li", { class: "muted" }, `Nothing found for “${q}”.`)], "empty");
      return;
    }
    show(hits.map((hit, i) => el("li", {
      class: "hit",
      role: "option",
      "data-id": hit.id,
      "data-kind": hit.kind,
      onmousedown: (event) => event.preventDefault(), // keep the input's focus until the click lands
      onclick: () => pick(i),
    }, badge(hit.kind), el("span", { class: "hit-name" }, hit.name),
    hit.description ? el("div", { class: "muted hit-description" }, hit.description) : null)), "results");
    highlight(-1);
  }

  function pick(index) {
    if (hits[index]) onPick(hits[index]);
  }

  const later = debounce(run, DELAY_MS);
  input.addEventListener("input", later);
  if (kindSelect) kindSelect.addEventListener("change", run);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      highlight(Math.min(current + 1, hits.length - 1));
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      highlight(Math.max(current - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (current >= 0) pick(current);
      else if (hits.length) pick(0);
      else run();
    } else if (event.key === "Escape") {
      show([], "idle");
    }
  });
  return { run, clear: () => show([], "idle") };
}
