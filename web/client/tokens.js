// @ts-check
/**
 * Where a {@link import("../client.js").ConversationClient} keeps its session's
 * `{sessionId, token}` between page loads: `localStorage` in a browser page, any object
 * with `getItem`/`setItem`/`removeItem`, or nowhere (`null`: memory only). Reads are
 * bounded and safe-parsed; a full or blocked storage never throws.
 *
 * @module
 */

/**
 * Where the client keeps `{sessionId, token}` between page loads.
 * @typedef {Pick<Storage, "getItem" | "setItem" | "removeItem">} TokenStorage
 */

/** A stored session. @typedef {{ sessionId: string, token: string }} StoredSession */

/** Longest stored value read back, in UTF-16 units. */
const MAX_STORED_CHARS = 2048;

/**
 * The `localStorage` key of a client id's session.
 * @param {string} clientId
 * @returns {string}
 */
export function sessionStorageKey(clientId) {
  return `parley.session.${clientId}`;
}

/**
 * `localStorage` in a browser page, if it can be used; elsewhere (Deno) none.
 * @returns {TokenStorage | null}
 */
export function defaultStorage() {
  if (typeof document === "undefined") return null;
  try {
    const storage = globalThis.localStorage;
    storage.getItem("parley"); // throws where storage is blocked
    return storage;
  } catch {
    return null;
  }
}

/**
 * The stored session of a client id, or `null` when there is none or it is unreadable.
 * @param {TokenStorage | null} storage
 * @param {string} clientId
 * @returns {StoredSession | null}
 */
export function readSession(storage, clientId) {
  try {
    const text = storage?.getItem(sessionStorageKey(clientId));
    if (!text || text.length > MAX_STORED_CHARS) return null;
    /** @type {unknown} */
    const json = JSON.parse(text);
    if (typeof json !== "object" || json === null) return null;
    const sessionId = Reflect.get(json, "sessionId");
    const token = Reflect.get(json, "token");
    if (typeof sessionId !== "string" || typeof token !== "string" || !sessionId || !token) {
      return null;
    }
    return { sessionId, token };
  } catch {
    return null; // unreadable or not JSON: start afresh
  }
}

/**
 * Stores a client id's session (silently memory-only when the storage is full or blocked).
 * @param {TokenStorage | null} storage
 * @param {string} clientId
 * @param {StoredSession} session
 * @returns {void}
 */
export function writeSession(storage, clientId, session) {
  try {
    storage?.setItem(sessionStorageKey(clientId), JSON.stringify(session));
  } catch { /* full or blocked: the token lives in memory only */ }
}

/**
 * Forgets a client id's stored session.
 * @param {TokenStorage | null} storage
 * @param {string} clientId
 * @returns {void}
 */
export function removeSession(storage, clientId) {
  try {
    storage?.removeItem(sessionStorageKey(clientId));
  } catch { /* blocked */ }
}
