// Investigations: a named set of entities with notes and the graph view they were drawn in, kept on
// the server for the editor whose key saved it. A graph is kept from its toolbar; #/investigation/{id}
// edits the notes and the set, exports it as one file (GraphML with its notes, or followthemoney
// for Aleph), and #/investigations opens such a file again.
import { ApiError, send } from "./api.js";
import { KIND_PATH, badge, el, entityLink, muted, nothing } from "./dom.js";
import { editorKey, editorName, keyForm, signedIn } from "./editor.js";
import { instantSearch } from "./search.js";

// What an investigation keeps: the kinds with a page of their own.
const KEPT = new Set(Object.keys(KIND_PATH));

function when(iso) {
  return iso ? iso.slice(0, 16).replace("T", " ") : "";
}

async function mine() {
  return send("/investigations", { method: "GET", key: editorKey() });
}

function draftOf(inv) {
  return { name: inv.name, notes: inv.notes || "", view: inv.view || null,
    entities: inv.entities.map((e) => ({ id: e.entity.id, note: e.note || "" })) };
}

// The graph an investigation was drawn in, or one drawn from its entities when it kept no view.
function graphHash(inv) {
  if (inv.view) return `#/${inv.view}`;
  const ids = inv.entities.map((e) => e.entity.id);
  return ids.length ? `#/graph/${encodeURIComponent(ids[0])}${ids.length > 1 ? `?expand=${ids.slice(1).join(",")}` : ""}` : null;
}

async function download(inv, format) {
  const response = await fetch(`/investigations/${encodeURIComponent(inv.id)}/export?format=${format}`,
    { headers: { "X-API-Key": editorKey() } });
  if (!response.ok) throw new ApiError(`export failed (${response.status})`, response.status);
  const url = URL.createObjectURL(await response.blob());
  const link = el("a", { href: url, download: `${inv.name}.${format === "ftm" ? "ftm.json" : "graphml"}`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Opens an exported file as a new investigation of the editor's, and goes to it.
function openFileForm(problem) {
  const input = el("input", { type: "file", id: "open-investigation-file", accept: ".graphml,.xml,application/graphml+xml" });
  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    problem.textContent = "";
    try {
      const response = await fetch("/investigations/open", { method: "POST", body: await file.text(),
        headers: { "Content-Type": "application/graphml+xml", "X-API-Key": editorKey(), Accept: "application/json" } });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        const detail = Array.isArray(body.detail) ? body.detail.map((d) => d.msg).join("; ") : body.detail;
        throw new Error(detail || `the file was refused (${response.status})`);
      }
      openedMissing = body.missing || [];
      location.hash = `#/investigation/${encodeURIComponent(body.investigation.id)}`;
    } catch (error) {
      problem.textContent = error.message;
    }
  });
  return el("label", { class: "button" }, "Open a file 打开文件 ", input);
}

// What a file just opened named that this graph does not hold, said on the page it opened.
let openedMissing = [];

export async function showInvestigations(target) {
  const draw = () => showInvestigations(target);
  const editor = await editorName();
  if (!editor) {
    target.replaceChildren(el("section", { class: "investigations" }, el("h2", {}, "Investigations 调查"),
      keyForm("Investigations are kept for whoever holds an editor's key.", draw)));
    return;
  }
  const list = await mine();
  const problem = el("p", { class: "error", id: "investigation-problem" });
  const name = el("input", { type: "text", id: "new-investigation-name", maxlength: "200", required: true,
    placeholder: "name 名称", "aria-label": "name of the new investigation" });
  target.replaceChildren(el("section", { class: "investigations" },
    el("h2", {}, "Investigations 调查"), signedIn(editor, draw),
    list.length ? el("ul", { class: "investigation-list" }, list.map((inv) => el("li", { "data-id": inv.id },
      el("a", { href: `#/investigation/${encodeURIComponent(inv.id)}` }, inv.name), " ",
      muted(`${inv.entities} entities · ${when(inv.updated_at)}`))))
      : nothing("None yet: keep a graph from its toolbar (Keep 存入调查), or start one here."),
    el("form", { class: "new-investigation", onsubmit: async (event) => {
      event.preventDefault();
      try {
        const made = await send("/investigations", { key: editorKey(), body: { name: name.value.trim(), entities: [] } });
        location.hash = `#/investigation/${encodeURIComponent(made.id)}`;
      } catch (error) {
        problem.textContent = error.message;
      }
    } }, name, " ", el("button", { type: "submit", id: "new-investigation" }, "Start 新建")),
    openFileForm(problem), problem));
}

