/**
 * Cost of `detect()` on whole transcripts: `deno bench agents/offline/detect_bench.ts` prints
 * the time per transcript (a
 * shared machine only adds noise upwards, so read the minimum and p75). Clauses are cut here with a plain split on punctuation, so the
 * figure is detection alone, without the reader.
 *
 * @module
 */
import { detect } from "./detect.ts";
import type { Clause } from "./knowledge/types.ts";

const TRANSCRIPTS: readonly (readonly [string, string])[][] = [
  [
    ["idea", "A marketplace where dog owners in Berlin book trusted walkers and pay in the app"],
    ["users", "Dog owners and walkers, many of them students"],
    ["platforms", "iOS and Android"],
    ["features", "Booking, payments, reviews and GPS tracking"],
    ["scale", "5,000 users in year one"],
    ["budget", "€40k and 4 months"],
    ["compliance", "GDPR"],
  ],
  [
    [
      "idea",
      "A load board in Texas that matches shippers with owner-operators and books the loads",
    ],
    ["users", "Small shippers, owner-operators and dispatchers"],
    ["platforms", "Web first, mobile later"],
    ["features", "Post loads, carrier vetting, rate confirmations, text alerts, quick pay"],
    ["budget", "$150k, three developers"],
    ["compliance", "not sure, we are not a carrier"],
  ],
  [
    ["idea", "Our bakery in Leeds sells surplus bread at the end of the day through an app"],
    ["users", "Students and office workers nearby"],
    ["platforms", "iPhone and Android, no website"],
    ["features", "Reserve a bag, pay by card, pick up before closing, allergen list"],
    ["budget", "£8 membership; we have two developers"],
  ],
  [
    [
      "idea",
      "A pill dispenser for elderly parents in Pune that dispenses doses and alerts family by SMS",
    ],
    ["users", "Adult children who care for parents, and the parents"],
    ["features", "Schedule doses, missed-dose alerts, refill reminders, battery backup"],
    ["budget", "40 lakh rupees"],
    ["compliance", "no idea"],
  ],
];

function clauses(qa: readonly (readonly [string, string])[]): Clause[] {
  return qa.flatMap(([questionId, answer]) =>
    answer.split(/[.;,]\s+|\s+(?:and|but)\s+/).map((text) => ({
      text,
      lower: text.toLowerCase(),
      questionId,
      negated: /^(?:no|not)\b/i.test(text),
      later: /\blater\b/i.test(text),
    }))
  );
}

for (const transcript of TRANSCRIPTS) {
  const input = clauses(transcript);
  const name = transcript[0]![1].slice(0, 40);
  Deno.bench(`detect: ${name}…`, { n: 2_000 }, () => {
    detect(input);
  });
}
