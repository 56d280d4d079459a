// The journalist page: routes the URL hash to a view. Views: search results (as you type),
// an entity page, its graph, an article, the connection between two entities, the watchlist and
// investigations.
import { api, hasEndpoint } from "./api.js";
import { $, KIND_PATH, REL_LABEL, el } from "./dom.js";
import { showConnect } from "./connect.js";
import { showArticle, showEntity } from "./entity.js";
import { showGraph } from "./graph.js";
import { showInvestigation, showInvestigations } from "./investigations.js";
import { instantSearch } from "./search.js";
import { refreshWatchBadge, showWatch } from "./watch.js";

const detail = $("detail");
const NARROW = window.matchMedia("(max-width: 760px)");

function welcome() {
  return el("section", { class: "welcome" },
    el("h2", {}, "Who met whom, who signed what"),
    el("p", {}, "Type any part of a name above: people, organizations, projects and events appear as you type. ",
      "Every fact on an entity's page shows the sentence it was read from and its article."),
    el("p", {}, el("a", { href: "#/connect", class: "button" }, "How are two entities connected? 找关系")));
}

async function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").map(decodeURIComponent);
  document.body.dataset.view = parts[0] || "home";
  if (parts[0] === "graph" || parts[0] === "connect" || parts[0] === "paths") search.clear();
  try {
    if (!parts[0]) {
      detail.replaceChildren(welcome());
    } else if (parts[0] === "search") {
      $("q").value = params.get("q") || "";
      search.run();
    } else if (KIND_PATH[parts[0]] && parts[1]) {
      detail.replaceChildren(el("p", { class: "muted" }, "Loading…"));
      await showEntity(parts[0], parts[1], detail);
    } else if (parts[0] === "graph" && parts[1]) {
      await showGraph(parts[1], detail, params);
    } else if (parts[0] === "connect" || parts[0] === "paths") {
      await showConnect(params, detail);
    } else if (parts[0] === "watch" && (await hasEndpoint("/watch"))) {
      await showWatch(detail, params);
    } else if (parts[0] === "investigations" && (await hasEndpoint("/investigations"))) {
      await showInvestigations(detail);
    } else if (parts[0] === "investigation" && parts[1] && (await hasEndpoint("/investigations/{id}"))) {
      await showInvestigation(parts[1], detail);
    } else if (parts[0] === "article" && parts[1] && (await hasEndpoint("/articles/{id}"))) {
      await showArticle(parts[1], detail, params);
    } else {
      detail.replaceChildren(el("p", { class: "muted" }, "Nothing here. "), el("a", { href: "#/" }, "Start again"));
    }
  } catch (error) {
    detail.replaceChildren(el("p", { class: "error" }, error.message));
  }
  const canvas = parts[0] === "graph" && NARROW.matches ? $("graph") : null;
  if (canvas) canvas.scrollIntoView({ block: "start" });
  else window.scrollTo(0, 0);
}

// How the page names each relationship type (出席, 任职…). A server without /graph/model (an older
// one) names none: lines and steps then show the type as the graph spells it.
async function loadModel() {
  try {
    const model = await api("/graph/model");
    for (const rel of model.relationships || []) REL_LABEL[rel.type] = rel.reads_as;
  } catch {
    // nothing to name them by
  }
}

const search = instantSearch({
  input: $("q"),
  list: $("results"),
  kindSelect: $("kind"),
  limit: 30,
  onPick: (hit) => {
    // On a phone the list sits above the page it opens: put it away so the page starts on screen.
    if (NARROW.matches) search.clear();
    location.hash = `#/${hit.kind}/${encodeURIComponent(hit.id)}`;
  },
});

$("search-form").addEventListener("submit", (event) => event.preventDefault());
// Where results float over the view (graph, connections), a click elsewhere puts them away.
document.addEventListener("click", (event) => {
  const floating = ["graph", "connect", "paths"].includes(document.body.dataset.view);
  if (floating && !event.target.closest("#results, #search-form")) search.clear();
});
window.addEventListener("hashchange", route);

(async () => {
  try {
    const s = await api("/stats");
    $("stats").textContent =
      `${s.people} people · ${s.organizations} organizations · ${s.projects} projects · ${s.events} events · ${s.articles} articles`;
  } catch (error) {
    $("stats").textContent = error.message;
  }
})();
await loadModel();
route();
// What the loads since the editor last looked say about what they follow: counted at every visit.
refreshWatchBadge();
