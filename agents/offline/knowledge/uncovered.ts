/**
 * Signals of areas that look regulated or specialised but have no entry in this knowledge base,
 * so the brief can say what the offline engine could not analyse instead of staying silent.
 * When an area gains a domain entry, its signal moves out of this list.
 *
 * @module
 */
import type { UncoveredSignal } from "./types.ts";

/** Areas the offline engine has no rules for. */
export const UNCOVERED: readonly UncoveredSignal[] = [
  {
    id: "firearms",
    label: "firearms, ammunition and weapons",
    triggers: ["guns?", "firearms?", "ammunition", "ammo", "rifles?", "handguns?", "weapons?"],
  },
  {
    id: "drones-aviation",
    label: "drones and aviation",
    triggers: ["drones?", "uavs?", "aviation", "aircraft", "airlines?", "helicopters?"],
  },
  {
    id: "securities",
    label: "investments, securities and financial advice",
    triggers: [
      "investment (?:advice|platform|app|accounts?|portfolios?|funds?)",
      "stock (?:trading|picks|market app)",
      "trad(?:e|ing) stocks",
      "robo-?advis\\w+",
      "securities",
      "wealth management",
      "financial advi[cs]\\w+",
      "mutual funds?",
      "etfs?",
      "retirement accounts?",
    ],
  },
  {
    id: "business-lending",
    label: "business lending and invoice factoring",
    triggers: [
      "factoring",
      "invoice financ\\w+",
      "merchant cash advances?",
      "(?:business|working capital|sme|commercial) (?:loans?|lending|credit)",
      "trade credit",
      "(?:stock|inventory|goods|supplies) on credit",
      "(?:buy|order|get|take)\\w* (?:\\w+ ){0,4}on credit",
    ],
  },
  {
    id: "crowdfunding",
    label: "crowdfunding rules",
    triggers: ["crowd-?fund\\w*"],
  },
  {
    id: "mortgages",
    label: "mortgage lending and brokerage",
    triggers: ["mortgages?", "home loans?"],
  },
  {
    id: "tax-preparation",
    label: "tax preparation and filing",
    triggers: [
      "tax (?:returns?|filing|preparation|preparers?)",
      "file (?:their |my )?taxes",
      "(?:gst|vat|sales tax|income tax) (?:filing|returns?)",
    ],
  },
  {
    id: "energy",
    label: "energy supply, solar and EV charging",
    triggers: [
      "electricity (?:supply|retail|trading|tariffs?)",
      "energy (?:trading|supplier|retail)",
      "solar (?:panels?|installations?|installers?)",
      "ev charg\\w+",
      "charging stations?",
      "utility billing",
    ],
  },
  {
    id: "veterinary",
    label: "veterinary care",
    triggers: [
      "veterinar\\w+",
      "vets? (?:clinics?|practices?|visits?|appointments?)",
      "animal (?:clinics?|hospitals?)",
    ],
  },
  {
    id: "disability-support",
    label: "disability support services (e.g. NDIS)",
    triggers: ["ndis", "disability support (?:workers?|services|providers?)"],
  },
  {
    id: "genetics",
    label: "genetic and genomic data",
    triggers: ["genetic", "genomic\\w*", "dna (?:tests?|kits?|data)"],
  },
  {
    id: "clinical-trials",
    label: "clinical trials and research on people",
    triggers: ["clinical trials?", "research participants", "irb"],
  },
  {
    id: "dating",
    label: "online dating safety rules",
    triggers: ["dating (?:app|apps|site|platform|service)", "matchmaking"],
  },
  {
    id: "adult-content",
    label: "adult content and age verification for it",
    triggers: ["adult content", "porn\\w*", "escort\\w*", "onlyfans"],
  },
  {
    id: "telecoms",
    label: "telecoms licensing",
    triggers: ["mvnos?", "sim cards?", "telecom operators?", "esims?"],
  },
  {
    id: "elections",
    label: "elections and political advertising",
    triggers: ["elections?", "political (?:ads|advertising|campaigns?)", "voters?", "ballots?"],
  },
  {
    id: "travel-packages",
    label: "package travel and travel agencies",
    triggers: ["package (?:holidays|tours|trips)", "travel agenc(?:y|ies)", "tour operators?"],
  },
  {
    id: "export-controls",
    label: "defence, export controls and sanctions",
    triggers: [
      "defen[cs]e (?:contractors?|industry|sector)",
      "itar",
      "export controls?",
      "military",
      "dual-use",
    ],
  },
  {
    id: "construction",
    label: "construction, building codes and contractor licensing",
    triggers: [
      "construction (?:sites?|companies|projects|workers)",
      "building codes?",
      "general contractors?",
    ],
  },
  {
    id: "agriculture-chemicals",
    label: "pesticides, fertilisers and farm chemicals",
    triggers: ["pesticides?", "herbicides?", "fertili[sz]ers?", "agrochemicals?"],
  },
  {
    id: "security-surveillance",
    label: "security guarding and surveillance cameras",
    triggers: [
      "cctv",
      "surveillance cameras?",
      "security guards?",
      "license plate readers?",
      "number plate recognition",
    ],
  },
  {
    id: "waste",
    label: "waste collection and hazardous materials",
    triggers: ["hazardous (?:waste|materials)", "waste collection", "hazmat", "e-?waste"],
  },
];
