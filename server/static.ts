/**
 * Static files for the browser: the demo page, the embed entry, the share page of a brief
 * (`/sessions/{id}/brief`, one file for every session), the `web/` modules, the
 * shared `protocol/` modules and the npm packages they import (`/vendor/<pkg>/…`), with
 * no bundler and no CDN.
 *
 * How bare specifiers reach the browser. Every JavaScript file we serve has its bare
 * imports of the vendored packages (`"lit"`, `"zod"`, …) rewritten to path-absolute
 * `/vendor/…` URLs, resolved through each package's `exports` with browser conditions.
 * A path-absolute specifier resolves against the importing module's own URL, so the
 * graph loads from this server even when `/parley.js` is embedded on another origin that
 * has no import map, and the served bytes (and so their ETags) do not depend on the Host.
 * Our own HTML pages still carry an import map built from the same table, so inline
 * scripts may say `import "lit"`; both paths give every module exactly one URL, hence one
 * instance. Pages also get `<link rel="modulepreload">` for their whole module graph, and
 * `/parley.js` gets the graph as a list it preloads itself before importing the element,
 * so the import waterfall is two round trips deep instead of one per import level.
 *
 * @module
 */
import { createRequire } from "node:module";
import { dirname, join, normalize, sep as SEPARATOR } from "node:path";
import { fileURLToPath } from "node:url";
// Side-effect-free modules of each served package: they keep the packages in the module
// graph, so `import.meta.resolve` gives their files (also inside `deno compile`).
import "lit/directive.js";
import "zod";

/** Options of {@link createStaticHandler}. */
export interface StaticOptions {
  /** Origins whose pages may load our module scripts (`"*"`: any). */
  corsOrigins: readonly string[] | "*";
}

/** A file ready to serve: transformed bytes, type and validator. */
interface Entry {
  body: Uint8Array;
  type: string;
  etag: string;
  /** Path-absolute URLs this JS module imports statically (for modulepreload). */
  imports: readonly string[];
  /** Path-absolute URLs it imports with `import()`. */
  dynamicImports: readonly string[];
  /** Modification time of the source, to reload `web/` files edited while running. */
  mtime: number | null;
  /** Content-Security-Policy of an HTML page (it names the inline import map's hash). */
  csp?: string;
}

const ROOT = join(import.meta.dirname ?? ".", "..");
const WEB_DIR = join(ROOT, "web");
const PROTOCOL_DIR = join(ROOT, "protocol");

/** Packages served under `/vendor/`, by name. */
export const VENDOR_PACKAGES = [
  "lit",
  "lit-html",
  "lit-element",
  "@lit/reactive-element",
  "zod",
] as const;

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".md": "text/markdown; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
const WEB_EXTENSIONS = new Set([".js", ".html", ".css", ".json", ".svg", ".png", ".ico", ".md"]);
const VENDOR_EXTENSIONS = new Set([".js", ".map"]);

/**
 * The read-only page of a session's brief, `GET /sessions/{id}/brief`. The token stays in
 * the URL fragment (`#token=…`), which browsers never send, so it reaches no log and no
 * `Referer`; the page's script sends it in an `Authorization` header.
 */
export const SHARE_PAGE = /^\/sessions\/[A-Za-z0-9_-]{1,64}\/brief$/;

/** Placeholder in our HTML pages replaced by the import map and modulepreload links. */
export const HEAD_PLACEHOLDER = "<!-- parley:head -->";
/** Placeholder in `web/parley.js` replaced by the module graph it preloads. */
export const PRELOAD_PLACEHOLDER = "/* parley:preload */";

// ---------------------------------------------------------------------------------------
// Vendored npm packages

interface Package {
  name: string;
  dir: string;
  exports: unknown;
  main: string;
}

let packages: Map<string, Package> | undefined;

