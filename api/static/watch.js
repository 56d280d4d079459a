// The watchlist: people, organizations, projects and places an editor follows, and what the loads
// since they last looked say about them, each fact with its sentence. The header counts what is new
// at every page load; #/watch lists it, and marks it read.
import { api, hasEndpoint, send } from "./api.js";
import { $, ROLE_LABEL, badge, el, entityLink, muted, nothing, sourceBlock } from "./dom.js";
import { editorKey, editorName, keyForm, signedIn } from "./editor.js";

export const FOLLOWABLE = new Set(["person", "organization", "project"]);
const KIND_WORDS = { event: "活动 event", post: "任职 post", signing: "签约 signing", project: "项目 project", mention: "提及 mentioned" };

async function watchlist() {
  return send("/watch", { method: "GET", key: editorKey() });
}

async function changes(since) {
  const params = new URLSearchParams({ limit: "200" });
  if (since) params.set("since", since);
  return send(`/watch/changes?${params}`, { method: "GET", key: editorKey() });
}

// "3 new" beside the header's link, for an editor whose key the page holds; nothing otherwise.
export async function refreshWatchBadge() {
  const count = $("watch-count");
  const link = $("nav-watch");
  if (!count || !link) return;
  if (!(await hasEndpoint("/watch/changes"))) {
    link.hidden = true;
    return;
  }
  count.textContent = "";
  if (!(await editorName())) return;
  try {
    const news = await changes();
    count.textContent = news.total ? ` ${news.total} new 新` : "";
    count.classList.toggle("has-news", news.total > 0);
  } catch {
    // the count is a convenience: the page works without it
  }
}

// One fact as a line a reader takes in at once: who did what, where, when.
function changeLine(c, withArticles) {
  const subject = c.subject ? entityLink(c.subject) : null;
  const target = c.target ? entityLink(c.target) : null;
  let what;
  if (c.kind === "event") {
    what = target ? [subject, " ", c.roles.map((r) => ROLE_LABEL[r] || r).join("、") || "出席", " ", target]
      : [subject, c.place ? muted(` · ${c.place}`) : null];
  } else if (c.kind === "post") {
    what = [subject, " ", el("strong", {}, c.title || ""), target ? [" ", target] : (c.place ? muted(` ${c.place}`) : null)];
  } else if (c.kind === "signing") {
    what = [el("span", { class: "role signed" }, "签约"), " ", target || (c.title || "a project"),
      c.parties.length ? muted(` · ${c.parties.map((p) => p.name).join("、")}`) : null,
      c.signers.length ? muted(` · signed by ${c.signers.map((p) => p.name).join("、")}`) : null];
  } else if (c.kind === "project") {
    what = [subject, " 承建 ", target];
  } else {
    what = [subject, muted(" named in an article 见于报道")];
  }
  return el("li", { class: `change ${c.kind}`, "data-kind": c.kind },
    el("div", {}, el("span", { class: "change-kind" }, KIND_WORDS[c.kind] || c.kind), " ", what, " ",
      muted(c.date || "")),
    sourceBlock(c.source, withArticles));
}

// The news grouped under what it is about, in the order things are followed.
function newsByFollowed(list, news, withArticles) {
  const groups = [...list.entities.map((e) => ({ key: e.id, head: entityLink(e) })),
    ...list.places.map((p) => ({ key: p.code, head: [badge("place"), p.name] }))];
  const sections = groups.map((g) => {
    const mine = news.changes.filter((c) => c.watched.includes(g.key));
    if (!mine.length) return null;
    return el("section", { class: "watch-group", "data-watched": g.key },
      el("h4", {}, g.head, " ", muted(`${mine.length} new`)),
      el("ul", { class: "changes" }, mine.map((c) => changeLine(c, withArticles))));
  }).filter(Boolean);
  return sections.length ? sections : nothing("Nothing new since then. 暂无新内容");
}

async function unfollow(path, redraw, problem) {
  try {
    await send(path, { method: "DELETE", key: editorKey() });
    redraw();
  } catch (error) {
    problem.textContent = error.message;
  }
}

