/**
 * The brief-quality report (`deno task quality`): runs every idea of `bench/eval/ideas.ts`
 * through the real pipeline with the offline engine, answering each question by its topic,
 * and prints per idea the recall of expected findings, the forbidden findings with the line
 * they are on, and the findings without evidence; then the totals and the filler sentences
 * (the same in more than 20% of briefs once the person's words are taken out).
 * See `docs/brief-quality.md`. Always exits 0: it is a report, not a test.
 *
 * Run: `deno run -A bench/brief_quality.ts [--idea ID] [--json] [--verbose]`
 *
 * @module
 */
import { parseArgs } from "node:util";
import { OfflineEngine } from "../agents/offline/mod.ts";
import { IDEAS } from "./eval/ideas.ts";
import { converse } from "./eval/converse.ts";
import {
  briefSentences,
  briefText,
  countEvidence,
  type EvidenceCount,
  fillerSentences,
  type IdeaScore,
  scoreIdea,
} from "./eval/score.ts";

/** Share of briefs above which a sentence is filler (issue 8: 20%). */
const FILLER_SHARE = 0.2;
/** Filler clauses listed in the text report (`--json` has them all). */
const MAX_CLAUSES_SHOWN = 40;
/** Fewest briefs for the filler measure to mean anything. */
const MIN_FILLER_BRIEFS = 5;
const encoder = new TextEncoder();
const print = (s = "") => Deno.stdout.writeSync(encoder.encode(`${s}\n`));

/** Topics asked more than once in a conversation (`?`, a question with no topic, is skipped). */
function repeated(topics: readonly string[]): string[] {
  return [...new Set(topics.filter((t, i) => t !== "?" && topics.indexOf(t) !== i))];
}

/** The report of one idea. */
interface IdeaReport extends IdeaScore {
  id: string;
  industry: string;
  country: string;
  topics: string[];
  evidence: EvidenceCount;
  error?: string;
}

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    idea: { type: "string" },
    json: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
  },
  strict: false,
});

const chosen = typeof flags.idea === "string" ? IDEAS.filter((i) => i.id === flags.idea) : IDEAS;
if (chosen.length === 0) {
  print(`No idea with id ${String(flags.idea)}: ids are ${IDEAS.map((i) => i.id).join(", ")}`);
  Deno.exit(0);
}

const reports: IdeaReport[] = [];
const sentenceSets: { id: string; sentences: Set<string> }[] = [];
const clauseSets: { id: string; sentences: Set<string> }[] = [];
const started = performance.now();
for (const idea of chosen) {
  const base = { id: idea.id, industry: idea.industry, country: idea.country };
  try {
    const c = await converse(idea, new OfflineEngine());
    const score = scoreIdea(idea, briefText(c.summary));
    reports.push({ ...base, ...score, topics: c.topics, evidence: countEvidence(c.brief) });
    const units = briefSentences(c.summary, c.said);
    sentenceSets.push({ id: idea.id, sentences: units.sentences });
    clauseSets.push({ id: idea.id, sentences: units.clauses });
    if (flags.verbose && !flags.json) {
      print(`\n===== ${idea.id} (${idea.industry}, ${idea.country}) =====`);
      print(`questions asked: ${c.topics.join(", ")}`);
      print(c.summary);
    }
  } catch (err) {
    reports.push({
      ...base,
      expected: idea.expect.length,
      hits: 0,
      misses: idea.expect,
      forbidden: [],
      topics: [],
      evidence: { findings: 0, withoutEvidence: 0, fieldSeen: false },
      error: err instanceof Error ? err.message : String(err),
    });
  }
}
const elapsedMs = performance.now() - started;

const expected = reports.reduce((n, r) => n + r.expected, 0);
const hits = reports.reduce((n, r) => n + r.hits, 0);
const forbidden = reports.reduce((n, r) => n + r.forbidden.length, 0);
const evidenceSeen = reports.some((r) => r.evidence.fieldSeen);
const findings = reports.reduce((n, r) => n + r.evidence.findings, 0);
const withoutEvidence = evidenceSeen
  ? reports.reduce((n, r) => n + r.evidence.withoutEvidence, 0)
  : 0;
