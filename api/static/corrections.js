// Corrections on an entity's page, for whoever holds an editor's key: merge another entry that is
// the same person (or company, or project) into this one, or split off what some articles say about
// someone else. Each is previewed first (which facts, from which articles, move where), made with a
// reason that the audit trail keeps, and undone from the same place.
import { api, send } from "./api.js";
import {
  KIND_LABEL, REL_LABEL, ROLE_LABEL, articleLabel, badge, el, entityHash, entityLink, muted, sourceBlock,
} from "./dom.js";
import { editorKey, editorName, keyForm, signedIn } from "./editor.js";
import { instantSearch } from "./search.js";

// The kinds resolution makes one node of, and so the kinds a correction merges or splits.
export const CORRECTABLE = new Set(["person", "organization", "project"]);

// The correction just made, shown (with its Undo) on the page it leads to.
let justDone = null;

function otherEnd(other) {
  if (!other) return muted("the audit trail 更正记录");
  if (other.kind === "article") {
    return el("a", { href: `#/article/${encodeURIComponent(other.id)}` }, badge("article"), other.name);
  }
  return entityHash(other) ? entityLink(other) : el("span", {}, badge(other.kind), other.name);
}

function factWords(fact) {
  const p = fact.properties || {};
  const words = [REL_LABEL[fact.type] || fact.type];
  if (Array.isArray(p.roles) && p.roles.length) words.push(p.roles.map((r) => ROLE_LABEL[r] || r).join("、"));
  if (p.title) words.push(p.title);
  if (p.role) words.push(p.role);
  return [...new Set(words)].join(" · "); // 出席 attended, not 出席 · 出席
}

