/**
 * The opening of the brief: two Markdown paragraphs (no headings) on the idea, who it
 * serves, the MVP, the effort and the top risks. Prefers what the analysts actually
 * returned (a model engine may have written them) and falls back to the offline analysts
 * for any result that is missing or has an unexpected shape.
 *
 * @module
 */
import type { Requirements } from "../../protocol/brief.js";
import { engineerAnalysis } from "./engineer.ts";
import { productAnalysis } from "./product.ts";
import { profileOf } from "./profile.ts";
import { riskAnalysis } from "./risk.ts";
import { cap, clip, joinAnd } from "./text.ts";

interface Risk {
  title: string;
  likelihood: string;
  impact: string;
  mitigation: string;
}

const SCORE: Readonly<Record<string, number>> = { low: 1, medium: 2, high: 3 };

/** Writes the overview paragraphs from requirements and the analysts' results. */
export function overviewText(
  req: Requirements,
  results: Readonly<Record<string, unknown>>,
): string {
  const p = profileOf(req);
  const product = results["product"];
  // Only the head of each item: "Card payments through a provider; no card numbers …"
  // reads as a list within the list.
  const mvp = (stringsAt(product, "mvpScope") ?? productAnalysis(p).mvpScope).slice(0, 5).map(head);
  const later = stringsAt(product, "laterScope") ?? productAnalysis(p).laterScope;
  const effort = effortOf(results["engineer"]) ?? engineerAnalysis(p).effort;
  const risks = risksOf(results["risk"]) ?? riskAnalysis(p).risks;

  const purpose = (req.purpose ?? clip(req.idea, 200)).replace(/[.!?]+$/, "");
  const users = p.usersAssumed
    ? "users still to be named"
    : joinAnd(p.users.slice(0, 4).map((u) => u.label));
  // Plain text: the summary escapes the overview as the person's words, so no Markdown here.
  const first = `${purpose}. ${cap(p.subject)} serves ${users} on ${joinAnd(p.platforms)}` +
    (p.platformsAssumed ? " (assumed)" : "") +
    `. The MVP covers ${joinAnd(mvp.slice(0, 5).map(lowerIfWord))}` +
    (later.length > 0
      ? `; ${joinAnd(later.slice(0, 3).map(lowerIfWord))} ${
        later.length > 1 ? "come" : "comes"
      } later.`
      : ".");

  const feasible = p.effort.feasibility === "unknown" || !req.timeline
    ? ""
    : `, which ${
      p.effort.feasibility === "feasible"
        ? "fits"
        : p.effort.feasibility === "tight"
        ? "barely fits"
        : "does not fit"
    } *${clip(req.timeline, 60)}*`;
  const top = [...risks]
    .map((r, i) => ({ r, i, s: (SCORE[r.likelihood] ?? 1) * (SCORE[r.impact] ?? 1) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, 3)
    .map(({ r }) =>
      `${lowerIfWord(head(r.title))} (mitigation: ${lowerIfWord(clip(head(r.mitigation), 120))})`
    );
  const scope = cap(joinAnd(mvp.slice(0, 3).map(lowerIfWord))) || cap(p.subject);
  const second =
    `${scope}: about ${effort.personWeeksLow}–${effort.personWeeksHigh} person-weeks (size ${effort.size}) ` +
    `for ${lowerIfWord(effort.team)}${feasible}. Top risks: ${top.join("; ")}.`;
  return `${first}\n\n${second}`;
}

/** The first clause of a list item, without parentheses. */
function head(s: string): string {
  return s.replace(/\s*\([^)]*\)/g, "").split(/[;,:]\s/)[0]!.trim();
}

function lowerIfWord(s: string): string {
  return /^[A-Z][a-z]/.test(s) && !/^[A-Z][a-z]+[A-Z]/.test(s)
    ? s[0]!.toLowerCase() + s.slice(1)
    : s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringsAt(v: unknown, key: string): string[] | undefined {
  if (!isRecord(v)) return undefined;
  const a = v[key];
  return Array.isArray(a) && a.every((x) => typeof x === "string") ? a : undefined;
}

function effortOf(v: unknown):
  | { size: string; personWeeksLow: number; personWeeksHigh: number; team: string }
  | undefined {
  const e = isRecord(v) ? v["effort"] : undefined;
  if (!isRecord(e)) return undefined;
  const { size, personWeeksLow, personWeeksHigh, team } = e;
  if (
    typeof size === "string" && typeof personWeeksLow === "number" &&
    typeof personWeeksHigh === "number" && typeof team === "string"
  ) return { size, personWeeksLow, personWeeksHigh, team };
  return undefined;
}

function risksOf(v: unknown): Risk[] | undefined {
  const list = isRecord(v) ? v["risks"] : undefined;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const ok = list.every((r) =>
    isRecord(r) && typeof r["title"] === "string" && typeof r["likelihood"] === "string" &&
    typeof r["impact"] === "string" && typeof r["mitigation"] === "string"
  );
  return ok ? list as Risk[] : undefined;
}
