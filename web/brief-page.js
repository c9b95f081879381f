// @ts-check
/**
 * The read-only page of a brief (`/sessions/{id}/brief#token=…`): fetches the session
 * with the token from the URL fragment in an `Authorization` header (the fragment never
 * leaves the browser, so the token reaches no log and no `Referer`) and renders its
 * Markdown brief with the same safe renderer as the element.
 *
 * @module
 */
import { html, render } from "lit";
import { markdown } from "./markdown.js";

const article = /** @type {HTMLElement} */ (document.getElementById("brief"));
document.getElementById("print")?.addEventListener("click", () => print());
// Another token pasted into the address bar: load that brief instead.
addEventListener("hashchange", () => location.reload());

/** @param {string} message */
function fail(message) {
  article.replaceChildren();
  render(
    html`
      <h1>Product brief</h1>
      <p class="status" role="alert">${message}</p>
    `,
    article,
  );
}

const id = /^\/sessions\/([A-Za-z0-9_-]{1,64})\/brief$/.exec(location.pathname)?.[1];
const token = new URLSearchParams(location.hash.slice(1)).get("token");
if (!id || !token) {
  fail("This link is incomplete: it needs the part after # that holds the access token.");
} else {
  try {
    const res = await fetch(`/sessions/${id}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: "no-store",
      referrerPolicy: "no-referrer",
    });
    if (!res.ok) {
      fail(
        res.status === 404
          ? "This brief is not available: the link is wrong or the conversation has expired."
          : `The server could not give the brief (HTTP ${res.status}).`,
      );
    } else {
      const body = await res.json();
      const summary = typeof body?.summary === "string" ? body.summary : null;
      if (summary === null) fail("The brief is not ready yet: the conversation is still going.");
      else {
        const title = typeof body?.brief?.title === "string" ? body.brief.title : null;
        if (title) document.title = `${title} · Parley`;
        article.replaceChildren();
        render(markdown(summary, { headingOffset: 0 }), article);
        article.removeAttribute("aria-live");
      }
    }
  } catch (err) {
    fail(`Could not reach the server: ${err instanceof Error ? err.message : String(err)}`);
  }
}
