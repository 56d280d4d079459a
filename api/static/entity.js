// One entity's page: titles over time, a dated timeline of events with roles, and the source
// sentence behind every fact. Optional endpoints (contacts, officials, articles) add sections
// when the server has them.
import { api, exportEndpoints, hasEndpoint, queryParams } from "./api.js";
import { CORRECTABLE, correctionButton, correctionSection } from "./corrections.js";
import { followButton } from "./watch.js";
import {
  EVENT_TYPE_LABEL, KIND_PATH, ROLE_LABEL, articleLabel, badge, el, entityLink, muted, nothing,
  roleTags, sentenceHash, sourceBlock, table,
} from "./dom.js";

const PERSON_KIND_LABEL = { official: "官员 official", executive: "企业人员 executive", other: "" };
const ORG_KIND_LABEL = { government: "政府 government", party: "党委 party", company: "企业 company", other: "" };

function byDate(a, b) {
  return (a.date || "9999").localeCompare(b.date || "9999");
}

function actions(entity, exports, correctable, follow) {
  const id = encodeURIComponent(entity.id);
  return el("nav", { class: "actions" },
    el("a", { href: `#/graph/${id}`, class: "button", id: "open-graph" }, "Graph 关系图"),
    el("a", { href: `#/connect?from=${id}`, class: "button", id: "open-connect" }, "Connect to… 找关系"),
    follow,
    correctable ? correctionButton() : null,
    exports.length ? el("span", { class: "exports" }, muted("Export 导出: "),
      exports.map((link) => el("a", { href: link.href, class: "export", download: "" }, link.label))) : null);
}

// Export endpoints that take an entity id: its neighbourhood as a file to download.
async function exportLinks(entity) {
  const links = [];
  for (const path of await exportEndpoints()) {
    if (path.includes("{") || !(await queryParams(path)).has("id")) continue;
    const format = path.split("/").pop();
    const params = new URLSearchParams({ id: entity.id });
    if (format === "csv") {
      for (const part of ["nodes", "edges"]) {
        links.push({ href: `${path}?${params}&part=${part}`, label: `CSV ${part}` });
      }
    } else {
      links.push({ href: `${path}?${params}`, label: format === "ftm" ? "FollowTheMoney" : format.toUpperCase() });
    }
  }
  return links;
}

function heading(entity, subtitle) {
  return [
    el("h2", { id: "entity-name" }, badge(entity.kind), entity.name, subtitle ? [" ", muted(subtitle)] : null),
    entity.aliases && entity.aliases.length ? el("p", { class: "muted aliases" }, "又称 ", entity.aliases.join("、")) : null,
  ];
}

function section(title, id, ...content) {
  return el("section", { class: "facts", id }, el("h3", {}, title), content);
}

const SHOWN_SOURCES = 3;

function sourceKey(src) {
  return `${(src && src.sentence) || ""}|${(src && src.article && src.article.id) || ""}`;
}