function followedList(list, redraw) {
  const problem = el("p", { class: "error" });
  const place = el("input", { type: "search", id: "follow-place", maxlength: "40", autocomplete: "off",
    placeholder: "a county, city or province: 台儿庄区 or 370405", "aria-label": "place to follow" });
  const items = [
    ...list.entities.map((e) => el("li", { "data-id": e.id }, entityLink(e), " ",
      el("button", { type: "button", class: "unfollow", title: "stop following 取消关注",
        onclick: () => unfollow(`/watch/entities/${encodeURIComponent(e.id)}`, redraw, problem) }, "×"))),
    ...list.places.map((p) => el("li", { "data-id": p.code }, badge("place"), p.name, " ",
      el("button", { type: "button", class: "unfollow", title: "stop following 取消关注",
        onclick: () => unfollow(`/watch/places/${encodeURIComponent(p.code)}`, redraw, problem) }, "×"))),
  ];
  return el("div", { id: "watch-followed" },
    items.length ? el("ul", { class: "followed" }, items)
      : nothing("Nothing followed yet: press Follow 关注 on a person's, company's or project's page, or add a place."),
    el("form", { class: "follow-place", onsubmit: async (event) => {
      event.preventDefault();
      problem.textContent = "";
      try {
        await send(`/watch/places/${encodeURIComponent(place.value.trim())}`, { method: "PUT", key: editorKey() });
        redraw();
      } catch (error) {
        problem.textContent = error.message;
      }
    } }, place, " ", el("button", { type: "submit", id: "follow-place-button" }, "Follow place 关注地区")),
    problem);
}

export async function showWatch(target, params = new URLSearchParams()) {
  const draw = () => showWatch(target, params);
  const editor = await editorName();
  if (!editor) {
    target.replaceChildren(el("section", { class: "watch-view" }, el("h2", {}, "Watchlist 关注"),
      keyForm("A watchlist is kept for whoever holds an editor's key.", draw)));
    return;
  }
  const since = params.get("since") || "";
  const [list, news, withArticles] = await Promise.all([watchlist(), changes(since), hasEndpoint("/articles/{id}")]);
  const lookBack = el("input", { type: "date", id: "watch-since", value: since.slice(0, 10), onchange: (event) => {
    const value = event.target.value;
    location.hash = value ? `#/watch?since=${value}` : "#/watch";
  } });
  const heading = since ? `Loaded since ${since}` : (list.seen_at ? `New since you last looked, ${list.seen_at.slice(0, 16).replace("T", " ")} UTC`
    : "New since you began following");
  target.replaceChildren(el("section", { class: "watch-view" },
    el("h2", {}, "Watchlist 关注"),
    signedIn(editor, draw),
    el("h3", {}, "Following 关注中"),
    followedList(list, draw),
    el("h3", { id: "watch-news-heading" }, heading, " ", muted(`· ${news.total} new 条新内容`)),
    el("p", { class: "actions" },
      news.total && !since ? el("button", { type: "button", id: "watch-seen", onclick: async () => {
        await send("/watch/seen", { method: "PUT", key: editorKey(), body: { until: news.until } });
        await refreshWatchBadge();
        draw();
      } }, "Mark all read 全部已读") : null,
      el("label", {}, "Look back from 回看 ", lookBack),
      since ? el("a", { href: "#/watch" }, "only what is new 只看新内容") : null),
    news.truncated ? el("p", { class: "muted" }, "Many articles were loaded in that time: the newest are shown.") : null,
    el("div", { id: "watch-news" }, newsByFollowed(list, news, withArticles))));
  await refreshWatchBadge();
}

// The Follow button of an entity's page: its state from the watchlist, a key asked for on first use.
export async function followButton(entity) {
  if (!FOLLOWABLE.has(entity.kind) || !(await hasEndpoint("/watch"))) return null;
  const button = el("button", { type: "button", id: "follow", "aria-pressed": "false" }, "Follow 关注");
  const holder = el("span", { class: "follow" }, button);
  let following = false;
  const show = () => {
    button.setAttribute("aria-pressed", String(following));
    button.textContent = following ? "Following ✓ 已关注" : "Follow 关注";
  };
  if (await editorName()) {
    try {
      following = (await watchlist()).entities.some((e) => e.id === entity.id);
    } catch {
      // shown as not followed; pressing it says what is wrong
    }
  }
  show();
  button.addEventListener("click", async () => {
    if (!(await editorName())) {
      const form = keyForm("Follow needs an editor's key: the watchlist is kept for its owner.", () => {
        form.remove();
        button.click();
      });
      holder.append(form);
      form.querySelector("input").focus();
      return;
    }
    try {
      const path = `/watch/entities/${encodeURIComponent(entity.id)}`;
      const list = await send(path, { method: following ? "DELETE" : "PUT", key: editorKey() });
      following = list.entities.some((e) => e.id === entity.id);
      show();
    } catch (error) {
      holder.append(el("span", { class: "error" }, ` ${error.message}`));
    }
  });
  return holder;
}
