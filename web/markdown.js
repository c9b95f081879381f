// @ts-check
/**
 * Safe Markdown for the brief: parses the CommonMark subset the summary uses (headings,
 * paragraphs, nested lists, GFM tables, code, quotes, rules, emphasis, links, escapes)
 * straight into Lit templates. Text only ever becomes text nodes: raw HTML in the source
 * shows as the characters it is, and links keep only http(s) and mailto URLs. Nothing here
 * uses `innerHTML` or `unsafeHTML`.
 *
 * @module
 */
import { html, nothing } from "lit";

/** @typedef {import("lit").TemplateResult} TemplateResult */
/** @typedef {TemplateResult | string | typeof nothing} Inline */

/**
 * Renders Markdown as a Lit template.
 *
 * @example
 * ```js
 * import { render } from "lit";
 * import { markdown } from "./markdown.js";
 * // In a page: the <b> the text contains shows as text, never as markup.
 * const el = globalThis.document?.createElement("div");
 * if (el) render(markdown("# Brief\n\nHello <b>world</b>"), el);
 * ```
 * @param {string} source
 * @param {{ headingOffset?: number }} [options] Levels to add to every heading (default 1:
 *   `#` renders as `<h2>`), so a brief nests under the page's own heading.
 * @returns {TemplateResult}
 */
