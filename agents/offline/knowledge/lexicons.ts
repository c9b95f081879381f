/**
 * Lexicons of the offline reader: word lists and patterns that recognise named
 * regulations, scale, funding words, the team, answers that say "no" or "not sure",
 * groups of people, places and how the person names the product. Data apart from the
 * code that reads it (`extract.ts`, `read.ts`).
 *
 * @module
 */

/** Lexicon `COMPLIANCE` of the offline reader (matched against lower-cased text). */
export const COMPLIANCE: readonly { label: string; pattern: RegExp }[] = [
  { label: "GDPR", pattern: /\bgdpr\b|\bdsgvo\b/ },
  { label: "HIPAA", pattern: /\bhipaa\b/ },
  { label: "PCI DSS", pattern: /\bpci\b/ },
  { label: "SOC 2", pattern: /\bsoc ?2\b|\bsoc ii\b/ },
  { label: "COPPA", pattern: /\bcoppa\b/ },
  { label: "ISO 27001", pattern: /\biso ?27001\b/ },
  {
    label: "WCAG 2.2 AA accessibility",
    pattern: /\bwcag\b|\baccessib\w+|\ba11y\b|\bada\b|\bscreen readers?\b/,
  },
  { label: "CCPA", pattern: /\bccpa\b|\bcpra\b/ },
  { label: "FERPA", pattern: /\bferpa\b/ },
  { label: "PSD2", pattern: /\bpsd2\b/ },
  { label: "KYC/AML", pattern: /\bkyc\b|\baml\b|\banti-money/ },
  { label: "Medical device regulation (FDA / EU MDR)", pattern: /\bfda\b|\bmdr\b/ },
  { label: "EU Digital Services Act", pattern: /\bdsa\b|\bdigital services act\b/ },
  { label: "EU AI Act", pattern: /\bai act\b/ },
  { label: "SOX", pattern: /\bsox\b|\bsarbanes/ },
  {
    label: "Data residency",
    pattern:
      /\bdata residency\b|\bdata (?:must |has to |needs to )?(?:stay|stays|be stored|be hosted) in\b/,
  },
];

/** Lexicon `SCALE` of the offline reader (matched against lower-cased text). */
export const SCALE =
  /(?:(?:about|around|roughly|up to|over|more than|at least|maybe) )?\d+(?:[.,]\d+)*\s*(?:k|m|thousand|million|hundred)?\+?\s+(?:active |paying |daily |monthly |concurrent |new |registered )?(?:users?|customers?|people|members|subscribers|requests|downloads|devices|sensors|students|patients|orders|transactions|visitors|sessions|bookings|walks|schools|companies|clients|employees|drivers|restaurants|families|parents|kids|children|players|sellers|buyers|vehicles|machines|messages|events|readings|teams|seats|accounts|stores|shops|farms|sites|owners|walkers|tenants|hosts|guests|learners|readers|listeners|households|homes|factories|locations|branches)\b(?:\s+(?:a|per|each|every)\s+(?:day|week|month|year|second|minute|hour)\b)?/g;
/** Lexicon `SCALE_WORDS` of the offline reader (matched against lower-cased text). */
export const SCALE_WORDS =
  /\b(?:(?:a few|several|tens of|hundreds of) )?(?:hundreds|thousands|millions|a few hundred|a few thousand|a handful|a couple of hundred)(?: of [a-z]+)?/g;

/** Lexicon `BUDGET_WORDS` of the offline reader (matched against lower-cased text). */
export const BUDGET_WORDS =
  /\bbootstrapp\w+|\bself[- ]funded\b|\bshoestring\b|\bpre-?seed\b|\bseed (?:round|funding|money)\b|\bangel (?:money|funding|investors?)\b|\bgrant funding\b|\bvc[- ]backed\b/g;
/** Lexicon `DIGIT` of the offline reader (matched against lower-cased text). */
export const DIGIT = /\d/;
/** Lexicon `NO_DEADLINE` of the offline reader (matched against lower-cased text). */
export const NO_DEADLINE = /\bno (?:fixed )?(?:deadline|rush|hurry|timeline)\b|\bwhenever\b/;