export async function showInvestigation(id, target) {
  const draw = () => showInvestigation(id, target);
  const editor = await editorName();
  if (!editor) {
    target.replaceChildren(el("section", { class: "investigation" }, el("h2", {}, "Investigation 调查"),
      keyForm("Investigations are kept for whoever holds an editor's key.", draw)));
    return;
  }
  const inv = await send(`/investigations/${encodeURIComponent(id)}`, { method: "GET", key: editorKey() });
  const missing = openedMissing;
  openedMissing = [];
  const status = el("span", { class: "muted", id: "investigation-status", role: "status" });
  const problem = el("p", { class: "error" });
  const name = el("input", { type: "text", id: "investigation-name", value: inv.name, maxlength: "200",
    "aria-label": "name 名称" });
  const notes = el("textarea", { id: "investigation-notes", rows: "6", maxlength: "20000",
    placeholder: "what you know, what to check next 笔记" });
  notes.value = inv.notes || "";
  const entities = inv.entities.map((e) => ({ ...e }));
  const rows = el("tbody", {});
  const count = muted("");
  // Nothing is saved until Save: say so as soon as anything changes.
  const changed = () => { status.textContent = "Not saved yet 未保存"; };
  notes.addEventListener("input", changed);
  name.addEventListener("input", changed);
  const drawRows = () => {
    count.textContent = `(${entities.length})`;
    rows.replaceChildren(...entities.map((e, i) => {
      const note = el("input", { type: "text", class: "entity-note", maxlength: "2000", value: e.note || "",
        "aria-label": `note on ${e.entity.name}`, oninput: (event) => { e.note = event.target.value; changed(); } });
      return el("tr", { "data-id": e.entity.id }, el("td", {}, entityLink(e.entity)), el("td", {}, note),
        el("td", {}, el("button", { type: "button", class: "remove-entity", title: "take out 移除",
          onclick: () => { entities.splice(i, 1); drawRows(); changed(); } }, "×")));
    }));
  };
  drawRows();
  const add = el("input", { type: "search", id: "investigation-add", autocomplete: "off", maxlength: "100",
    placeholder: "add a person, organization, project or event 添加", "aria-label": "add an entity" });
  const addList = el("ul", { class: "hits dropdown", id: "investigation-add-results", role: "listbox" });
  instantSearch({ input: add, list: addList, limit: 10, kinds: [...KEPT], onPick: (hit) => {
    addList.replaceChildren();
    addList.dataset.state = "idle";
    add.value = "";
    if (!entities.some((e) => e.entity.id === hit.id)) entities.push({ entity: hit, note: "" });
    drawRows();
    changed();
  } });
  const save = async () => {
    status.textContent = "Saving… 保存中";
    problem.textContent = "";
    try {
      const saved = await send(`/investigations/${encodeURIComponent(inv.id)}`, { method: "PUT", key: editorKey(),
        body: { ...draftOf({ ...inv, entities }), name: name.value.trim(), notes: notes.value } });
      Object.assign(inv, saved);
      status.textContent = `Saved 已保存 ${when(saved.updated_at)}`;
    } catch (error) {
      status.textContent = "";
      problem.textContent = error.message;
    }
  };
  const graph = graphHash(inv);
  target.replaceChildren(el("section", { class: "investigation", "data-id": inv.id },
    el("h2", {}, badge("investigation"), name),
    signedIn(editor, draw),
    missing.length ? el("p", { class: "notice", id: "investigation-missing" },
      `The file named ${missing.length} ${missing.length === 1 ? "entity" : "entities"} this graph does not hold: `,
      missing.map((m) => m.name || m.id).join("、")) : null,
    el("nav", { class: "actions" },
      graph ? el("a", { href: graph, class: "button", id: "open-investigation-graph" }, "Open its graph 打开关系图") : null,
      el("button", { type: "button", id: "investigation-save", onclick: save }, "Save 保存"), status,
      muted("Export 导出: "),
      el("button", { type: "button", id: "export-investigation-graphml", onclick: () => download(inv, "graphml")
        .catch((error) => { problem.textContent = error.message; }) }, "GraphML + notes"),
      el("button", { type: "button", id: "export-investigation-ftm", onclick: () => download(inv, "ftm")
        .catch((error) => { problem.textContent = error.message; }) }, "FollowTheMoney"),
      el("button", { type: "button", id: "investigation-delete", onclick: async () => {
        if (!window.confirm(`Delete the investigation “${inv.name}”? The graph itself is untouched.`)) return;
        await send(`/investigations/${encodeURIComponent(inv.id)}`, { method: "DELETE", key: editorKey() })
          .catch(() => null);
        location.hash = "#/investigations";
      } }, "Delete 删除")),
    problem,
    el("h3", {}, "Notes 笔记"), notes,
    el("h3", {}, "Entities 实体 ", count),
    el("table", { class: "investigation-entities" },
      el("thead", {}, el("tr", {}, el("th", {}, "entity"), el("th", {}, "note 备注"), el("th", {}, ""))), rows),
    el("div", { class: "picker" }, add, addList),
    el("p", { class: "muted" }, "Created ", when(inv.created_at), " · ", el("a", { href: "#/investigations" },
      "all investigations 全部调查"))));
}

