// The editor's key: what corrections (and the other changes a page makes) are sent with. Kept in
// this tab only (sessionStorage) unless the reader asks to be remembered on this computer
// (localStorage): a newsroom's shared computer must not hand the next user someone's key.
import { ApiError, send } from "./api.js";
import { el, muted } from "./dom.js";

const STORE = "guanxi-editor-key";
let known = null; // { key, editor }: the key checked with the server once per page load

export function editorKey() {
  return sessionStorage.getItem(STORE) || localStorage.getItem(STORE) || "";
}

// Whose key the page holds, asked of the server once; null without a key or with one it refuses.
export async function editorName() {
  const key = editorKey();
  if (!key) return null;
  if (known && known.key === key) return known.editor;
  try {
    const who = await send("/editor", { method: "GET", key });
    known = { key, editor: who.editor };
    return who.editor;
  } catch {
    return null;
  }
}

async function signIn(key, remember) {
  const who = await send("/editor", { method: "GET", key });
  forget();
  (remember ? localStorage : sessionStorage).setItem(STORE, key);
  known = { key, editor: who.editor };
  return who.editor;
}

export function forget() {
  sessionStorage.removeItem(STORE);
  localStorage.removeItem(STORE);
  known = null;
}

// Asks for the key; `done(editor)` once the server accepts it. What the server says of a refused key
// (wrong, writes disabled on this server, too many tries) is shown as it says it.
export function keyForm(why, done) {
  const input = el("input", { type: "password", id: "editor-key", autocomplete: "off", required: true,
    "aria-label": "editor key 编辑密钥", placeholder: "editor key 编辑密钥", minlength: "20", maxlength: "200" });
  const remember = el("input", { type: "checkbox", id: "remember-key" });
  const problem = el("p", { class: "error", id: "editor-key-error", role: "alert" });
  return el("form", { class: "key-form", id: "key-form", onsubmit: async (event) => {
    event.preventDefault();
    problem.textContent = "";
    try {
      done(await signIn(input.value.trim(), remember.checked));
    } catch (error) {
      problem.textContent = error instanceof ApiError && error.status === 401
        ? "That key is not known to this server. 密钥无效" : error.message;
    }
  } },
  el("p", {}, why, " ", muted("Ask whoever runs this server: guanxi editors add NAME.")),
  input, " ", el("label", {}, remember, " remember on this computer 记住"), " ",
  el("button", { type: "submit", id: "editor-sign-in" }, "Use key 使用"), problem);
}

// "Signed in as …" with a way out.
export function signedIn(editor, onOut) {
  return el("p", { class: "muted", id: "signed-in" }, "Editor 编辑: ", el("strong", {}, editor), " · ",
    el("button", { type: "button", id: "editor-sign-out", onclick: () => {
      forget();
      onOut();
    } }, "Forget key 退出"));
}
