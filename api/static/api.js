// Talking to the API, and finding out which optional endpoints this server offers.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function api(path, options = {}) {
  return answer(() => fetch(path, { headers: { Accept: "application/json" }, signal: options.signal }));
}

// A request that carries the editor's key (corrections, watchlists, investigations): JSON in, JSON out.
export async function send(path, { method = "POST", body = undefined, key = "" } = {}) {
  const headers = { Accept: "application/json", "X-API-Key": key };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return answer(() => fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

async function answer(request) {
  let response;
  try {
    response = await request();
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError("The server cannot be reached.", 0);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail
      : Array.isArray(body.detail) ? body.detail.map((issue) => issue.msg).join("; ") : `request failed (${response.status})`;
    throw new ApiError(response.status === 503 ? "The graph database is not reachable right now." : detail,
      response.status);
  }
  return body;
}

let schema = null;

// The server's OpenAPI paths, read once: newer endpoints are used when present, skipped when not.
export async function capabilities() {
  if (!schema) {
    schema = api("/openapi.json").then((doc) => doc.paths || {}).catch(() => ({}));
  }
  return schema;
}

export async function hasEndpoint(path) {
  const paths = await capabilities();
  return Boolean(paths[path] && paths[path].get);
}

// The query parameter names an endpoint accepts, e.g. to tell "k" from "limit" on /paths.
export async function queryParams(path) {
  const paths = await capabilities();
  const params = (paths[path] && paths[path].get && paths[path].get.parameters) || [];
  return new Set(params.filter((p) => p.in === "query").map((p) => p.name));
}

// GET endpoints whose path mentions "export": offered as downloads where they fit.
export async function exportEndpoints() {
  const paths = await capabilities();
  return Object.keys(paths).filter((p) => /export/i.test(p) && paths[p].get);
}