function findPackageDir(file: string, name: string): string {
  let dir = dirname(file);
  for (;;) {
    try {
      const json = JSON.parse(Deno.readTextFileSync(join(dir, "package.json")));
      if (json.name === name) return dir;
    } catch { /* no package.json here: keep walking up */ }
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find package.json of ${name}: from ${file}`);
    dir = up;
  }
}

function toPath(resolved: string, name: string): string {
  if (resolved.startsWith("file:")) return fileURLToPath(resolved);
  if (resolved.startsWith("/")) return resolved;
  throw new Error(`Cannot locate npm package ${name}: resolved to ${resolved}`);
}

function loadPackages(): Map<string, Package> {
  if (packages) return packages;
  const litFile = toPath(import.meta.resolve("lit/directive.js"), "lit");
  const zodFile = toPath(import.meta.resolve("zod"), "zod");
  // lit's own dependencies resolve from lit's location, as lit's imports do.
  const fromLit = createRequire(litFile);
  const files: Record<string, string> = {
    "lit": litFile,
    "lit-html": fromLit.resolve("lit-html"),
    "lit-element": fromLit.resolve("lit-element"),
    "@lit/reactive-element": fromLit.resolve("@lit/reactive-element"),
    "zod": zodFile,
  };
  const found = new Map<string, Package>();
  for (const name of VENDOR_PACKAGES) {
    const dir = findPackageDir(files[name]!, name);
    const json = JSON.parse(Deno.readTextFileSync(join(dir, "package.json")));
    found.set(name, {
      name,
      dir,
      exports: json.exports,
      main: String(json.module ?? json.main ?? "index.js"),
    });
  }
  packages = found;
  return found;
}

const BROWSER_CONDITIONS = new Set(["browser", "import", "module", "default"]);

/** Picks a target from an `exports` value with browser conditions (never `development`). */
function pickTarget(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const t = pickTarget(v);
      if (t) return t;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [cond, v] of Object.entries(value)) {
      if (BROWSER_CONDITIONS.has(cond)) {
        const t = pickTarget(v);
        if (t) return t;
      }
    }
  }
  return null;
}

function splitSpecifier(spec: string): [name: string, subpath: string] {
  const parts = spec.split("/");
  const n = spec.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, n).join("/");
  const rest = parts.slice(n).join("/");
  return [name, rest ? `./${rest}` : "."];
}

/**
 * Resolves a bare specifier of a vendored package to its served URL path, the way a
 * browser-targeting bundler would (package `exports`, browser conditions), or `null`.
 */
export function resolveBare(spec: string): string | null {
  const [name, subpath] = splitSpecifier(spec);
  const pkg = loadPackages().get(name);
  if (!pkg) return null;
  let target: string | null = null;
  const exp = pkg.exports;
  if (exp === undefined || exp === null) {
    target = subpath === "." ? `./${pkg.main.replace(/^\.\//, "")}` : subpath;
  } else if (typeof exp === "string" || Array.isArray(exp) || !Object.hasOwn(exp, ".")) {
    // Sugar: `exports` is the target of "." itself.
    target = subpath === "." ? pickTarget(exp) : null;
  } else {
    const map = exp as Record<string, unknown>;
    if (Object.hasOwn(map, subpath)) target = pickTarget(map[subpath]);
    else {
      for (const [key, value] of Object.entries(map)) {
        const star = key.indexOf("*");
        if (star < 0) continue;
        const [pre, post] = [key.slice(0, star), key.slice(star + 1)];
        if (subpath.startsWith(pre) && subpath.endsWith(post) && subpath.length >= key.length - 1) {
          const t = pickTarget(value);
          if (t) target = t.replace("*", subpath.slice(pre.length, subpath.length - post.length));
          break;
        }
      }
    }
  }
  if (!target || !target.startsWith("./") || target.includes("..")) return null;
  return `/vendor/${name}/${target.slice(2)}`;
}

/**
 * The import map our HTML pages carry. It agrees with {@link resolveBare}: each package
 * maps to its browser entry, and `pkg/` to its folder (the lit packages' subpath exports
 * are their file paths).
 */
export function importMap(): { imports: Record<string, string> } {
  const imports: Record<string, string> = {};
  for (const name of VENDOR_PACKAGES) {
    const entry = resolveBare(name);
    if (entry) imports[name] = entry;
    if (name !== "zod") imports[`${name}/`] = `/vendor/${name}/`;
  }
  return { imports };
}

// ---------------------------------------------------------------------------------------
// JavaScript transform

// `from "x"`, `import "x"`, `import("x")`; the lookbehind-free form keeps minified code
// (`}from"x"`) matching. Matches inside comments only rewrite the comment.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(["'])([^"'\\\n\r]+)\2/g;

function isBare(spec: string): boolean {
  return !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(spec);
}

/**
 * Rewrites a module's import specifiers: bare ones of vendored packages to `/vendor/…`,
 * and, when the file is served under another URL than its own (`/parley.js`), relative
 * ones to path-absolute URLs of its real location. Returns the code and the static and
 * dynamic imports (path-absolute) found outside comments.
 */
export function transformModule(
  code: string,
  canonicalPath: string,
  servedPath: string = canonicalPath,
): { code: string; imports: string[]; dynamicImports: string[] } {
  const imports: string[] = [];
  const dynamicImports: string[] = [];
  const base = new URL(canonicalPath, "http://x");
  const out = code.replace(SPECIFIER, (match, head: string, quote: string, spec: string, at) => {
    let target: string | null = null;
    if (isBare(spec)) target = resolveBare(spec);
    else if (spec.startsWith(".") || spec.startsWith("/")) {
      target = new URL(spec, base).pathname;
    }
    if (target === null) return match;
    if (!inComment(code, at as number)) {
      (head.includes("(") ? dynamicImports : imports).push(target);
    }
    const keepRelative = !isBare(spec) && servedPath === canonicalPath;
    return keepRelative ? match : `${head}${quote}${target}${quote}`;
  });
  return {
    code: out,
    imports: [...new Set(imports)],
    dynamicImports: [...new Set(dynamicImports)],
  };
}

/** Whether a match starts in a line comment or a JSDoc-style comment line (heuristic). */
function inComment(code: string, at: number): boolean {
  const lineStart = code.lastIndexOf("\n", at - 1) + 1;
  const before = code.slice(lineStart, at);
  const trimmed = before.trimStart();
  return before.includes("//") || trimmed.startsWith("*") || trimmed.startsWith("/*");
}

// ---------------------------------------------------------------------------------------
// Files

const encoder = new TextEncoder();

async function etagOf(body: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body as BufferSource));
  const b64 = btoa(String.fromCharCode(...digest.subarray(0, 18)));
  return `"${b64.replaceAll("+", "-").replaceAll("/", "_")}"`;
}