// The graph's "Keep" control: what is drawn (its entities, and the view's address) goes into a new
// investigation or is added to one of the editor's.
export function keepControl(network) {
  const holder = el("span", { id: "graph-keep" });
  const problem = el("span", { class: "error" });
  const shown = () => network.visibleNodes().filter((n) => KEPT.has(n.kind))
    .map((n) => ({ id: n.id, note: "" }));
  const view = () => location.hash.replace(/^#\//, "");

  async function keepIn(choice, newName) {
    problem.textContent = "";
    try {
      let saved;
      if (choice === "new") {
        saved = await send("/investigations", { key: editorKey(), body: { name: newName, entities: shown(), view: view() } });
      } else {
        const inv = await send(`/investigations/${encodeURIComponent(choice)}`, { method: "GET", key: editorKey() });
        const draft = draftOf(inv);
        const have = new Set(draft.entities.map((e) => e.id));
        draft.entities.push(...shown().filter((e) => !have.has(e.id)));
        saved = await send(`/investigations/${encodeURIComponent(choice)}`, { method: "PUT", key: editorKey(),
          body: { ...draft, view: view() } });
      }
      holder.replaceChildren(el("span", { id: "kept", role: "status" }, `Kept ${saved.entities.length} entities in `,
        el("a", { href: `#/investigation/${encodeURIComponent(saved.id)}`, id: "kept-link" }, saved.name), " 已存入"));
    } catch (error) {
      problem.textContent = ` ${error.message}`;
    }
  }

  async function choose() {
    if (!(await editorName())) {
      const form = keyForm("Investigations are kept for whoever holds an editor's key.", () => choose());
      holder.replaceChildren(form);
      return;
    }
    const list = await mine().catch(() => []);
    const select = el("select", { id: "keep-in", "aria-label": "keep in 存入" },
      el("option", { value: "new" }, "a new investigation 新调查…"),
      list.map((inv) => el("option", { value: inv.id }, inv.name)));
    const name = el("input", { type: "text", id: "keep-name", maxlength: "200", placeholder: "its name 名称",
      "aria-label": "name of the new investigation" });
    select.addEventListener("change", () => { name.hidden = select.value !== "new"; });
    holder.replaceChildren(el("form", { class: "keep-form", onsubmit: (event) => {
      event.preventDefault();
      if (select.value === "new" && !name.value.trim()) {
        problem.textContent = " Give it a name. 请命名";
        return;
      }
      keepIn(select.value, name.value.trim());
    } }, select, " ", name, " ", el("button", { type: "submit", id: "keep-confirm" }, "Keep 存入"), problem));
  }

  holder.append(el("button", { type: "button", id: "keep-investigation", onclick: choose,
    title: "Keep what is drawn, and this view, in an investigation" }, "Keep in investigation 存入调查"));
  return holder;
}