function period(dates) {
  if (!dates.length) return "date unknown";
  return dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} → ${dates[dates.length - 1]}`;
}

// The sentences behind a row, each in full only where the table first cites it: titles held
// together come from one sentence, and a page that repeated it under every title said one thing
// many times. Past the first few, the rest fold away.
function rowSources(sources, shown, withArticles) {
  const blocks = sources.map((s) => {
    const key = sourceKey(s.source);
    if (shown.has(key)) {
      return el("div", { class: "fact-source same-source" }, muted(`${s.date || "undated"} · the sentence above 同上`));
    }
    shown.add(key);
    return sourceBlock(s.source, withArticles);
  });
  if (blocks.length <= SHOWN_SOURCES) return blocks;
  return [blocks.slice(0, SHOWN_SOURCES), el("details", { class: "more-sources" },
    el("summary", {}, `${blocks.length - SHOWN_SOURCES} more 更多`), blocks.slice(SHOWN_SOURCES))];
}

// Titles as held over time: one row per title and organization, from the first to the last report
// that names it. Titles that every report gives together (区委副书记、区长) share one row.
function titlesOverTime(positions, withArticles, personColumn) {
  const held = new Map();
  for (const p of positions) {
    const who = personColumn ? p.person.id : "";
    // 副区长 of two districts are two posts.
    const org = p.organization ? p.organization.id : (p.place || "");
    const key = `${who}|${p.title}|${org}`;
    if (!held.has(key)) held.set(key, { first: p, who, org, titles: [p.title], dates: [], sources: new Map() });
    const title = held.get(key);
    if (p.as_of) title.dates.push(p.as_of);
    const src = sourceKey(p.source);
    if (!title.sources.has(src)) title.sources.set(src, { date: p.as_of, source: p.source });
  }
  const rows = new Map();
  for (const title of held.values()) {
    const together = `${title.who}|${title.org}|${[...title.sources.keys()].sort().join("\n")}`;
    const row = rows.get(together);
    if (row) row.titles.push(...title.titles);
    else rows.set(together, title);
  }
  const ordered = [...rows.values()].map((g) => {
    g.dates.sort();
    g.sources = [...g.sources.values()].sort(byDate);
    return g;
  }).sort((a, b) => (a.dates[0] || "9999").localeCompare(b.dates[0] || "9999"));
  const shown = new Set();
  const titles = (g) => g.titles.map((t, i) => [i ? "、" : "", el("strong", {}, t)]);
  if (personColumn) {
    return table(["period", "person", "title", "source sentences"], ordered.map((g) => [
      period(g.dates), entityLink(g.first.person), titles(g), rowSources(g.sources, shown, withArticles)]),
    { class: "titles" });
  }
  return table(["period", "title", "office of 机构", "source sentences"], ordered.map((g) => [
    period(g.dates), titles(g), officeOf(g.first),
    rowSources(g.sources, shown, withArticles)]),
  { class: "titles" });
}

// Whose office a title is: the body when the graph has it, else the division the article names.
function officeOf(position) {
  const where = position.place ? el("span", { class: "place" }, position.place) : null;
  if (position.organization) return [entityLink(position.organization), where ? [" ", where] : null];
  return where || muted(position.org || "");
}

// A company's projects, one row each: the same project signed, then run, then reported again is
// one project with its relations and every sentence once.
function projectRows(links, withArticles) {
  const byProject = new Map();
  for (const l of links) {
    if (!byProject.has(l.project.id)) byProject.set(l.project.id, { project: l.project, relations: new Set(), dates: [], sources: new Map() });
    const row = byProject.get(l.project.id);
    row.relations.add(l.relation);
    if (l.date) row.dates.push(l.date);
    const key = sourceKey(l.source);
    if (!row.sources.has(key)) row.sources.set(key, { date: l.date, source: l.source });
  }
  const shown = new Set();
  return [...byProject.values()].map((r) => {
    r.dates.sort();
    return [r.dates.length ? period(r.dates) : "", entityLink(r.project),
      [...r.relations].sort().map((x) => (x === "signed" ? "签约 signed" : "承建 runs")).join(" · "),
      rowSources([...r.sources.values()].sort(byDate), shown, withArticles)];
  }).sort((a, b) => String(a[0] || "9999").localeCompare(String(b[0] || "9999")));
}

// Events and signings on one dated line, oldest first.
function timeline(items, withArticles) {
  if (!items.length) return nothing();
  return el("ol", { class: "timeline" }, items.sort(byDate).map((item) =>
    el("li", { class: "timeline-item" },
      el("time", {}, item.date || "date unknown"),
      el("div", { class: "timeline-body" },
        el("div", {}, item.what, item.detail ? [" ", muted(item.detail)] : null, " ", item.roles || null),
        sourceBlock(item.source, withArticles)))));
}

function eventItems(events) {
  return events.map((e) => ({
    date: e.date,
    what: entityLink(e.event),
    detail: [EVENT_TYPE_LABEL[e.type] || e.type, e.place].filter(Boolean).join(" · "),
    roles: el("span", { class: "roles" }, roleTags(e.roles)),
    source: e.source,
  }));
}

function signingItems(signings) {
  return signings.map((s) => ({
    date: s.date,
    what: [el("span", { class: "role signed" }, "签约"), " ",
      s.project ? entityLink(s.project) : (s.project_name || "a project")],
    detail: s.parties.length ? `parties: ${s.parties.map((p) => p.name).join("、")}` : "",
    roles: s.signers.length ? el("span", { class: "muted" }, ` signed by ${s.signers.map((p) => p.name).join("、")}`) : null,
    source: s.source,
  }));
}

function articleList(articles, withArticles) {
  if (!articles.length) return nothing();
  return el("ul", { class: "articles" }, [...articles].sort(byDate).map((a) =>
    el("li", {}, articleLabel(a, withArticles))));
}

// What an endpoint we know only by name returns: entities become links, sources show their
// sentence, other plain values are listed as "key: value".
function genericItems(data, withArticles) {
  let items = data;
  if (!Array.isArray(items) && items && typeof items === "object") {
    items = Object.values(items).find(Array.isArray) || [];
  }
  if (!Array.isArray(items) || !items.length) return nothing();
  const isRef = (v) => v && typeof v === "object" && "id" in v && "name" in v && "kind" in v;
  const isSource = (v) => v && typeof v === "object" && ("sentence" in v || "article" in v) && !isRef(v);
  return el("ul", { class: "generic" }, items.slice(0, 100).map((item) => {
    if (isRef(item)) return el("li", {}, entityLink(item));
    const parts = [];
    const details = [];
    for (const [key, value] of Object.entries(item || {})) {
      if (value === null || value === undefined || key === "id") continue;
      if (isRef(value)) parts.push(entityLink(value), " ");
      else if (isSource(value)) details.push(sourceBlock(value, withArticles));
      else if (Array.isArray(value) && value.length && value.every(isRef)) parts.push(value.map((v) => [entityLink(v), " "]));
      else if (Array.isArray(value) && value.every(isSource)) details.push(value.slice(0, 5).map((v) => sourceBlock(v, withArticles)));
      else if (Array.isArray(value) && value.every((v) => typeof v !== "object")) parts.push(muted(`${key}: ${value.join("、")} `));
      else if (typeof value !== "object") parts.push(muted(`${key}: ${value} `));
    }
    return el("li", {}, parts, details);
  }));
}

// People (and companies) met at the same events: /people/{id}/contacts.
function contactsTable(data) {
  const rows = (data.contacts || []).map((c) => [
    entityLink(c.entity), (c.titles || []).join("、"), String(c.count),
    el("div", {}, (c.events || []).slice(0, 5).map((e) => el("div", {},
      muted(e.date || ""), " ", entityLink({ id: e.id, kind: "event", name: e.name })))),
  ]);
  return table(["who", "titles", "times met", "where"], rows, { class: "people" });
}

// Officials seen with an organization: /organizations/{id}/officials.
function officialsTable(data, withArticles) {
  const rows = (data.officials || []).map((o) => [
    entityLink(o.person), (o.titles || []).join("、"),
    [o.first_date, o.last_date].filter(Boolean).join(" → "),
    el("div", {}, (o.links || []).slice(0, 3).map((l) => el("div", { class: "official-link" },
      el("span", { class: `role ${l.relation}` }, l.relation === "signed" ? "签约" : "出席"), " ",
      muted(l.date || ""), " ", l.event ? entityLink(l.event) : null, sourceBlock(l.source, withArticles)))),
  ]);
  return table(["official", "titles", "period", "together at"], rows, { class: "people" });
}

const RENDERERS = { contacts: contactsTable, officials: officialsTable };

async function optionalSection(path, title, id, withArticles) {
  if (!(await hasEndpoint(path.template))) return null;
  try {
    const data = await api(path.url);
    const render = RENDERERS[id];
    if (render && Array.isArray(data[id])) return section(title, id, render(data, withArticles));
    return section(title, id, genericItems(data, withArticles));
  } catch {
    return null; // an optional section never breaks the page
  }
}

function personView(p, withArticles) {
  // The place tells two people of one name apart.
  return [
    heading(p, [PERSON_KIND_LABEL[p.person_kind] || p.person_kind, p.jurisdiction].filter(Boolean).join(" · ")),
    section("Titles over time 职务变化", "titles", titlesOverTime(p.positions, withArticles, false)),
    section("Timeline 活动时间线", "timeline",
      timeline([...eventItems(p.events), ...signingItems(p.signings)], withArticles)),
    section("Mentioned in 报道", "articles", articleList(p.articles, withArticles)),
    p.bylines.length ? section("Wrote 署名", "bylines", articleList(p.bylines.map((b) => b.article), withArticles)) : null,
  ];
}

function organizationView(o, withArticles) {
  return [
    heading(o, ORG_KIND_LABEL[o.org_kind] || o.org_kind),
    section("People and their titles 人员", "titles", titlesOverTime(o.people.map((m) => ({ ...m, organization: null })),
      withArticles, true)),
    section("Projects 项目", "projects", table(["date", "project", "relation", "source"], projectRows(o.projects, withArticles),
      { class: "projects" })),
    section("Timeline 签约时间线", "timeline", timeline(signingItems(o.signings), withArticles)),
    section("Mentioned in 报道", "articles", articleList(o.articles, withArticles)),
  ];
}

function projectView(p, withArticles) {
  return [
    heading(p, p.place),
    section("Companies 企业", "companies", table(["organization", "source"], p.companies.map((c) => [
      entityLink(c.organization), sourceBlock(c.source, withArticles)]))),
    section("Timeline 签约时间线", "timeline", timeline(signingItems(p.signings), withArticles)),
    section("Events 活动", "events", p.events.length ? el("ul", {}, p.events.map((e) => el("li", {}, entityLink(e)))) : nothing()),
    section("Mentioned in 报道", "articles", articleList(p.articles, withArticles)),
  ];
}

function links(refs) {
  return refs.length ? refs.map((r, i) => [i ? "、" : "", entityLink(r)]) : muted("not named");
}

function eventView(e, withArticles) {
  return [
    heading(e, [e.date, EVENT_TYPE_LABEL[e.type] || e.type, e.place].filter(Boolean).join(" · ")),
    e.article ? el("p", {}, "Reported in ", articleLabel(e.article, withArticles)) : null,
    // At a ceremony the news is what was signed and by whom, before who else was in the room.
    (e.signings || []).length ? section("Signed 签约", "signed", table(["project", "parties 签约方", "signed by 签字", "source"],
      e.signings.map((s) => [
        s.project ? entityLink(s.project) : (s.project_name || muted("project not named")),
        links(s.parties), links(s.signers), sourceBlock(s.source, withArticles)]))) : null,
    section("Attendees 出席", "attendees", table(["person", "titles", "roles", "source"], e.attendees.map((a) => [
      entityLink(a.person), a.titles.join("、"), roleTags(a.roles), sourceBlock(a.source, withArticles)]))),
  ];
}

const VIEWS = { person: personView, organization: organizationView, project: projectView, event: eventView };

export async function showEntity(kind, id, target) {
  const withArticles = await hasEndpoint("/articles/{id}");
  const data = await api(`/${KIND_PATH[kind]}/${encodeURIComponent(id)}`);
  const entity = { ...data, kind };
  const [head, ...body] = VIEWS[kind](data, withArticles);
  // Corrections where this server takes them (an older one has no previews).
  const correctable = CORRECTABLE.has(kind) && (await hasEndpoint("/editor"));
  const parts = [head, actions(entity, await exportLinks(entity), correctable, await followButton(entity)), body];
  const enc = encodeURIComponent(id);
  const extra = [];
  if (kind === "person") {
    extra.push(await optionalSection({ template: "/people/{id}/contacts", url: `/people/${enc}/contacts` },
      "Contacts 交集", "contacts", withArticles));
  } else if (kind === "organization") {
    extra.push(await optionalSection({ template: "/organizations/{id}/officials", url: `/organizations/${enc}/officials` },
      "Officials 官员", "officials", withArticles));
  }
  if (correctable) {
    extra.push(await correctionSection(entity, data, withArticles, () => showEntity(kind, id, target)));
  }
  target.replaceChildren(el("article", { class: "entity", "data-kind": kind, "data-id": id }, parts, extra));
}

// --- one article: its text with the facts' sentences marked, the one asked for highlighted ---------

// Offsets from the API count characters (code points): Array.from, not the string's UTF-16 units.
function spannedText(chars, from, to, spans, tag) {
  const parts = [];
  let at = from;
  for (const s of spans) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end <= start || start < at) continue;
    parts.push(chars.slice(at, start).join(""));
    parts.push(el(tag, { class: s.current ? "fact-span current" : "fact-span", "data-start": s.start,
      title: s.facts.slice(0, 6).join("\n") }, chars.slice(start, end).join("")));
    at = end;
  }
  parts.push(chars.slice(at, to).join(""));
  return parts;
}

// Every span of a field once, the asked-for sentence first so no other span overlapping it wins.
function fieldSpans(spans, field) {
  const own = [...spans.values()].filter((s) => s.field === field);
  const current = own.filter((s) => s.current);
  const rest = own.filter((s) => !s.current && !current.some((c) => s.start < c.end && c.start < s.end));
  return [...current, ...rest].sort((a, b) => a.start - b.start);
}

function articleParagraphs(text, spans) {
  const chars = Array.from(text);
  const own = fieldSpans(spans, "text");
  const paragraphs = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i += 1) {
    if (i === chars.length || chars[i] === "\n") {
      if (i > start) paragraphs.push(el("p", { class: "article-text" }, spannedText(chars, start, i, own, "mark")));
      start = i + 1;
    }
  }
  return paragraphs;
}

// The facts an article gives, each with the sentence it was read from as a link that marks it above.
function articleFacts(a) {
  const src = (source) => source && source.sentence
    ? el("a", { href: sentenceHash(a.id, source.sentence), class: "sentence-link" },
      el("q", { class: "sentence" }, source.sentence))
    : muted("no source sentence");
  const people = a.people.map((p) => [
    entityLink(p.person),
    p.titles.length ? p.titles.map((t, i) => [i ? "、" : "", el("strong", {}, t.title),
      t.organization ? [" ", muted(t.organization.name)] : (t.place ? [" ", muted(t.place)] : null)]) : muted(PERSON_KIND_LABEL[p.person_kind] || ""),
    src(p.titles.length ? p.titles[0].source : p.source),
  ]);
  const events = a.events.map((e) => [
    entityLink(e.event),
    el("div", {}, e.attendees.map((x) => el("div", { class: "attendee" }, entityLink(x.person), " ", roleTags(x.roles)))),
    src(e.source),
  ]);
  const signings = a.signings.map((s) => [
    s.project ? entityLink(s.project) : (s.project_name || muted("project not named")),
    [links(s.parties), " ", muted("signed by"), " ", links(s.signers)],
    src(s.source),
  ]);
  const projects = a.projects.map((p) => [entityLink(p.project), links(p.companies), src(p.source)]);
  const organizations = a.organizations.map((o) => [entityLink(o.organization), ORG_KIND_LABEL[o.org_kind] || "", src(o.source)]);
  return [
    section("People 人物", "article-people", table(["person", "titles 职务", "sentence"], people, { class: "facts-table" })),
    section("Events 活动", "article-events", table(["event", "attendees 出席", "sentence"], events, { class: "facts-table" })),
    a.signings.length ? section("Signings 签约", "article-signings", table(["project", "parties 签约方", "sentence"], signings, { class: "facts-table" })) : null,
    a.projects.length ? section("Projects 项目", "article-projects", table(["project", "companies 企业", "sentence"], projects, { class: "facts-table" })) : null,
    a.organizations.length ? section("Organizations 单位", "article-organizations", table(["organization", "kind", "sentence"], organizations, { class: "facts-table" })) : null,
  ];
}

// Each sentence with a span, once, with what was read from it (shown on hover).
function collectSpans(a, wanted) {
  const spans = new Map();
  const add = (source, fact) => {
    if (!source || !source.span) return;
    const key = `${source.span.field}|${source.span.start}|${source.span.end}`;
    if (!spans.has(key)) spans.set(key, { ...source.span, sentence: source.sentence, facts: [], current: false });
    spans.get(key).facts.push(fact);
  };
  for (const p of a.people) {
    add(p.source, p.person.name);
    for (const t of p.titles) add(t.source, `${p.person.name} ${t.title}`);
  }
  for (const e of a.events) {
    add(e.source, e.event.name);
    for (const x of e.attendees) add(x.source, `${x.person.name} ${x.roles.map((r) => ROLE_LABEL[r] || r).join("、")}`);
  }
  for (const s of a.signings) add(s.source, `签约 ${s.project ? s.project.name : s.project_name || ""}`);
  for (const p of a.projects) add(p.source, p.project.name);
  for (const o of a.organizations) add(o.source, o.organization.name);
  if (wanted) {
    let found = [...spans.values()].filter((s) => s.sentence === wanted);
    if (!found.length) {
      // A sentence no fact of this article cites as written (a title's sentence held elsewhere): its
      // place in the text, if the text holds it.
      const chars = Array.from(a.text);
      const at = a.text.indexOf(wanted);
      if (at >= 0) {
        const start = Array.from(a.text.slice(0, at)).length;
        const span = { field: "text", start, end: start + Array.from(wanted).length, sentence: wanted, facts: [] };
        if (span.end <= chars.length) spans.set("wanted", span);
        found = [span];
      }
    }
    for (const s of found) s.current = true;
  }
  return spans;
}

function originLine(a) {
  const source = a.source || {};
  return el("p", { class: "article-origin" },
    muted("Source 来源: "),
    source.url ? el("a", { href: source.url, id: "article-url", rel: "noopener noreferrer", target: "_blank" },
      "Original 原文 ↗") : null,
    source.url ? " " : null,
    source.file ? el("span", { class: "muted", id: "article-file" }, source.file) : null);
}

// A PDF's page: the 版次 it prints, else the file's page number; nothing for a text file.
function printedPage(s) {
  if (s.page_label) return s.page_label;
  return s.pdf_page ? `PDF p. ${s.pdf_page}` : null;
}

// The same story in other files, scripts or papers (one article, one set of facts): each copy
// with its paper, date, file and original page.
function otherSources(a) {
  const shown = (a.source || {}).document_id;
  const others = (a.sources || []).filter((s) => s.document_id !== shown);
  if (!others.length) return null;
  return el("div", { class: "article-origin", id: "article-sources" },
    muted("Also in 亦见于: "),
    el("ul", {}, ...others.map((s) => {
      const pub = s.publication || {};
      const where = [pub.date, pub.name, pub.issue, printedPage(s), s.title && s.title !== a.title ? `“${s.title}”` : null]
        .filter(Boolean).join(" · ");
      return el("li", { class: "article-source" }, where, " ",
        s.url ? el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, "Original 原文 ↗") : null,
        s.url ? " " : null,
        s.file ? el("span", { class: "muted" }, s.file) : null);
    })));
}

export async function showArticle(id, target, params = new URLSearchParams()) {
  const a = await api(`/articles/${encodeURIComponent(id)}`);
  const wanted = params.get("s");
  const spans = collectSpans(a, wanted);
  const pub = a.publication || {};
  const where = [a.date || pub.date, pub.name, pub.issue, printedPage(a), a.page ? `article ${a.page} 第${a.page}篇` : null,
    a.ocr_confidence != null ? `OCR ${Math.round(a.ocr_confidence)}%` : null]
    .filter(Boolean).join(" · ");
  const titleChars = Array.from(a.title || id);
  const subtitleChars = Array.from(a.subtitle || "");
  const hasCurrent = [...spans.values()].some((s) => s.current);
  target.replaceChildren(el("article", { class: "article-view", "data-id": a.id },
    el("h2", { id: "article-title" }, badge("article"),
      spannedText(titleChars, 0, titleChars.length, fieldSpans(spans, "title"), "mark")),
    a.subtitle ? el("p", { class: "article-subtitle" },
      spannedText(subtitleChars, 0, subtitleChars.length, fieldSpans(spans, "subtitle"), "mark")) : null,
    el("p", { class: "muted", id: "article-where" }, where),
    originLine(a),
    otherSources(a),
    wanted && !hasCurrent ? el("p", { class: "muted", id: "sentence-elsewhere" },
      "This article's text does not hold that sentence as written: ", el("q", { class: "sentence" }, wanted)) : null,
    el("div", { class: "article-body", id: "article-body" }, a.text ? articleParagraphs(a.text, spans) : nothing("no text stored")),
    articleFacts(a)));
  const current = target.querySelector(".fact-span.current");
  if (current) requestAnimationFrame(() => current.scrollIntoView({ block: "center" }));
}
