// @ts-check
/** The `/embed` page: shows the embed snippet with this server's real address. */
const code = document.getElementById("snippet");
if (code?.textContent) {
  code.textContent = code.textContent
    .replaceAll("http://HOST:8000", location.origin)
    .replaceAll("ws://HOST:8000", location.origin.replace(/^http/, "ws"));
}
