// @ts-check
/**
 * The URLs of a conversation: the WebSocket of a client id, and the HTTP views of a
 * session (JSON, and the brief as Markdown).
 *
 * @module
 */

/**
 * The `/ws/{clientId}` URL of a server base URL.
 * @param {string} server
 * @param {string} clientId
 * @returns {string}
 */
export function socketUrl(server, clientId) {
  const url = new URL(server);
  if (url.protocol === "http:") url.protocol = "ws:";
  else if (url.protocol === "https:") url.protocol = "wss:";
  if (url.protocol !== "ws:" && url.protocol !== "wss:") {
    throw new TypeError(`Server URL must be ws:, wss:, http: or https:: got ${server}`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/ws/${encodeURIComponent(clientId)}`;
  url.search = "";
  url.hash = "";
  return url.href;
}

/**
 * The HTTP URLs of a session: as JSON, and its brief as Markdown. They carry the token,
 * which is the only thing that grants access: share them only with whom may read it.
 * @param {string} server Server base URL (`ws:`, `wss:`, `http:` or `https:`).
 * @param {string} sessionId
 * @param {string} token
 * @returns {{ sessionUrl: string, briefUrl: string }}
 */
export function sessionUrls(server, sessionId, token) {
  const url = new URL(server);
  if (url.protocol === "ws:") url.protocol = "http:";
  else if (url.protocol === "wss:") url.protocol = "https:";
  const base = `${url.origin}${url.pathname.replace(/\/+$/, "")}/sessions/${
    encodeURIComponent(sessionId)
  }`;
  const query = `?token=${encodeURIComponent(token)}`;
  return { sessionUrl: `${base}${query}`, briefUrl: `${base}/brief.md${query}` };
}