// What a correction would do, in words and fact by fact, with the button that does it.
function previewView(preview, withArticles, confirm, cancel) {
  const moving = preview.facts.filter((f) => f.moves);
  const dropped = preview.facts.filter((f) => !f.moves);
  const articles = preview.articles.length;
  const summary = preview.kind === "merge"
    ? [`${moving.length} fact${moving.length === 1 ? "" : "s"} from ${articles} article${articles === 1 ? "" : "s"} move from `,
      entityLink(preview.source), " to ", entityLink(preview.target), ". ",
      preview.aliases.length ? `${preview.target.name} will also be known as ${preview.aliases.join("、")}; ` : "",
      `links to ${preview.source.name} will lead here.`]
    : [`${moving.length} fact${moving.length === 1 ? "" : "s"} from ${articles} article${articles === 1 ? "" : "s"} move from `,
      entityLink(preview.source), ` to a new ${KIND_LABEL[preview.target.kind] || preview.target.kind} `,
      el("strong", {}, preview.target.name), "."];
  const rows = preview.facts.map((f) => el("tr", { class: f.moves ? "moves" : "dropped" },
    el("td", {}, factWords(f), f.moves ? null : el("div", { class: "muted" },
      `already on ${preview.target.name}: not copied 已有`)),
    el("td", {}, otherEnd(f.other)),
    el("td", {}, (f.properties || {}).date || (f.properties || {}).as_of || ""),
    el("td", {}, f.source && (f.source.sentence || f.source.article) ? sourceBlock(f.source, withArticles) : muted("no sentence"))));
  return el("div", { class: "correction-preview", id: "correction-preview", "data-plan": preview.plan },
    el("h4", {}, preview.kind === "merge" ? "Before merging 合并前请核对" : "Before splitting 拆分前请核对"),
    el("p", { id: "correction-summary" }, summary),
    dropped.length ? el("p", { class: "muted" }, `${dropped.length} fact${dropped.length === 1 ? "" : "s"} the other entry `,
      "already states will not be copied, only kept in the record.") : null,
    el("table", { class: "preview-facts" },
      el("thead", {}, el("tr", {}, ["relation 关系", "with 对象", "date 日期", "sentence 原句"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)),
    articles ? el("details", { class: "preview-articles" }, el("summary", {}, `The ${articles} article${articles === 1 ? "" : "s"} 涉及文章`),
      el("ul", { class: "articles" }, preview.articles.map((a) => el("li", {}, articleLabel(a, withArticles))))) : null,
    el("p", { class: "actions" },
      el("button", { type: "button", id: "correction-confirm", class: "danger", onclick: (event) => {
        event.target.disabled = true; // one click, one correction
        confirm();
      } },
        preview.kind === "merge" ? `Merge ${preview.source.name} into ${preview.target.name} 确认合并` : "Split them off 确认拆分"),
      el("button", { type: "button", id: "correction-cancel", onclick: cancel }, "Cancel 取消")));
}

function reasonField(id) {
  return el("label", { class: "reason" }, "Why 理由 ",
    el("textarea", { id, rows: "2", maxlength: "1000", required: true,
      placeholder: "what the articles show, for the audit trail 说明依据" }));
}

function mergeForm(entity, show) {
  let other = null;
  const picked = el("div", { class: "picked", id: "merge-other" }, muted("nothing chosen yet"));
  const input = el("input", { type: "search", id: "merge-search", autocomplete: "off", maxlength: "100",
    "aria-label": `the other ${KIND_LABEL[entity.kind]} entry`, placeholder: "type the other entry's name 输入另一条目名称" });
  const list = el("ul", { class: "hits dropdown", id: "merge-results", role: "listbox" });
  instantSearch({ input, list, limit: 10, kinds: [entity.kind], onPick: (hit) => {
    list.replaceChildren();
    list.dataset.state = "idle";
    input.value = "";
    if (hit.id === entity.id) {
      picked.replaceChildren(el("span", { class: "error" }, "That is this entry itself. 不能与自身合并"));
      other = null;
      return;
    }
    other = hit;
    picked.replaceChildren(entityLink(hit), " ", muted(hit.description || ""));
  } });
  return el("form", { class: "correction-form", id: "merge-form", onsubmit: (event) => {
    event.preventDefault();
    const reason = event.target.querySelector("#merge-reason").value.trim();
    if (!other) {
      picked.replaceChildren(el("span", { class: "error" }, "Choose the other entry first. 请先选择"));
      return;
    }
    show({ kind: "merge", url: `/entities/${encodeURIComponent(entity.id)}/merge`,
      body: { other_id: other.id }, reason });
  } },
  el("h4", {}, `Merge a duplicate into this ${KIND_LABEL[entity.kind]} 合并重复条目`),
  el("p", { class: "muted" }, "Its facts move here and its name becomes another name of this one."),
  el("div", { class: "picker" }, picked, input, list),
  reasonField("merge-reason"),
  el("button", { type: "submit", id: "merge-preview" }, "Preview what moves 预览"));
}

function splitForm(entity, data, withArticles, show) {
  const articles = data.articles || [];
  if (!articles.length) return null;
  const boxes = articles.map((a) => el("li", {}, el("label", {},
    el("input", { type: "checkbox", class: "split-article", value: a.id }), " ", articleLabel(a, withArticles))));
  const problem = el("p", { class: "error", id: "split-problem" });
  return el("form", { class: "correction-form", id: "split-form", onsubmit: (event) => {
    event.preventDefault();
    const chosen = [...event.target.querySelectorAll("input.split-article:checked")].map((box) => box.value);
    if (!chosen.length) {
      problem.textContent = "Tick the articles that are about someone else. 请勾选文章";
      return;
    }
    problem.textContent = "";
    const name = event.target.querySelector("#split-name").value.trim();
    show({ kind: "split", url: `/entities/${encodeURIComponent(entity.id)}/split`,
      body: { article_ids: chosen, ...(name ? { name } : {}) }, reason: event.target.querySelector("#split-reason").value.trim() });
  } },
  el("h4", {}, "Split off what some articles say about someone else 拆分"),
  el("p", { class: "muted" }, "What the ticked articles say moves to a new entry of its own."),
  el("ul", { class: "split-articles" }, boxes),
  el("label", {}, "Name of the new entry 新条目名称 ",
    el("input", { type: "text", id: "split-name", maxlength: "200", placeholder: entity.name })),
  reasonField("split-reason"),
  problem,
  el("button", { type: "submit", id: "split-preview" }, "Preview what moves 预览"));
}

function describe(c) {
  return c.kind === "merge"
    ? `${c.from_name || c.from_id} merged into ${c.into_name || c.into_id} 合并`
    : `${(c.article_ids || []).length} article(s) split off ${c.from_name || c.from_id} 拆分`;
}

// Where a correction, or its undo, leaves the reader: the node that holds the facts.
function landing(c, undone) {
  if (c.kind === "merge") return c.into_id;
  return undone ? c.from_id : c.new_id;
}

async function undo(c, kind, refresh, problem) {
  try {
    const done = await send(`/corrections/${encodeURIComponent(c.id)}/undo`, { key: editorKey(),
      body: { reason: "undone from the page 页面撤销" } });
    justDone = { ...done, undone: true };
    const to = landing(done, true);
    const hash = `#/${kind}/${encodeURIComponent(to)}`;
    if (location.hash !== hash) location.hash = hash;
    else refresh();
  } catch (error) {
    problem.textContent = error.message;
  }
}

// The corrections made to this entry, newest first, each standing one with its Undo for an editor.
async function history(entity, editor, refresh) {
  let made = [];
  try {
    made = await api(`/entities/${encodeURIComponent(entity.id)}/corrections?limit=20`);
  } catch {
    return null;
  }
  if (!made.length) return null;
  const problem = el("p", { class: "error" });
  return el("div", { id: "correction-history" }, el("h4", {}, "Corrections of this entry 更正记录"),
    el("ul", { class: "corrections" }, made.map((c) => el("li", { "data-id": c.id, class: c.undone_at ? "undone" : "" },
      el("strong", {}, describe(c)), " ", muted(`${c.at.slice(0, 16).replace("T", " ")} · ${c.by}`),
      el("div", { class: "sentence" }, c.reason),
      c.undone_at ? muted(` undone ${c.undone_at.slice(0, 10)} by ${c.undone_by} 已撤销`)
        : editor ? el("button", { type: "button", class: "undo-correction", onclick: () => undo(c, entity.kind, refresh, problem) },
          "Undo 撤销") : null))),
    problem);
}

// The notice on the page a correction (or its undo) led to, with the way back.
function doneNotice(entity, refresh) {
  const c = justDone;
  if (!c || ![c.into_id, c.new_id, c.from_id].includes(entity.id)) return null;
  justDone = null;
  const problem = el("span", { class: "error" });
  if (c.undone) {
    return el("p", { class: "notice", id: "correction-done", role: "status" }, `Undone: ${describe(c)}. 已撤销`);
  }
  return el("p", { class: "notice", id: "correction-done", role: "status" },
    c.kind === "merge" ? `Merged ${c.from_name} into this page (${c.moved_relationships} facts moved). 已合并 `
      : `Split from ${c.from_name}: ${c.moved_relationships} facts moved here. 已拆分 `,
    el("button", { type: "button", id: "correction-undo", onclick: () => undo(c, entity.kind, refresh, problem) }, "Undo 撤销"),
    " ", problem);
}

// The "Corrections" section of an entity's page; hidden until its button in the page's actions is
// pressed, open at once when a correction just led here. `refresh` draws the page again.
export async function correctionSection(entity, data, withArticles, refresh) {
  const notice = doneNotice(entity, refresh);
  const body = el("div", { class: "correction-body" });
  const sectionEl = el("section", { class: "facts corrections-section", id: "corrections", hidden: !notice },
    el("h3", {}, "Corrections 更正"), notice, body);

  async function draw() {
    const editor = await editorName();
    if (!editor) {
      body.replaceChildren(...[keyForm("Merging and splitting change the graph for every reader, so they need an editor's key.",
        () => draw()), await history(entity, null, refresh)].filter(Boolean));
      return;
    }
    const preview = el("div", { id: "correction-step" });
    const show = async (ask) => {
      preview.replaceChildren(muted("Reading what would move… 读取中"));
      if (!ask.reason) {
        preview.replaceChildren(el("p", { class: "error" }, "Say why, for the audit trail. 请填写理由"));
        return;
      }
      try {
        const plan = await send(`${ask.url}/preview`, { key: editorKey(), body: ask.body });
        preview.replaceChildren(previewView(plan, withArticles, async () => {
          try {
            const done = await send(ask.url, { key: editorKey(), body: { ...ask.body, reason: ask.reason, plan: plan.plan } });
            justDone = done;
            const to = landing(done, false);
            const hash = `#/${entity.kind}/${encodeURIComponent(to)}`;
            if (location.hash !== hash) location.hash = hash;
            else refresh();
          } catch (error) {
            preview.replaceChildren(el("p", { class: "error", id: "correction-error" }, error.message));
          }
        }, () => preview.replaceChildren()));
        preview.scrollIntoView({ block: "nearest" });
      } catch (error) {
        preview.replaceChildren(el("p", { class: "error", id: "correction-error" }, error.message));
      }
    };
    body.replaceChildren(...[signedIn(editor, () => draw()),
      el("div", { class: "correction-forms" }, mergeForm(entity, show), splitForm(entity, data, withArticles, show)),
      preview, await history(entity, editor, refresh)].filter(Boolean));
  }

  await draw();
  return sectionEl;
}

// The button in an entity's actions that opens the section.
export function correctionButton() {
  return el("button", { type: "button", id: "open-corrections", onclick: () => {
    const section = document.getElementById("corrections");
    if (!section) return;
    section.hidden = !section.hidden;
    if (!section.hidden) {
      section.scrollIntoView({ block: "start" });
      const first = section.querySelector("input, textarea");
      if (first) first.focus();
    }
  } }, "Correct 更正");
}