// A share of a handful of briefs says nothing about filler (one brief: every sentence is 100%).
const fillerMeasured = sentenceSets.length >= MIN_FILLER_BRIEFS;
const filler = fillerMeasured ? fillerSentences(sentenceSets, FILLER_SHARE) : [];
const fillerClauses = fillerMeasured ? fillerSentences(clauseSets, FILLER_SHARE) : [];
const totals = {
  ideas: reports.length,
  expected,
  hits,
  recall: expected === 0 ? 0 : hits / expected,
  meanIdeaRecall: reports.length === 0
    ? 0
    : reports.reduce((n, r) => n + r.hits / r.expected, 0) / reports.length,
  forbiddenHits: forbidden,
  ideasWithForbiddenHits: reports.filter((r) => r.forbidden.length > 0).length,
  findings,
  withoutEvidence,
  evidenceFieldSeen: evidenceSeen,
  fillerMeasured,
  fillerSentences: filler.length,
  fillerClauses: fillerClauses.length,
  questions: reports.reduce((n, r) => n + r.topics.length, 0),
  repeatedTopics: reports.reduce((n, r) => n + repeated(r.topics).length, 0),
  errors: reports.filter((r) => r.error !== undefined).length,
  elapsedMs: Math.round(elapsedMs),
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (flags.json) {
  print(JSON.stringify(
    {
      totals,
      ideas: reports.map((r) => ({
        id: r.id,
        industry: r.industry,
        country: r.country,
        expected: r.expected,
        hits: r.hits,
        misses: r.misses.map((m) => m.re),
        forbidden: r.forbidden,
        findings: r.evidence.findings,
        withoutEvidence: evidenceSeen ? r.evidence.withoutEvidence : 0,
        topics: r.topics,
        repeatedTopics: repeated(r.topics),
        ...(r.error === undefined ? {} : { error: r.error }),
      })),
      filler: filler.map((f) => ({ sentence: f.sentence, briefs: f.briefs, share: f.share })),
      fillerClauses: fillerClauses.map((f) => ({
        clause: f.sentence,
        briefs: f.briefs,
        share: f.share,
      })),
    },
    null,
    2,
  ));
} else {
  print(`Brief quality of the offline engine on ${reports.length} ideas (bench/eval/ideas.ts)`);
  print();
  for (const r of reports) {
    const ev = evidenceSeen
      ? `, ${r.evidence.withoutEvidence}/${r.evidence.findings} without evidence`
      : "";
    const again = repeated(r.topics);
    print(
      `${r.id.padEnd(34)} recall ${r.hits}/${r.expected}  forbidden ${r.forbidden.length}${ev}` +
        `  questions ${r.topics.length}` +
        (again.length ? ` (asked again: ${again.join(", ")})` : "") +
        (r.error === undefined ? "" : `  ERROR: ${r.error}`),
    );
    for (const m of r.misses) print(`    miss      /${m.re}/  (${m.why})`);
    for (const f of r.forbidden) {
      print(`    FORBIDDEN /${f.re}/ matched "${f.match}" in: ${f.line}`);
    }
  }
  print();
  print("Totals");
  print(
    `  recall             ${hits}/${expected} = ${pct(totals.recall)} ` +
      `(mean per idea ${pct(totals.meanIdeaRecall)}; target at least 70%)`,
  );
  print(`  forbidden hits     ${forbidden} in ${totals.ideasWithForbiddenHits} ideas (target 0)`);
  print(
    evidenceSeen
      ? `  without evidence   ${withoutEvidence} of ${findings} findings (target 0)`
      : `  without evidence   0 (no brief has an evidence field anywhere; ${findings} findings)`,
  );
  print(
    fillerMeasured
      ? `  filler sentences   ${filler.length} in more than ${
        pct(FILLER_SHARE)
      } of briefs (target 0)`
      : `  filler sentences   not measured on fewer than ${MIN_FILLER_BRIEFS} briefs`,
  );
  if (fillerMeasured) {
    print(
      `  filler clauses     ${fillerClauses.length} in more than ${pct(FILLER_SHARE)} of briefs`,
    );
  }
  print(
    `  questions          ${totals.questions} in ${reports.length} interviews, ` +
      `${totals.repeatedTopics} topics asked more than once`,
  );
  const asked = new Map<string, number>();
  for (const r of reports) for (const t of new Set(r.topics)) asked.set(t, (asked.get(t) ?? 0) + 1);
  print(
    `  topics asked       ${
      [...asked].sort((x, y) => y[1] - x[1]).map(([t, n]) => `${t} ${n}`).join(", ")
    } (interviews asking each)`,
  );
  if (totals.errors) print(`  errors             ${totals.errors} conversations failed`);
  print(`  time               ${totals.elapsedMs} ms for ${reports.length} conversations`);
  const shown = (title: string, list: typeof filler, most = Infinity) => {
    if (list.length === 0) return;
    print();
    print(`${title} in more than ${pct(FILLER_SHARE)} of ${reports.length} briefs`);
    print("(person's words and quoted spans removed, numbers as #)");
    for (const f of list.slice(0, most)) {
      print(`  ${pct(f.share).padStart(6)} ${String(f.briefs).padStart(3)}  ${f.sentence}`);
    }
    if (list.length > most) print(`  … and ${list.length - most} more (all of them with --json)`);
  };
  shown("Filler: sentences", filler);
  // Clauses already listed as whole sentences are not repeated.
  const whole = new Set(filler.map((f) => f.sentence));
  shown(
    "Filler: clauses of template sentences",
    fillerClauses.filter((f) => !whole.has(f.sentence)),
    MAX_CLAUSES_SHOWN,
  );
}
