/**
 * Roles (user groups) the offline engine recognises, as data: label, trigger pattern and
 * which side of the product the group is on.
 *
 * @module
 */
import type { Actor } from "../types.ts";

/** A kind of person the product serves. */
export interface RoleInfo {
  /** Canonical plural label, e.g. `parents`. */
  label: string;
  pattern: RegExp;
  actor: Actor;
  /** What frustrates this role today; used for personas and pains. */
  frustration?: string;
  /** Where to reach this role. */
  channel?: string;
}

/** Role nouns, most specific first. The last word of each label is its head noun. */
export const ROLES: readonly RoleInfo[] = [
  {
    label: "parents",
    pattern: /\bparents?\b|\bmums?\b|\bmoms?\b|\bdads?\b|\bfamil(?:y|ies)\b/,
    actor: "consumer",
    frustration: "Little time, and no easy way to see what their child is actually doing",
    channel: "Parenting communities, school newsletters and parent bloggers",
  },
  {
    label: "children",
    pattern: /\bkids?\b|\bchild(?:ren)?\b|\btoddlers?\b|\bteens?\b|\bteenagers?\b/,
    actor: "consumer",
    frustration: "Boring or too-hard content makes them give up quickly",
  },
  {
    label: "students",
    pattern: /\bstudents?\b|\bpupils?\b|\blearners?\b/,
    actor: "consumer",
    frustration: "Material scattered across tools and little feedback on progress",
    channel: "Campus ambassadors, student societies and teacher recommendations",
  },
  {
    label: "teachers",
    pattern: /\bteachers?\b|\beducators?\b/,
    actor: "provider",
    frustration: "Admin work eats into teaching time",
    channel: "Teacher communities, education fairs and school district pilots",
  },
  {
    label: "tutors",
    pattern: /\btutors?\b/,
    actor: "provider",
    frustration: "Finding students and scheduling sessions takes unpaid time",
  },
  {
    label: "doctors",
    pattern: /\bdoctors?\b|\bphysicians?\b|\bclinicians?\b/,
    actor: "provider",
    frustration: "Documentation and scheduling take time away from patients",
    channel: "Clinic partnerships, medical associations and conferences",
  },
  {
    label: "nurses",
    pattern: /\bnurses?\b/,
    actor: "provider",
    frustration: "Shift work and paperwork leave no time for new tools",
  },
  {
    label: "therapists",
    pattern: /\btherapists?\b|\bpsychologists?\b|\bcounsell?ors?\b/,
    actor: "provider",
  },
  {
    label: "patients",
    pattern: /\bpatients?\b/,
    actor: "consumer",
    frustration: "Hard to get appointments and to keep track of their own care",
    channel: "Clinics and patient groups",
  },
  {
    label: "caregivers",
    pattern: /\bcare ?givers?\b|\bcarers?\b/,
    actor: "consumer",
    frustration: "Coordinating care for someone else with no shared overview",
  },
  {
    label: "seniors",
    pattern: /\bseniors?\b|\belderly\b|\bolder (?:adults|people)\b|\bretirees?\b/,
    actor: "consumer",
    frustration: "Apps with small text and complicated flows",
  },
  {
    label: "small businesses",
    pattern:
      /\bsmall (?:business(?:es)?|shops?|companies)\b|\bsmbs?\b|\blocal (?:shops?|businesses)\b/,
    actor: "consumer",
    frustration: "No time or staff for tools that need setup",
    channel: "Local business associations, accountants and Google Business listings",
  },
  {
    label: "freelancers",
    pattern: /\bfreelancers?\b|\bself-employed\b|\bconsultants?\b|\bcontractors?\b/,
    actor: "provider",
    frustration: "Chasing clients and invoices instead of doing paid work",
    channel: "Freelancer communities, co-working spaces and LinkedIn",
  },
  {
    label: "developers",
    pattern: /\bdevelopers?\b|\bdevs\b|\bprogrammers?\b|\bsoftware engineers?\b/,
    actor: "consumer",
    frustration: "Tools that need lengthy setup or lock their data in",
    channel: "GitHub, Hacker News, developer newsletters and conference talks",
  },
  {
    label: "drivers",
    pattern: /\bdrivers?\b|\bcouriers?\b/,
    actor: "provider",
    frustration: "Idle time between jobs and opaque earnings",
    channel: "Driver forums and referral bonuses",
  },
  {
    label: "landlords",
    pattern: /\blandlords?\b|\bproperty managers?\b/,
    actor: "provider",
    frustration: "Chasing rent and repair requests by phone and e-mail",
  },
  {
    label: "tenants",
    pattern: /\btenants?\b|\brenters?\b/,
    actor: "consumer",
    frustration: "Repairs and deposits handled slowly and without a paper trail",
  },
  {
    label: "restaurants",
    pattern: /\brestaurants?\b|\bcaf(?:e|é)s?\b/,
    actor: "provider",
    frustration: "Thin margins and high platform commissions",
    channel: "Direct field sales to venues and hospitality associations",
  },
  {
    label: "shoppers",
    pattern: /\bshoppers?\b|\bbuyers?\b|\bconsumers?\b/,
    actor: "consumer",
    frustration: "Comparing options across many shops takes too long",
  },
  {
    label: "sellers",
    pattern: /\bsellers?\b|\bmerchants?\b|\bvendors?\b|\bretailers?\b/,
    actor: "provider",
    frustration: "Reaching buyers without giving away margin to big platforms",
  },
  {
    label: "gamers",
    pattern: /\bgamers?\b|\bplayers?\b/,
    actor: "consumer",
    channel: "Discord servers, Twitch streamers and Reddit communities",
  },
  {
    label: "HR teams",
    pattern: /\bhr\b|\bhuman resources\b|\bpeople teams?\b/,
    actor: "operator",
    frustration: "Manual processes across spreadsheets and e-mail",
  },
  {
    label: "recruiters",
    pattern: /\brecruiters?\b|\bhiring managers?\b/,
    actor: "operator",
  },
  {
    label: "sales teams",
    pattern: /\bsales ?(?:teams?|reps?|people|staff)\b/,
    actor: "consumer",
    frustration: "CRM data entry that steals selling time",
  },
  {
    label: "managers",
    pattern: /\bmanagers?\b|\bsupervisors?\b|\bteam leads?\b/,
    actor: "operator",
    frustration: "No single, current view of what their team is doing",
  },
  {
    label: "employees",
    pattern: /\bemployees?\b|\bstaff\b|\bworkers?\b|\bteam members?\b|\bworkforce\b/,
    actor: "consumer",
    frustration: "Yet another tool to learn on top of their real work",
  },
  {
    label: "technicians",
    pattern:
      /\btechnicians?\b|\bfield (?:workers|engineers|staff|teams?)\b|\bmaintenance (?:teams?|crews?|staff)\b/,
    actor: "operator",
    frustration: "Finding out about failures only when someone complains",
  },
  {
    label: "operators",
    pattern: /\boperators?\b|\boperations teams?\b|\bops teams?\b/,
    actor: "operator",
    frustration: "Reacting to incidents instead of preventing them",
  },
  {
    label: "IT admins",
    pattern: /\bit (?:admins?|administrators?|teams?|departments?)\b|\bsysadmins?\b/,
    actor: "operator",
    frustration: "Every new tool needs SSO, provisioning and a security review",
  },
  {
    label: "admins",
    pattern: /\badmins?\b|\badministrators?\b/,
    actor: "operator",
  },
  {
    label: "farmers",
    pattern: /\bfarmers?\b|\bgrowers?\b/,
    actor: "consumer",
    frustration: "Weather, prices and paperwork tracked on paper",
    channel: "Farmers' co-operatives, agricultural fairs and suppliers",
  },
  {
    label: "athletes",
    pattern: /\bathletes?\b|\brunners?\b|\bcyclists?\b/,
    actor: "consumer",
    channel: "Running and cycling clubs, Strava groups",
  },
  {
    label: "coaches",
    pattern: /\bcoach(?:es)?\b|\bpersonal trainers?\b|\binstructors?\b/,
    actor: "provider",
  },
  {
    label: "travellers",
    pattern: /\btravell?ers?\b|\btourists?\b/,
    actor: "consumer",
  },
  {
    label: "creators",
    pattern: /\bcreators?\b|\binfluencers?\b|\bartists?\b|\bmusicians?\b|\bwriters?\b/,
    actor: "provider",
    frustration: "Unpredictable income and dependence on platform algorithms",
  },
  {
    label: "job seekers",
    pattern: /\bjob ?seekers?\b|\bcandidates?\b|\bjob applicants?\b/,
    actor: "consumer",
  },
  // Applicants for a flat, a loan or a permit are not job seekers.
  { label: "applicants", pattern: /\bapplicants?\b/, actor: "consumer" },
  { label: "volunteers", pattern: /\bvolunteers?\b/, actor: "provider" },
  {
    label: "nonprofits",
    pattern: /\bnon-?profits?\b|\bcharit(?:y|ies)\b|\bngos?\b/,
    actor: "consumer",
  },
  { label: "homeowners", pattern: /\bhome ?owners?\b/, actor: "consumer" },
  { label: "researchers", pattern: /\bresearchers?\b|\bscientists?\b/, actor: "consumer" },
  { label: "accountants", pattern: /\baccountants?\b|\bbookkeepers?\b/, actor: "consumer" },
  { label: "lawyers", pattern: /\blawyers?\b|\battorneys?\b|\blaw firms?\b/, actor: "consumer" },
  {
    label: "walkers",
    pattern: /\bwalkers?\b/,
    actor: "provider",
    frustration: "Unpaid gaps between jobs and last-minute cancellations",
  },
  {
    label: "sitters",
    pattern: /\bsitters?\b|\bbabysitters?\b|\bnann(?:y|ies)\b/,
    actor: "provider",
  },
  { label: "groomers", pattern: /\bgroomers?\b/, actor: "provider" },
  { label: "cleaners", pattern: /\bcleaners?\b/, actor: "provider" },
  {
    label: "tradespeople",
    pattern: /\bplumbers?\b|\belectricians?\b|\bhandym[ae]n\b|\btradespeople\b/,
    actor: "provider",
  },
  { label: "hosts", pattern: /\bhosts?\b/, actor: "provider" },
  { label: "guests", pattern: /\bguests?\b/, actor: "consumer" },
];

/** Generic people words: only used when a users answer names nothing more specific. */
export const GENERIC_ROLES: readonly RoleInfo[] = [
  { label: "customers", pattern: /\bcustomers?\b|\bclients?\b/, actor: "consumer" },
  { label: "members", pattern: /\bmembers?\b/, actor: "consumer" },
];

/**
 * Service-provider nouns that take the modifier of a nearby `X owners` phrase:
 * "dog owners book walkers" means dog walkers.
 */
export const PROVIDER_NOUNS: ReadonlySet<string> = new Set([
  "walkers",
  "sitters",
  "groomers",
  "trainers",
  "cleaners",
  "drivers",
  "tutors",
]);
