// Building the DOM from data. Every string from the API becomes a text node (textContent):
// names and sentences come from news text and must never be read as markup.

export const KIND_LABEL = {
  person: "人物", organization: "单位", project: "项目", event: "活动",
  article: "文章", document: "版面", signing: "签约", position: "职务", place: "地区",
  investigation: "调查",
};
export const ROLE_LABEL = { attended: "出席", presided: "主持", spoke: "讲话", signed: "签约", witnessed: "见证" };
export const EVENT_TYPE_LABEL = { signing: "签约", meeting: "会议", inspection: "调研", activity: "活动", other: "其他" };
// Relationship types as a reader would say them, from the server's /graph/model (graph/model.py)
// before the first view is drawn (app.js): a type added there needs no change here.
export const REL_LABEL = {};
// The kinds that have a page of their own, and the API path that serves it.
export const KIND_PATH = { person: "people", organization: "organizations", project: "projects", event: "events" };

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === "" || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function entityHash(ref) {
  return KIND_PATH[ref.kind] ? `#/${ref.kind}/${encodeURIComponent(ref.id)}` : null;
}

export function badge(kind) {
  return el("span", { class: `badge ${kind}` }, KIND_LABEL[kind] || kind);
}

export function entityLink(ref) {
  const hash = entityHash(ref);
  const label = [badge(ref.kind), ref.name];
  return hash ? el("a", { href: hash, "data-id": ref.id }, label) : el("span", {}, label);
}

export function roleTags(list) {
  return (list || []).map((r) => el("span", { class: `role ${r}`, title: r }, ROLE_LABEL[r] || r));
}

export function muted(text) {
  return el("span", { class: "muted" }, text);
}

export function nothing(text = "—") {
  return el("p", { class: "muted" }, text);
}

export function articleWhere(article) {
  return [article.date || article.publication_date, article.publication_name, article.issue]
    .filter(Boolean).join(" · ");
}

// The article a fact came from: its own page when the API serves articles, else title and date.
export function articleLabel(article, hasArticlePage) {
  const title = `《${article.title}》`;
  const where = articleWhere(article);
  const titleNode = hasArticlePage
    ? el("a", { href: `#/article/${encodeURIComponent(article.id)}`, class: "article-link" }, title)
    : el("cite", { class: "article-title" }, title);
  return el("span", { class: "source" }, titleNode, where ? ` ${where}` : "");
}

// The article view with one sentence highlighted in place: the sentence travels in the address, as
// the pages that cite it know the sentence, not where the article holds it.
export function sentenceHash(articleId, sentence) {
  const base = `#/article/${encodeURIComponent(articleId)}`;
  return sentence ? `${base}?s=${encodeURIComponent(sentence)}` : base;
}

// The sentence behind a fact and the article it was read in; the sentence opens the article at it.
export function sourceBlock(src, hasArticlePage) {
  if (!src || (!src.sentence && !src.article)) return muted("no source sentence");
  const quote = src.sentence ? el("q", { class: "sentence" }, src.sentence) : null;
  const linked = quote && src.article && hasArticlePage
    ? el("a", { href: sentenceHash(src.article.id, src.sentence), class: "sentence-link",
      title: "Read it in the article 看原文" }, quote)
    : quote;
  return el("div", { class: "fact-source" }, linked,
    src.article ? articleLabel(src.article, hasArticlePage) : null);
}

export function table(headers, rows, attrs) {
  if (!rows.length) return nothing();
  return el("table", attrs || {},
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) => el("td", {}, c))))));
}
