// @ts-check
/**
 * The embed entry: `<script type="module" src="http://HOST:8000/parley.js">` defines
 * `<parley-conversation>` on any page, with or without an import map.
 *
 * The server fills `graph` with every module the element needs (path-absolute URLs of
 * its own origin). Preloading them all before importing the element turns the import
 * waterfall (one round trip per level of imports) into two round trips. Served as a plain
 * file the list is empty and the imports below simply load the graph level by level.
 *
 * @module
 */

/** @type {string[]} */
const graph = [/* parley:preload */];

if (typeof document !== "undefined") {
  const have = new Set(
    Array.from(
      document.querySelectorAll('link[rel="modulepreload"]'),
      (l) => /** @type {HTMLLinkElement} */ (l).href,
    ),
  );
  for (const path of graph) {
    const href = new URL(path, import.meta.url).href;
    if (have.has(href)) continue;
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = href;
    document.head.append(link);
  }
}

const element = await import("./parley-conversation.js");
const client = await import("./client.js");

/** The element class (already defined as `<parley-conversation>`). */
export const ParleyConversation = element.ParleyConversation;
/** The framework-free client, for pages that draw their own UI. */
export const ConversationClient = client.ConversationClient;
