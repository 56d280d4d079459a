// Talking to the API, and finding out which optional endpoints this server offers.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, signal: options.signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError("The server cannot be reached.", 0);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : `request failed (${response.status})`;
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