function extname(path: string): string {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash ? path.slice(dot).toLowerCase() : "";
}

/** A URL path mapped to a file: where it lives, and whether it may change while running. */
interface Target {
  file: string;
  /** The URL the file is canonically served at (for relative imports). */
  canonical: string;
  mutable: boolean;
}

/** Maps a request path to a file under one of our roots, or `null` (also for traversal). */
function locate(path: string): Target | null {
  if (path === "/") return { file: join(WEB_DIR, "index.html"), canonical: "/", mutable: true };
  if (path === "/embed") {
    return { file: join(WEB_DIR, "embed.html"), canonical: "/embed", mutable: true };
  }
  if (path === "/parley.js") {
    return { file: join(WEB_DIR, "parley.js"), canonical: "/web/parley.js", mutable: true };
  }
  const segments = path.split("/").slice(1);
  if (segments.some((s) => s === "" || s === "." || s === ".." || /[\\\0]/.test(s))) return null;
  const ext = extname(path);
  if (segments[0] === "web" && WEB_EXTENSIONS.has(ext) && segments.length > 1) {
    return inside(WEB_DIR, segments.slice(1), path, true);
  }
  if (segments[0] === "protocol" && ext === ".js" && segments.length === 2) {
    return inside(PROTOCOL_DIR, segments.slice(1), path, true);
  }
  if (segments[0] === "vendor" && VENDOR_EXTENSIONS.has(ext)) {
    const [name] = splitSpecifier(segments.slice(1).join("/"));
    const pkg = loadPackages().get(name);
    if (!pkg) return null;
    const rest = segments.slice(1 + name.split("/").length);
    if (rest.length === 0) return null;
    return inside(pkg.dir, rest, path, false);
  }
  return null;
}

function inside(root: string, segments: string[], canonical: string, mutable: boolean) {
  const file = normalize(join(root, ...segments));
  if (!file.startsWith(root + SEPARATOR)) return null;
  return { file, canonical, mutable };
}

/**
 * Builds the static handler. It serves `/` (the demo page), `/embed`, `/parley.js`,
 * `/web/*`, `/protocol/*.js` and `/vendor/<pkg>/*`, and returns `null` for anything else.
 *
 * @example
 * ```ts
 * const statics = createStaticHandler({ corsOrigins: ["https://example.com"] });
 * Deno.serve(async (req) => (await statics(req)) ?? new Response("Not found", { status: 404 }));
 * ```
 */
