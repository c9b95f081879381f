/**
 * Property: real-estate brokerage and listings, and short-term rentals. Tenant screening is in
 * services.ts.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Property domains. */
export const PROPERTY_DOMAINS: readonly DomainEntry[] = [
  {
    id: "real-estate",
    label: "Real-estate brokerage and listings",
    stakes: 6,
    weeks: 2,
    triggers: [
      "real[- ]estate",
      "realtors?",
      "estate agents?",
      "property (?:listings?|portal|search)",
      "homes? for sale",
      "(?:buy|sell)(?:s|ing)? (?:a |their |your )?(?:homes?|houses?|flats?|apartments?|propert(?:y|ies))",
      "house[- ]hunting",
      "mls",
      "brokers? (?:for|of) (?:homes|property|properties)",
    ],
    findings: {
      requirements: [{
        text:
          "Show who the licensed agent or broker is on every listing, and keep listing details (price, size, fees) accurate and dated",
        rationale: "Real-estate advertising rules and material-information duties",
      }],
      risks: [
        {
          title: "Taking a commission for bringing buyers and sellers together without a licence",
          category: "legal",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Charge flat listing or software fees instead of a share of the sale, or work through a licensed brokerage",
        },
        {
          title: "Listing copy or targeting discriminates (e.g. 'ideal for young professionals')",
          category: "legal",
          likelihood: "medium",
          impact: "medium",
          mitigation:
            "Review listing templates for fair-housing language; do not let advertisers target by protected traits",
        },
      ],
      data: [{
        entity: "Listing",
        notes:
          "Property, price history, agent and licence number, photos, status; archived, not deleted",
      }],
      question:
        "Will the product earn a share of sales or rents (which usually needs a broker licence), or charge for software and listings?",
    },
  },
  {
    id: "short-term-rentals",
    label: "Short-term rentals and lodging",
    stakes: 6,
    weeks: 2,
    triggers: [
      "short[- ]term rentals?",
      "short[- ]term lets?",
      "vacation rentals?",
      "holiday (?:lets?|rentals?|homes?)",
      "airbnb",
      "guest ?houses?",
      "homestays?",
      "b&bs?",
      "bed and breakfasts?",
      "(?:rent|let)(?:s|ting)? out (?:their |a |spare )?(?:rooms?|homes?|flats?|apartments?|cabins?)",
    ],
    findings: {
      requirements: [
        {
          text:
            "Collect and display each host's local registration or permit number, and block listings in places that ban or cap short-term rentals",
          rationale: "Cities from New York to Barcelona require registration and enforce caps",
        },
        {
          text: "Collect occupancy and tourist taxes where the platform is the collecting party",
          rationale: "Many cities and states make booking platforms collect lodging taxes",
          priority: "should",
        },
      ],
      risks: [{
        title: "A guest is hurt or a home damaged, and neither host nor platform is insured",
        category: "financial",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Require host liability insurance or buy a platform policy; damage deposits and ID checks for guests",
      }],
      data: [{
        entity: "Booking",
        notes: "Guest, listing, dates, nights, price, taxes, registration number of the listing",
      }],
    },
  },
];

/** Property regulations. */
export const PROPERTY_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-real-estate-licence",
    label: "State real-estate licence law",
    triggers: ["broker licen[cs]e", "real estate licen[cs]e"],
    jurisdictions: ["US"],
    domains: ["real-estate"],
    findings: {
      requirements: [{
        text:
          "Hold a state broker licence (or partner with a brokerage) before taking compensation tied to a sale or lease, and use written buyer agreements",
        rationale:
          "State real-estate licence laws; written buyer-broker agreements under the 2024 NAR settlement rules",
      }],
    },
  },
  {
    id: "us-fair-housing-advertising",
    label: "Fair Housing Act advertising rules",
    triggers: ["fair housing advertising"],
    jurisdictions: ["US"],
    domains: ["real-estate", "short-term-rentals"],
    findings: {
      requirements: [{
        text:
          "Keep listings and ad targeting free of preferences based on race, religion, sex, disability or familial status",
        rationale: "42 U.S.C. 3604(c) and HUD guidance on ad targeting (2024)",
      }],
    },
  },
  {
    id: "us-local-str",
    label: "Local short-term rental ordinances (US)",
    triggers: ["local law 18"],
    jurisdictions: ["US"],
    domains: ["short-term-rentals"],
    findings: {
      requirements: [{
        text:
          "Check each city's rules before listing there: registration, primary-residence limits, night caps (e.g. New York City's Local Law 18 lets platforms book only registered hosts)",
        rationale: "Short-term rental ordinances and state lodging-tax laws",
      }],
    },
  },
  {
    id: "eu-str-regulation",
    label: "EU Short-Term Rental Regulation (2024/1028)",
    triggers: ["short-term rental regulation", "2024/1028"],
    jurisdictions: ["EU"],
    domains: ["short-term-rentals"],
    findings: {
      requirements: [{
        text:
          "Show hosts' registration numbers where a member state requires them, run random checks, and share activity data with authorities monthly",
        rationale: "Regulation 2024/1028, applying from 20 May 2026",
      }],
    },
  },
  {
    id: "gb-sct-stl-licence",
    label: "Scottish short-term let licensing",
    triggers: ["short-term let licen[cs]e"],
    jurisdictions: ["GB-SCT"],
    domains: ["short-term-rentals"],
    findings: {
      requirements: [{
        text:
          "List only hosts who hold a council short-term let licence, and show the licence number",
        rationale: "Civic Government (Scotland) Act 1982 (Licensing of Short-term Lets) Order 2022",
      }],
    },
  },
  {
    id: "uk-estate-agents",
    label: "Estate Agents Act 1979 and material information rules",
    triggers: ["estate agents act", "propertymark"],
    jurisdictions: ["GB"],
    domains: ["real-estate"],
    findings: {
      requirements: [{
        text:
          "Join a redress scheme (The Property Ombudsman or PRS) and show material information (price, tenure, council tax band) on every listing",
        rationale:
          "Estate Agents Act 1979; Consumer Protection from Unfair Trading rules as enforced by NTSELAT",
      }],
    },
  },
  {
    id: "in-rera",
    label: "RERA (Real Estate Regulation and Development Act 2016)",
    triggers: ["rera"],
    jurisdictions: ["IN"],
    domains: ["real-estate"],
    findings: {
      requirements: [{
        text:
          "List only RERA-registered projects with their registration numbers, and register as a real-estate agent with the state RERA authority",
        rationale: "Real Estate (Regulation and Development) Act 2016, s. 3 and s. 9",
      }],
    },
  },
];
