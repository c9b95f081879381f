/**
 * A small, strict reader of Prometheus' text exposition format (version 0.0.4), for tests:
 * it throws on any line it does not understand, so a test that parses `/metrics` also
 * checks its syntax.
 *
 * @module
 */

/** One sample line: `name{labels} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** What an exposition says. */
export interface Exposition {
  /** `# TYPE` by metric name, in order of appearance. */
  types: Map<string, string>;
  /** `# HELP` by metric name, unescaped. */
  help: Map<string, string>;
  samples: Sample[];
  /** The value of the one sample with exactly these labels, or undefined. */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)$`);
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (_, c) => (c === "n" ? "\n" : c));
}

function number(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  if (text === "NaN") return NaN;
  const n = Number(text);
  if (text === "" || Number.isNaN(n)) throw new SyntaxError(`Not a sample value: ${text}`);
  return n;
}

function labels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const at = LABEL.lastIndex;
    const m = LABEL.exec(text);
    if (!m) throw new SyntaxError(`Bad label set at ${at}: {${text}}`);
    if (m[1]! in out) throw new SyntaxError(`Repeated label ${m[1]}: {${text}}`);
    out[m[1]!] = unescape(m[2]!);
    if (m[3] === "") break;
  }
  return out;
}

/** The family a sample belongs to (`x_bucket`, `x_sum`, `x_count` belong to histogram `x`). */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const m = /^(.*)_(bucket|sum|count)$/.exec(name);
  return m && types.get(m[1]!) === "histogram" ? m[1] : undefined;
}

/** Parses an exposition; throws a `SyntaxError` naming the first bad line. */
export function parseExposition(text: string): Exposition {
  if (text !== "" && !text.endsWith("\n")) {
    throw new SyntaxError("The exposition must end with \\n");
  }
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n").slice(0, -1)) {
    let m;
    if ((m = new RegExp(`^# HELP (${NAME}) (.*)$`).exec(line))) {
      if (help.has(m[1]!)) throw new SyntaxError(`Second HELP for ${m[1]}`);
      help.set(m[1]!, unescape(m[2]!));
    } else if (
      (m = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(line))
    ) {
      if (types.has(m[1]!)) throw new SyntaxError(`Second TYPE for ${m[1]}`);
      types.set(m[1]!, m[2]!);
    } else if ((m = SAMPLE.exec(line))) {
      if (familyOf(m[1]!, types) === undefined) {
        throw new SyntaxError(`Sample before its TYPE line: ${line}`);
      }
      samples.push({ name: m[1]!, labels: m[2] ? labels(m[2]) : {}, value: number(m[3]!) });
    } else {
      throw new SyntaxError(`Not a line of the text format: ${JSON.stringify(line)}`);
    }
  }
  return {
    types,
    help,
    samples,
    value(name, want = {}) {
      const same = (l: Record<string, string>) =>
        Object.keys(l).length === Object.keys(want).length &&
        Object.entries(want).every(([k, v]) => l[k] === v);
      const found = samples.filter((s) => s.name === name && same(s.labels));
      if (found.length > 1) throw new RangeError(`${found.length} samples of ${name}`);
      return found[0]?.value;
    },
  };
}