export function markdown(source, options = {}) {
  const offset = options.headingOffset ?? 1;
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  return html`${blocks(lines, offset)}`;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const TABLE_SEP = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/**
 * @param {string[]} lines
 * @param {number} offset
 * @returns {TemplateResult[]}
 */
function blocks(lines, offset) {
  /** @type {TemplateResult[]} */
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = /** @type {string} */ (lines[i]);
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = /** @type {string} */ (fence[1]);
      const body = [];
      i++;
      while (i < lines.length && !(lines[i] ?? "").trim().startsWith(marker)) body.push(lines[i++]);
      i++;
      out.push(html`<pre><code>${body.join("\n")}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, (heading[1] ?? "#").length + offset);
      out.push(headingTemplate(level, inline(heading[2] ?? "")));
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push(html`<hr>`);
      i++;
      continue;
    }
    if (
      line.includes("|") && TABLE_SEP.test(lines[i + 1] ?? "") && (lines[i + 1] ?? "").includes("-")
    ) {
      const head = cells(line);
      const align = cells(lines[i + 1] ?? "").map((c) =>
        c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : "left"
      );
      i += 2;
      /** @type {string[][]} */
      const rows = [];
      while (i < lines.length && (lines[i] ?? "").includes("|") && (lines[i] ?? "").trim()) {
        rows.push(cells(lines[i++] ?? ""));
      }
      out.push(html`
        <div class="table-wrap">
          <table>
            <thead>
              <tr>${head.map((c, k) =>
                html`<th style="text-align:${align[k] ?? "left"}">${inline(c)}</th>`
              )}</tr>
            </thead>
            <tbody>${rows.map((r) =>
              html`<tr>${
                head.map((_, k) =>
                  html`<td style="text-align:${align[k] ?? "left"}">${inline(r[k] ?? "")}</td>`
                )
              }</tr>`
            )}</tbody>
          </table>
        </div>
      `);
      continue;
    }
    if (QUOTE.test(line)) {
      const body = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? "")) {
        body.push(QUOTE.exec(lines[i++] ?? "")?.[1] ?? "");
      }
      out.push(html`<blockquote>${blocks(body, offset)}</blockquote>`);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const start = i;
      while (
        i < lines.length && (lines[i] ?? "").trim() !== "" &&
        (LIST_ITEM.test(lines[i] ?? "") || /^\s+\S/.test(lines[i] ?? ""))
      ) i++;
      out.push(list(lines.slice(start, i), offset));
      continue;
    }
    const para = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "" && !startsBlock(lines, i)) {
      para.push(lines[i++] ?? "");
    }
    if (para.length === 0) para.push(lines[i++] ?? "");
    out.push(html`<p>${inline(para.join("\n"))}</p>`);
  }
  return out;
}

/**
 * @param {string[]} lines
 * @param {number} i
 */
function startsBlock(lines, i) {
  const line = lines[i] ?? "";
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) ||
    LIST_ITEM.test(line) ||
    (line.includes("|") && TABLE_SEP.test(lines[i + 1] ?? "") &&
      (lines[i + 1] ?? "").includes("-"));
}

/**
 * A list and its nested lists, by indentation; indented lines that are not items continue
 * the item above.
 * @param {string[]} lines
 * @param {number} offset
 * @returns {TemplateResult}
 */
function list(lines, offset) {
  const first = LIST_ITEM.exec(lines[0] ?? "");
  const indent = first?.[1]?.length ?? 0;
  const ordered = /\d/.test(first?.[2] ?? "");
  /** @type {{ text: string, children: string[] }[]} */
  const items = [];
  for (const line of lines) {
    const m = LIST_ITEM.exec(line);
    const own = m && (m[1] ?? "").length <= indent + 1;
    if (own && m) items.push({ text: m[3] ?? "", children: [] });
    else {
      const item = items.at(-1);
      if (!item) continue;
      if (m || item.children.length > 0) item.children.push(line);
      else item.text += `\n${line.trim()}`;
    }
  }
  const body = items.map((item) =>
    html`<li>${inline(item.text)}${
      item.children.length ? list(item.children, offset) : nothing
    }</li>`
  );
  const start = ordered ? Number.parseInt(first?.[2] ?? "1", 10) : 1;
  return ordered ? html`<ol start=${start}>${body}</ol>` : html`<ul>${body}</ul>`;
}

/** @param {string} line */
function cells(line) {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  /** @type {string[]} */
  const out = [];
  let cell = "";
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === "\\" && s[k + 1] === "|") {
      cell += "\\|";
      k++;
    } else if (c === "|") {
      out.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

/**
 * @param {number} level
 * @param {Inline[]} content
 */
function headingTemplate(level, content) {
  switch (level) {
    case 1:
      return html`<h1>${content}</h1>`;
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
}

const ESCAPABLE = /[\\`*_{}\[\]()<>#+\-.!|~"']/;

/**
 * Inline Markdown to templates and strings.
 * @param {string} src
 * @returns {Inline[]}
 */
export function inline(src) {
  /** @type {Inline[]} */
  const out = [];
  let buf = "";
  const flush = () => {
    if (buf) out.push(buf);
    buf = "";
  };
  let i = 0;
  while (i < src.length) {
    const c = /** @type {string} */ (src[i]);
    const next = src[i + 1] ?? "";
    if (c === "\\" && ESCAPABLE.test(next)) {
      buf += next;
      i += 2;
      continue;
    }
    if (c === "\\" && next === "\n") {
      flush();
      out.push(html`<br>`);
      i += 2;
      continue;
    }
    if (c === "\n") {
      // Two trailing spaces before a newline are a hard break; otherwise a space.
      if (buf.endsWith("  ")) {
        buf = buf.trimEnd();
        flush();
        out.push(html`<br>`);
      } else buf = `${buf.trimEnd()} `;
      i++;
      continue;
    }
    if (c === "`") {
      const m = /^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/.exec(src.slice(i));
      if (m) {
        flush();
        out.push(html`<code>${(m[2] ?? "").trim()}</code>`);
        i += m[0].length;
        continue;
      }
    }
    if ((c === "*" || c === "_") && next === c) {
      const end = findClose(src, i + 2, c + c);
      if (end > i + 2) {
        flush();
        out.push(html`<strong>${inline(src.slice(i + 2, end))}</strong>`);
        i = end + 2;
        continue;
      }
    }
    if ((c === "*" || c === "_") && next !== c && next.trim() !== "") {
      const before = src[i - 1] ?? "";
      if (c === "*" || !/[\p{L}\p{N}]/u.test(before)) {
        const end = findClose(src, i + 1, c);
        if (end > i + 1 && (c === "*" || !/[\p{L}\p{N}]/u.test(src[end + 1] ?? ""))) {
          flush();
          out.push(html`<em>${inline(src.slice(i + 1, end))}</em>`);
          i = end + 1;
          continue;
        }
      }
    }
    if (c === "[") {
      const m = /^\[((?:\\.|[^\]\\])+)\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"]*")?\s*\)/.exec(
        src.slice(i),
      );
      if (m) {
        flush();
        const href = safeUrl(m[2] ?? "");
        const text = inline(m[1] ?? "");
        out.push(
          href
            ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}</a>`
            : html`${text}`,
        );
        i += m[0].length;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

/**
 * Index of the closing `delim` from `from`, skipping escaped characters, or -1.
 * @param {string} src
 * @param {number} from
 * @param {string} delim
 */
function findClose(src, from, delim) {
  for (let k = from; k < src.length; k++) {
    if (src[k] === "\\") {
      k++;
      continue;
    }
    if (src.startsWith(delim, k) && (src[k - 1] ?? " ").trim() !== "") {
      if (delim.length === 1 && src[k + 1] === delim) {
        k++;
        continue;
      }
      return k;
    }
  }
  return -1;
}

/**
 * The URL if it is http(s) or mailto, else `null` (no `javascript:`, no `data:`).
 * @param {string} raw
 * @returns {string | null}
 */
export function safeUrl(raw) {
  try {
    const url = new URL(raw);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
