/** The static handler, called with `new Request(...)`: no socket needed. */
import assert from "node:assert/strict";
import {
  createStaticHandler,
  importMap,
  resolveBare,
  transformModule,
  VENDOR_PACKAGES,
} from "./static.ts";

const handler = createStaticHandler({ corsOrigins: ["https://allowed.example"] });

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const res = await handler(new Request(`http://127.0.0.1:8000${path}`, { method, headers }));
  return res;
}

async function ok(path: string, headers: Record<string, string> = {}) {
  const res = await get(path, headers);
  assert.ok(res, `${path} is served`);
  return { res, text: await res.text() };
}

Deno.test("createStaticHandler serves the demo page with import map, preloads and CSP", async () => {
  const { res, text } = await ok("/");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
  assert.match(res.headers.get("etag") ?? "", /^"[\w-]+"$/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self' 'sha256-[\w+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline'[^;]*script|script-src[^;]*unsafe-inline/);
  const map = /<script type="importmap">(.*?)<\/script>/.exec(text);
  assert.ok(map);
  assert.deepEqual(JSON.parse(map[1]!), importMap());
  // The inline import map is allowed by its hash, and by nothing else.
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(map[1]!));
  assert.ok(csp.includes(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`));
  const preloads = [...text.matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(preloads[0], "/web/parley-conversation.js");
  for (
    const p of [
      "/vendor/lit/index.js",
      "/web/client.js",
      "/protocol/mod.js",
      "/vendor/zod/index.js",
    ]
  ) {
    assert.ok(preloads.includes(p), `preloads ${p}`);
  }
  // What the first render needs comes before zod, which loads in the background.
  assert.ok(
    preloads.indexOf("/vendor/lit-html/lit-html.js") < preloads.indexOf("/vendor/zod/index.js"),
  );
  assert.doesNotMatch(text, /parley:head/);
});

Deno.test("createStaticHandler answers If-None-Match with 304, also for weak ETags", async () => {
  for (const path of ["/", "/parley.js", "/vendor/lit/index.js", "/protocol/mod.js"]) {
    const { res } = await ok(path);
    const etag = res.headers.get("etag")!;
    const again = await get(path, { "if-none-match": etag });
    assert.equal(again?.status, 304, path);
    assert.equal(again?.headers.get("etag"), etag);
    assert.equal(await again?.text(), "");
    const weak = await get(path, { "if-none-match": `"other", W/${etag}` });
    assert.equal(weak?.status, 304, `${path} weak`);
    const stale = await get(path, { "if-none-match": '"stale"' });
    assert.equal(stale?.status, 200);
    await stale?.body?.cancel();
  }
});

Deno.test("createStaticHandler serves /parley.js standalone: absolute imports, preload list", async () => {
  const { res, text } = await ok("/parley.js");
  assert.equal(res.headers.get("content-type"), "text/javascript; charset=utf-8");
  assert.match(text, /import\("\/web\/parley-conversation\.js"\)/);
  assert.match(text, /import\("\/web\/client\.js"\)/);
  assert.doesNotMatch(text, /from\s*["'](lit|zod)/);
  const graph = JSON.parse(/const graph = (\[.*?\]);/s.exec(text)![1]!);
  assert.equal(graph[0], "/web/parley-conversation.js");
  assert.ok(graph.includes("/vendor/zod/v4/core/core.js"));
  // Every module in the graph is served, and none has a bare import left.
  for (const path of graph) {
    const { res, text } = await ok(path);
    assert.equal(res.status, 200, path);
    const bare = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"'./][^"']*)["']/g)]
      .map((m) => m[1]!)
      .filter((s) => VENDOR_PACKAGES.some((p) => s === p || s.startsWith(`${p}/`)));
    // Only zod's comments mention `import ... from "zod"`; code is rewritten.
    for (const s of bare) assert.match(text, new RegExp(`//.*["']${s}["']|\\*.*["']${s}["']`));
  }
});

Deno.test("createStaticHandler sends CORS headers on module scripts for allowed origins only", async () => {
  const allowed = await ok("/parley.js", { origin: "https://allowed.example" });
  assert.equal(allowed.res.headers.get("access-control-allow-origin"), "https://allowed.example");
  assert.match(allowed.res.headers.get("vary") ?? "", /Origin/);
  const other = await ok("/vendor/lit/index.js", { origin: "https://evil.example" });
  assert.equal(other.res.headers.get("access-control-allow-origin"), null);
  const page = await ok("/", { origin: "https://allowed.example" });
  assert.equal(page.res.headers.get("access-control-allow-origin"), null, "not on HTML");
  const any = createStaticHandler({ corsOrigins: "*" });
  const res = await any(
    new Request("http://h/web/client.js", { headers: { origin: "https://x.example" } }),
  );
  assert.equal(res?.headers.get("access-control-allow-origin"), "*");
  await res?.body?.cancel();
});

Deno.test("createStaticHandler serves web, protocol and vendor files with their types", async () => {
  const cases: [string, string][] = [
    ["/embed", "text/html; charset=utf-8"],
    ["/web/client.js", "text/javascript; charset=utf-8"],
    ["/web/index.html", "text/html; charset=utf-8"],
    ["/protocol/brief.js", "text/javascript; charset=utf-8"],
    ["/vendor/lit/index.js.map", "application/json; charset=utf-8"],
    ["/vendor/@lit/reactive-element/css-tag.js", "text/javascript; charset=utf-8"],
    ["/vendor/zod/v4/locales/en.js", "text/javascript; charset=utf-8"],
  ];
  for (const [path, type] of cases) {
    const { res } = await ok(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get("content-type"), type, path);
  }
  const { text } = await ok("/vendor/lit/index.js");
  assert.match(text, /^import"\/vendor\/@lit\/reactive-element\/reactive-element\.js";/);
  assert.match(text, /export\*from"\/vendor\/lit-element\/lit-element\.js"/);
  const head = await get("/web/client.js", {}, "HEAD");
  assert.equal(head?.status, 200);
  assert.equal(await head?.text(), "");
});

Deno.test("createStaticHandler returns null for paths it does not serve, and for traversal", async () => {
  for (
    const path of [
      "/nope",
      "/healthz",
      "/ws/abc",
      "/web/",
      "/web/..%2fdeno.json",
      "/web/%2e%2e/deno.json",
      "/protocol/..%2fserver%2fstatic.ts",
      "/protocol/mod.ts",
      "/vendor/lit/..%2f..%2fzod%2fpackage.json",
      "/vendor/lit/package.json",
      "/vendor/left-pad/index.js",
      "/web/%00.js",
      "/web/%E0%A4%A.js",
      "/server/static.ts",
    ]
  ) {
    assert.equal(await get(path), null, path);
  }
  const post = await get("/parley.js", {}, "POST");
  assert.equal(post?.status, 405);
  assert.equal(post?.headers.get("allow"), "GET, HEAD");
  await post?.body?.cancel();
});

Deno.test("resolveBare follows package exports with browser conditions", () => {
  assert.equal(resolveBare("lit"), "/vendor/lit/index.js");
  assert.equal(resolveBare("lit-html"), "/vendor/lit-html/lit-html.js");
  assert.equal(resolveBare("lit/directives/repeat.js"), "/vendor/lit/directives/repeat.js");
  assert.equal(
    resolveBare("@lit/reactive-element"),
    "/vendor/@lit/reactive-element/reactive-element.js",
  );
  assert.equal(resolveBare("zod"), "/vendor/zod/index.js");
  assert.equal(resolveBare("left-pad"), null);
  assert.equal(resolveBare("lit/not-exported.js"), null);
});

Deno.test("importMap agrees with resolveBare, and both name served files", async () => {
  const map = importMap().imports;
  const viaMap = (spec: string) => {
    if (map[spec]) return map[spec];
    const prefix = Object.keys(map).filter((k) => k.endsWith("/") && spec.startsWith(k))
      .sort((a, b) => b.length - a.length)[0];
    return prefix ? map[prefix] + spec.slice(prefix.length) : null;
  };
  const specs = [
    "lit",
    "lit/directive.js",
    "lit/directives/repeat.js",
    "lit/decorators.js",
    "lit-html",
    "lit-html/directives/guard.js",
    "lit-element",
    "lit-element/lit-element.js",
    "@lit/reactive-element",
    "@lit/reactive-element/css-tag.js",
    "zod",
  ];
  for (const spec of specs) {
    const r = resolveBare(spec);
    assert.ok(r, spec);
    assert.equal(viaMap(spec), r, spec);
    assert.equal((await get(r))?.status, 200, r);
  }
});

Deno.test("transformModule rewrites bare and aliased imports and lists static ones", () => {
  const code = [
    `import { html } from "lit";`,
    `import "./side.js";`,
    `export * from '../protocol/mod.js';`,
    `const lazy = () => import("zod");`,
    `// import { x } from "lit-html";`,
    `import other from "left-pad";`,
  ].join("\n");
  const served = transformModule(code, "/web/parley.js");
  assert.match(served.code, /from "\/vendor\/lit\/index\.js"/);
  assert.match(served.code, /import "\.\/side\.js"/, "relative kept at its own URL");
  assert.match(served.code, /import\("\/vendor\/zod\/index\.js"\)/);
  assert.match(served.code, /from "left-pad"/, "unknown packages untouched");
  assert.deepEqual(served.imports, ["/vendor/lit/index.js", "/web/side.js", "/protocol/mod.js"]);
  assert.deepEqual(served.dynamicImports, ["/vendor/zod/index.js"]);
  const aliased = transformModule(code, "/web/parley.js", "/parley.js");
  assert.match(aliased.code, /import "\/web\/side\.js"/);
  assert.match(aliased.code, /from '\/protocol\/mod\.js'/);
});

Deno.test("createStaticHandler serves every session's share page as one page, no-referrer", async () => {
  const a = await ok("/sessions/s-1/brief");
  const b = await ok("/sessions/Other_id-2/brief");
  assert.equal(a.res.headers.get("content-type"), "text/html; charset=utf-8");
  assert.equal(a.res.headers.get("referrer-policy"), "no-referrer");
  assert.match(a.res.headers.get("content-security-policy") ?? "", /script-src 'self'/);
  assert.equal(a.res.headers.get("etag"), b.res.headers.get("etag"), "one page for all sessions");
  assert.match(a.text, /<script type="module" src="\/web\/brief-page\.js"><\/script>/);
  for (const path of ["/sessions/s-1/brief.md", "/sessions/s-1/brief/x", "/sessions/a b/brief"]) {
    assert.equal(await get(path), null, path);
  }
});
