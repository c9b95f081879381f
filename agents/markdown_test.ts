import assert from "node:assert/strict";
import MarkdownIt from "markdown-it";
import type { Brief } from "../protocol/brief.js";
import { normaliseAnswer } from "../protocol/text.js";
import { OfflineEngine } from "./offline/mod.ts";
import { runPipeline } from "./pipeline.ts";
import { mdParagraphs, mdText } from "./markdown.ts";
import { renderBriefMarkdown } from "./summary.ts";
import { drive } from "./testing.ts";

/** What a hostile person types: markup, links, control bytes, line tricks. */
const HOSTILE = [
  "<img src=x onerror=alert(1)> A booking app for yoga studios",
  "<script>alert(document.cookie)</script> studio owners",
  '[click me](javascript:alert(1)) and ![x](http://evil.example/p.png) <a href="http://evil.example">a</a>',
  "<https://evil.example/autolink> and http://evil.example/bare",
  "line one\rline two\r\n```\r    indented code\r\n<iframe src=//evil.example>",
  "NUL\u0000 here and ANSI \u001b[31mred\u001b[0m and C1 \u009b31m",
  "| a | b |\n| --- | --- |\n| c | d |",
  "`code` and ``double`` and *em* and __strong__ and ~~gone~~",
  "# Heading\n## Another\n---\n===\n1. one\n- item\n+ plus\n> quote",
  "&lt;img src=x onerror=alert(1)&gt; &#60;b&#62; &amp; &copy;",
  "<!-- comment --> <?php echo 1 ?> <![CDATA[x]]> <div>\n\n<div>block</div>",
];

// The only tags the brief's own template produces.
const OURS = new Set([
  "h1",
  "h2",
  "h3",
  "p",
  "ul",
  "li",
  "strong",
  "em",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "br",
]);

/** Every tag in the HTML that is not one of ours, or that has an attribute. */
function foreignElements(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<\/?([A-Za-z!?][^\s/>]*)([^>]*)>/g)) {
    const [tag, name = "", attrs = ""] = m;
    if (!OURS.has(name.toLowerCase()) || attrs.trim() !== "") found.push(tag);
  }
  return found;
}

const md = new MarkdownIt({ html: true, linkify: false });

/** Replaces every string in a value with hostile text, in turn. */
function poison<T>(value: T, n = { i: 0 }): T {
  if (typeof value === "string") return HOSTILE[n.i++ % HOSTILE.length] as T;
  if (Array.isArray(value)) return value.map((v) => poison(v, n)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, n)])) as T;
  }
  return value;
}

Deno.test("mdText escapes markup, removes control characters and folds lines", () => {
  assert.equal(mdText("plain words, 42 of them."), "plain words, 42 of them.");
  assert.equal(mdText("<b>hi</b>"), "\\<b\\>hi\\</b\\>");
  assert.equal(mdText("a\rb\r\nc\u0000d\u001b[0m"), "a b cd\\[0m");
  assert.equal(mdText("- not a list"), "\\- not a list");
  assert.equal(mdText("1. not a list"), "1\\. not a list");
  assert.equal(mdText("&amp; | `x`"), "\\&amp; \\| \\`x\\`");
  assert.equal(mdParagraphs("One.\n\n# Two\r\rThree"), "One.\n\n\\# Two\n\nThree");
});

Deno.test("renderBriefMarkdown: a brief made of hostile text renders no element the person typed", async () => {
  const { value } = await drive(
    runPipeline({ engine: new OfflineEngine(), signal: new AbortController().signal }),
    ["A booking app for yoga studios, paid by card", "Studio owners", "Web"],
  );
  const brief = poison(value) as Brief;
  const markdown = renderBriefMarkdown(brief, HOSTILE.join("\n\n"));
  const html = md.render(markdown);
  assert.deepEqual(foreignElements(html), []);
  // deno-lint-ignore no-control-regex
  assert.doesNotMatch(markdown, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/, "no control bytes");
  assert.doesNotMatch(html, /<(img|script|a|iframe|div|code|pre|blockquote|ol|del|s)\b/i);
  // The words are all still there, as text.
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; A booking app/);
  assert.match(html, /&amp;lt;img/);
});

Deno.test("renderBriefMarkdown: hostile answers typed into a real conversation stay text", async () => {
  const answers = HOSTILE.map(normaliseAnswer);
  const { frames } = await drive(
    runPipeline({ engine: new OfflineEngine(), signal: new AbortController().signal }),
    answers,
  );
  const complete = frames.at(-1);
  assert.equal(complete?.type, "complete");
  if (complete?.type !== "complete") return;
  const html = md.render(complete.data.summary);
  assert.deepEqual(foreignElements(html), []);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
});