/** A clause about the team building the product, whose roles are never user groups. */
export const TEAM =
  /\bco-?founders?\b|\b(?:our|my) (?:team|developers?|devs?|engineers?|designers?|agency|cto)\b|\b(?:we|i) (?:have|'ve got|have got|hired|am|'m|are|'re)\b.*\b(?:developers?|devs?|engineers?|designers?|freelancers?|programmers?)\b|\b(?:one|two|three|four|five|a|\d+) (?:full-?stack |backend |frontend |mobile |junior |senior |freelance )?(?:developers?|devs?|engineers?|designers?|programmers?)\b/;
/** A clause that names the group to win first. */
export const PRIMARY =
  /\b(?:start(?:ing)? with|begin(?:ning)? with|first (?:for|with)|initially|at first|mainly|primarily|mostly|to begin with)\b/;
/** Lexicon `NEGATIVE` of the offline reader (matched against lower-cased text). */
export const NEGATIVE =
  /^(?:no|nope|none|nothing|nah|zero|not (?:sure|yet|really|decided|known|applicable|relevant)|unsure|unknown|don'?t know|do not know|dunno|no idea|n\/?a|tbd|to be (?:decided|determined|defined)|undecided|skip|pass|no preference|doesn'?t matter|any|either|no (?:budget|deadline|rush|regulations?|compliance|constraints?|idea))\b/;
/** Lexicon `UNSURE` of the offline reader (matched against lower-cased text). */
export const UNSURE =
  /\byet\b|\bsure\b|\bknow\b|\bidea\b|\btbd\b|\bdecided\b|\bdetermined\b|\bdefined\b|\bunknown\b/;
/** Lexicon `BOTH` of the offline reader (matched against lower-cased text). */
export const BOTH = /^(?:both|all|all of them|all three|everyone|both sides|yes)\b/;

/** Lexicon `COMPOUND` of the offline reader (matched against lower-cased text). */
export const COMPOUND =
  /\b([a-z]+)[- ](owners?|lovers?|enthusiasts?|parents?|managers?|organi[sz]ers?|leads?|teams?)\b/g;
/** Lexicon `COMPOUND_STOP` of the offline reader (matched against lower-cased text). */
export const COMPOUND_STOP: ReadonlySet<string> = new Set([
  "the",
  "a",
  "an",
  "our",
  "their",
  "my",
  "your",
  "his",
  "her",
  "and",
  "or",
  "of",
  "for",
  "to",
  "with",
  "by",
  "all",
  "both",
  "where",
  "who",
  "that",
  "these",
  "those",
  "some",
  "many",
  "most",
  "other",
  "sales",
  "it",
  "hr",
  "people",
  "ops",
  "operations",
  "hiring",
  "property",
  "team",
  "is",
  "are",
]);
/** Lexicon `PHRASE` of the offline reader (matched against lower-cased text). */
export const PHRASE =
  /\b(?:for|by|helps?|lets?|allows?|enables?|between|serving|targets?|targeting)\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+)/g;
/** Lexicon `PHRASE_STOP` of the offline reader (matched against lower-cased text). */
export const PHRASE_STOP: ReadonlySet<string> = new Set([
  ...COMPOUND_STOP,
  "kids",
  "children",
  "aged",
]);

/** Lexicon `PIECES` of the offline reader (matched against lower-cased text). */
export const PIECES = /\s*(?:,|;|\/|&|\n|\band\b|\bor\b|\bplus\b|\balso\b)\s*/;
/** Lexicon `MARKET` of the offline reader (matched against lower-cased text). */
export const MARKET =
  /\b(?:in|across|around|based in|launch(?:ing)? in|starting in|from) ((?:[A-Z][a-zà-ÿ]+)(?: [A-Z][a-zà-ÿ]+)?)/g;
/** Lexicon `API_WORD` of the offline reader (matched against lower-cased text). */
export const API_WORD = /\bapi\b/;
/** Lexicon `IOS_OR_ANDROID` of the offline reader (matched against lower-cased text). */
export const IOS_OR_ANDROID = /\bios\b|\biphone|\bandroid\b/;

/** Lexicon `SUBJECT` of the offline reader (matched against lower-cased text). */
export const SUBJECT =
  /\b(?:an?|the|my|our)\s+((?:[a-z0-9'’-]+\s+){0,3}?(?:app|application|platform|marketplace|tool|service|site|website|bot|dashboard|game|system|saas|extension|portal|network|plugin|assistant|tracker|planner|crm|community|store|shop|program|product|diary|journal|companion|finder|directory|hub|wallet|calculator|coach|guide))\b/;
/** Lexicon `INTENT` of the offline reader (matched against lower-cased text). */
export const INTENT =
  /^(?:so\s*,?\s*|basically\s*,?\s*|well\s*,?\s*)?(?:i|we)(?:'d| would| want to| wanna| plan to| hope to| need to|'m|'re| am| are)?\s*(?:like to |love to |going to )?(?:build|make|create|launch|develop|start|building|making|creating|launching|developing|starting)\s+/i;
/** Lexicon `IT_IS` of the offline reader (matched against lower-cased text). */
export const IT_IS = /^(?:it'?s|it is|this is|the idea is|my idea is|our idea is)\s+(?:about\s+)?/i;
/** Lexicon `LOGISTICS` of the offline reader (matched against lower-cased text). */
export const LOGISTICS =
  /\b(?:ios|android|web|mobile|desktop|budget|deadline|weeks?|months?|launch|gdpr|hipaa|we have|we've got)\b|[$€£]|\d+\s*k\b/i;
/** Lexicon `SENTENCE` of the offline reader (matched against lower-cased text). */
export const SENTENCE = /(?<=[.!?])\s+|\n+/;
/** Lexicon `CLAUSE` of the offline reader (matched against lower-cased text). */
export const CLAUSE = /\s*(?:;|,(?!\d)|\s[-–—]\s)\s*/;