export function createStaticHandler(
  opts: StaticOptions,
): (req: Request) => Promise<Response | null> {
  const cache = new Map<string, Entry>();

  async function load(path: string): Promise<Entry | null> {
    const target = locate(path);
    if (!target) return null;
    let mtime: number | null = null;
    const cached = cache.get(path);
    if (target.mutable || !cached) {
      try {
        const stat = await Deno.stat(target.file);
        if (!stat.isFile) return null;
        mtime = stat.mtime?.getTime() ?? null;
      } catch {
        return null;
      }
    }
    if (cached && (!target.mutable || cached.mtime === mtime)) return cached;
    const ext = extname(target.file);
    let body: Uint8Array = await Deno.readFile(target.file);
    let imports: string[] = [];
    let dynamicImports: string[] = [];
    let csp: string | undefined;
    if (ext === ".js") {
      const t = transformModule(new TextDecoder().decode(body), target.canonical, path);
      let code = t.code;
      imports = t.imports;
      dynamicImports = t.dynamicImports;
      if (path === "/parley.js" && code.includes(PRELOAD_PLACEHOLDER)) {
        const graph = await moduleGraph([...imports, ...dynamicImports]);
        code = code.replace(PRELOAD_PLACEHOLDER, graph.map((p) => JSON.stringify(p)).join(","));
      }
      body = encoder.encode(code);
    } else if (ext === ".html") {
      const page = await renderPage(new TextDecoder().decode(body));
      body = encoder.encode(page.html);
      csp = pageCsp(page.scriptHashes);
    }
    const entry: Entry = {
      body,
      type: TYPES[ext] ?? "application/octet-stream",
      etag: await etagOf(body),
      imports,
      dynamicImports,
      mtime,
      ...(csp ? { csp } : {}),
    };
    cache.set(path, entry);
    return entry;
  }

  /**
   * Every module reachable from `roots`, breadth first: first the static imports (what
   * the first render waits for), then what those modules import dynamically.
   */
  async function moduleGraph(roots: readonly string[]): Promise<string[]> {
    const seen = new Set<string>();
    const lazy: string[] = [];
    const closure = async (start: readonly string[]) => {
      let level = start.filter((p) => !seen.has(p));
      while (level.length > 0) {
        for (const p of level) seen.add(p);
        const entries = await Promise.all(level.map((p) => load(p)));
        const next = new Set<string>();
        for (const e of entries) {
          for (const p of e?.imports ?? []) if (!seen.has(p)) next.add(p);
          lazy.push(...(e?.dynamicImports ?? []));
        }
        level = [...next];
      }
    };
    await closure(roots);
    while (lazy.some((p) => !seen.has(p))) await closure(lazy.splice(0));
    return [...seen];
  }

  async function renderPage(html: string): Promise<{ html: string; scriptHashes: string[] }> {
    if (!html.includes(HEAD_PLACEHOLDER)) return { html, scriptHashes: [] };
    const scripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)]
      .map((m) => new URL(m[1]!, "http://x/").pathname);
    const graph = await moduleGraph(scripts);
    const map = JSON.stringify(importMap()).replaceAll("<", "\\u003c");
    const head = [
      `<script type="importmap">${map}</script>`,
      ...graph.map((p) => `<link rel="modulepreload" href="${p}">`),
    ].join("\n    ");
    const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(map)));
    return {
      html: html.replace(HEAD_PLACEHOLDER, head),
      scriptHashes: [`'sha256-${btoa(String.fromCharCode(...hash))}'`],
    };
  }

  function corsHeaders(req: Request, headers: Headers) {
    const origin = req.headers.get("origin");
    if (!origin) return;
    headers.append("vary", "Origin");
    if (opts.corsOrigins === "*") headers.set("access-control-allow-origin", "*");
    else if (opts.corsOrigins.includes(origin)) {
      headers.set("access-control-allow-origin", origin);
    }
  }

  return async function serveStatic(req: Request): Promise<Response | null> {
    const path = new URL(req.url).pathname;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    // Every session's share page is one file: its script reads the id from the path.
    if (SHARE_PAGE.test(decoded)) decoded = "/web/brief.html";
    if (!locateSafe(decoded)) return null;
    if (req.method !== "GET" && req.method !== "HEAD") {
      return new Response("Method not allowed\n", { status: 405, headers: { allow: "GET, HEAD" } });
    }
    const entry = await load(decoded);
    if (!entry) return null;
    const headers = new Headers({
      "content-type": entry.type,
      "etag": entry.etag,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    if (entry.type.startsWith("text/javascript")) corsHeaders(req, headers);
    if (entry.csp) {
      headers.set("content-security-policy", entry.csp);
      headers.set("referrer-policy", "no-referrer");
    }
    if (matches(req.headers.get("if-none-match"), entry.etag)) {
      return new Response(null, { status: 304, headers });
    }
    headers.set("content-length", String(entry.body.byteLength));
    return new Response(req.method === "HEAD" ? null : entry.body as BodyInit, { headers });
  };
}

function locateSafe(path: string): boolean {
  try {
    return locate(path) !== null;
  } catch {
    return false;
  }
}

/**
 * Our pages run only our own module scripts and the import map (allowed by its hash), so
 * even a rendering bug could not run injected script. Styles may be inline; `connect-src`
 * allows any ws(s) server because the `server` attribute may name another host.
 */
function pageCsp(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self' ws: wss:",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/** `If-None-Match` against our ETag, with weak comparison (compression weakens ETags). */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === etag);
}
