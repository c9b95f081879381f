/**
 * Physical goods: food, age-restricted goods (alcohol, tobacco and vapes), and cannabis.
 * Hardware and connected devices are in hardware.ts.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Selling, delivering or handing over goods. */
const SELLING = [
  "sell\\w*",
  "deliver\\w*",
  "orders?",
  "ordering",
  "ship\\w*",
  "marketplace",
  "buy\\w*",
  "subscriptions?",
  "clubs?",
  "checkout",
  "e-?commerce",
  "pick[- ]?ups?",
];

/** Goods-related domains. */
export const GOODS_DOMAINS: readonly DomainEntry[] = [
  {
    id: "food",
    label: "Food",
    stakes: 6,
    weeks: 1.5,
    triggers: [
      "food",
      "bakery",
      "bakeries",
      "bakers?",
      "bread",
      "meals?",
      "restaurants?",
      "caf[eé]s?",
      "catering",
      "caterers?",
      "(?:home|commercial|shared|ghost|cloud|dark) kitchens?",
      "groceries",
      "grocery",
      "fresh produce",
      "farmers'? markets?",
      "meal (?:kits?|prep)",
      "home[- ]cooked",
      "food trucks?",
      "dairy",
      "meat",
      "seafood",
      "perishables?",
      "leftovers",
      "snacks",
      "baked goods",
      "pastr(?:y|ies)",
      "cakes?",
      "tiffins?",
      "lunch ?boxes",
      "coffee (?:shop|roaster|beans)s?",
      "ramen",
      "sushi",
      "pizzas?",
      "burgers?",
      "noodles",
      "curr(?:y|ies)",
      "tacos?",
      "kebabs?",
      "street food",
      "food (?:stalls?|stands?)",
      "hawkers?",
      "eater(?:y|ies)",
      "bistros?",
      "canteens?",
      "takeaways?",
      "seafood",
      "frozen (?:food|fish|seafood|meals)",
      "fruit and veg(?:etables)?",
    ],
    context: [[
      ...SELLING.filter((p) => !/subscription|club/.test(p)),
      "serv(?:e|es|ed|ing)",
      "reserv\\w+",
      "collect(?:s|ed|ion|ing)?",
      "left ?over",
      "unsold",
      "import\\w*",
      "distribut\\w+",
      "wholesale",
      "suppl(?:y|ies|ier|iers)",
      "cook\\w*",
      "bak(?:e|es|ed|ing)",
      "prepar\\w+",
      "donat\\w+",
      "redistribut\\w+",
      "rescue\\w*",
      "surplus",
      "menus?",
      "stock\\w*",
      "inventory",
    ]],
    excludes: ["food for thought", "dog food", "cat food", "pet food"],
    findings: {
      requirements: [
        {
          text:
            "Show allergen information for every item before purchase, including for items sold online or for delivery",
          rationale: "Allergen rules apply to food sold at a distance as well as over the counter",
        },
        {
          text:
            "Record use-by dates and storage temperatures for perishable items, and stop selling or donating them once expired",
          rationale: "Food-hygiene law and the cold chain",
        },
        {
          text:
            "Record the supplier and batch or lot of each item so a recall can be traced to the customers who got it",
          rationale: "Food traceability and recall duties",
          priority: "should",
        },
      ],
      risks: [
        {
          title:
            "A customer has an allergic reaction to an item with missing or wrong allergen information",
          category: "safety",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Make allergens a required field for each item, show them at checkout, and let the kitchen update them in one place",
        },
        {
          title: "Perishable food warms up in transit or storage",
          category: "safety",
          likelihood: "medium",
          impact: "high",
          mitigation:
            "Delivery time limits, insulated packaging, temperature checks on hand-over for chilled items",
        },
      ],
      data: [{
        entity: "Food item",
        notes: "Name, ingredients, allergens, price, use-by date, storage temperature",
      }],
      question:
        "Who prepares the food (a registered kitchen, home cooks, shops), and is any of it chilled or hot when it changes hands?",
    },
  },
  {
    id: "age-restricted",
    label: "Alcohol, tobacco and other age-restricted goods",
    stakes: 8,
    weeks: 1.5,
    triggers: [
      "alcohol\\w*",
      "liquor",
      "beers?",
      "wines?",
      "spirits",
      "whisk(?:e)?y",
      "brewer(?:y|ies)",
      "winer(?:y|ies)",
      "distiller(?:y|ies)",
      "cocktails?",
      "vapes?",
      "vaping",
      "e-?cigarettes?",
      "tobacco",
      "cigars?",
      "cigarettes?",
      "nicotine",
      "knives",
      "fireworks",
    ],
    context: [SELLING],
    findings: {
      requirements: [
        {
          text:
            "Verify age at sign-up or checkout and again on hand-over (the legal age depends on the product and the place), and refuse delivery when no valid ID is shown",
          rationale: "Selling age-restricted goods to a minor is an offence in every market",
        },
        {
          text: "Block delivery to places where the product cannot legally be sold or shipped",
          rationale: "Licensing and shipping rules differ by state, province and country",
        },
      ],
      risks: [{
        title: "Payment providers refuse or close the account because the goods are restricted",
        category: "financial",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Confirm the payment provider's restricted-business policy in writing before launch; keep a second provider ready",
      }],
      integrations: [{
        name: "Age and ID verification (e.g. Yoti, Veriff, AgeChecker.Net)",
        purpose: "Check age online and document ID checks at delivery",
      }],
    },
  },
  {
    id: "cannabis",
    label: "Cannabis",
    stakes: 9,
    weeks: 3,
    triggers: [
      "cannabis",
      "marijuana",
      "weed (?:delivery|shop|store|dispensar(?:y|ies))",
      "(?:cannabis|weed|marijuana|pot|recreational) dispensar(?:y|ies)",
      "thc",
      "cbd (?:oils?|gummies|products|shops?|stores?|edibles|vapes?)",
      "edibles",
      "pre-?rolls?",
    ],
    findings: {
      requirements: [
        {
          text:
            "Operate only under the licence of the state or province where each sale happens, with the licensee's limits on amounts, hours and delivery zones",
          rationale: "Cannabis is licensed locally and remains illegal in most countries",
        },
        {
          text:
            "Verify the legal age for cannabis where each sale happens, on every order and at hand-over",
          rationale: "State and provincial cannabis laws",
        },
      ],
      risks: [
        {
          title: "Card networks, banks and app stores refuse cannabis sales",
          category: "financial",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Plan for cash or debit at pick-up or cannabis-specific payment providers; keep ordering on the web, since app store policies prohibit in-app cannabis sales",
        },
        {
          title: "Selling across a state or national border is trafficking",
          category: "legal",
          likelihood: "medium",
          impact: "high",
          mitigation: "Geofence delivery addresses to the licensed area; no shipping by post",
        },
      ],
      integrations: [{
        name: "Seed-to-sale tracking (e.g. Metrc, BioTrack)",
        purpose: "State-mandated inventory and sales reporting",
      }],
      question:
        "Will you hold a cannabis licence yourself, or work for licensed dispensaries, and in which state or province?",
    },
  },
];

/** Goods regulations. */
export const GOODS_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-fda-food",
    label: "FDA food rules (FSMA, allergen labelling, state cottage-food laws)",
    triggers: ["fsma", "falcpa", "cottage food"],
    jurisdictions: ["US"],
    domains: ["food"],
    findings: {
      requirements: [{
        text:
          "Label the nine major allergens (sesame included), and check whether home-made food falls under the state's cottage-food law or needs a licensed kitchen",
        rationale: "FALCPA and FASTER Act; FSMA preventive controls for registered facilities",
      }],
    },
  },
  {
    id: "us-food-donation",
    label: "Bill Emerson Good Samaritan Food Donation Act",
    triggers: ["good samaritan"],
    jurisdictions: ["US"],
    domains: ["food"],
    context: [[
      "donat\\w+",
      "surplus",
      "rescue\\w*",
      "redistribut\\w+",
      "leftovers?",
      "food banks?",
    ]],
    findings: {
      notes: [
        "The Bill Emerson Act (expanded in 2023) protects donors and nonprofits that give away apparently wholesome surplus food in good faith, including sales at a reduced price",
      ],
    },
  },
  {
    id: "eu-food-law",
    label: "EU food hygiene and food information rules (Reg. 852/2004, 1169/2011)",
    triggers: ["haccp", "1169/2011"],
    jurisdictions: ["EU"],
    domains: ["food"],
    findings: {
      requirements: [{
        text:
          "Register each food business with the local authority, keep a HACCP-based food-safety plan, and give the 14 allergens before an online sale is concluded",
        rationale: "Regulation 852/2004 Art. 5–6; Regulation 1169/2011 Art. 9 and 14",
      }],
    },
  },
  {
    id: "uk-food-standards",
    label: "UK food business registration and allergen rules (FSA)",
    triggers: ["natasha'?s law", "food standards agency"],
    jurisdictions: ["GB"],
    domains: ["food"],
    findings: {
      requirements: [{
        text:
          "Register with the local council at least 28 days before trading, and label pre-packed-for-direct-sale food with full ingredients and allergens",
        rationale: "Food Safety Act 1990; Natasha's Law (2021) for PPDS food",
      }],
    },
  },
  {
    id: "in-fssai",
    label: "FSSAI licence or registration",
    triggers: ["fssai"],
    jurisdictions: ["IN"],
    domains: ["food"],
    findings: {
      requirements: [{
        text:
          "Hold FSSAI registration or a licence (by turnover), and show the FSSAI number on every online listing and invoice",
        rationale: "Food Safety and Standards Act 2006; FSSAI e-commerce guidelines",
      }],
    },
  },
  {
    id: "sg-sfa",
    label: "Singapore Food Agency licensing",
    triggers: ["singapore food agency", "sfa licen[cs]e"],
    jurisdictions: ["SG"],
    domains: ["food"],
    findings: {
      requirements: [{
        text:
          "Hold SFA licences for importing food, running a cold store and operating food shops, and keep import records by consignment",
        rationale: "Sale of Food Act and the Food Safety and Security Act 2025",
      }],
    },
  },
  {
    id: "jp-food-labeling",
    label: "Japan Food Labeling Act (allergens)",
    triggers: ["food labeling act"],
    jurisdictions: ["JP"],
    domains: ["food"],
    findings: {
      requirements: [{
        text:
          "Show the eight mandatory allergens (shrimp, crab, walnut, wheat, buckwheat, egg, milk, peanut) and the recommended ones, also on digital menus where possible",
        rationale:
          "Food Labeling Act and Food Labeling Standards (walnut mandatory since April 2025)",
      }],
    },
  },
  {
    id: "ca-sfcr",
    label: "Safe Food for Canadians Regulations",
    triggers: ["sfcr", "cfia"],
    jurisdictions: ["CA"],
    domains: ["food"],
    findings: {
      requirements: [{
        text:
          "Get a Safe Food for Canadians licence if food crosses provincial borders, with traceability records",
        rationale: "SFCR (2019)",
      }],
    },
  },
  {
    id: "au-food-standards",
    label: "Food Standards Code (FSANZ)",
    triggers: ["fsanz"],
    jurisdictions: ["AU"],
    domains: ["food"],
    findings: {
      requirements: [{
        text:
          "Register with the local council and follow the Food Standards Code's plain-English allergen labelling",
        rationale: "Australia New Zealand Food Standards Code, Standards 1.2.3 and 3.2.2A",
      }],
    },
  },
  {
    id: "us-alcohol",
    label: "TTB permits and state alcohol laws (three-tier system)",
    triggers: ["ttb", "three-tier"],
    jurisdictions: ["US"],
    domains: ["age-restricted"],
    context: [[
      "alcohol\\w*",
      "liquor",
      "beers?",
      "wines?",
      "spirits",
      "whisk(?:e)?y",
      "brewer\\w*",
      "winer\\w*",
      "distiller\\w*",
      "cocktails?",
    ]],
    findings: {
      requirements: [{
        text:
          "Sell and deliver alcohol only through licensed retailers in each state, with an adult signature (21 or older) on delivery; direct-to-consumer shipping is allowed for wine in most states, rarely for spirits",
        rationale: "Federal Alcohol Administration Act and state three-tier laws",
      }],
    },
  },
  {
    id: "us-tx-tabc",
    label: "Texas Alcoholic Beverage Code (TABC permits)",
    triggers: ["tabc"],
    jurisdictions: ["US-TX"],
    domains: ["age-restricted"],
    context: [[
      "alcohol\\w*",
      "liquor",
      "beers?",
      "wines?",
      "spirits",
      "whisk(?:e)?y",
      "cocktails?",
    ]],
    findings: {
      requirements: [{
        text:
          "Deliver only under the retailer's TABC consumer delivery permit, with TABC-certified drivers; no delivery into dry areas, to intoxicated people, or outside legal hours (no liquor-store sales on Sundays)",
        rationale: "Texas Alcoholic Beverage Code ch. 28, 54 and 105",
      }],
    },
  },
  {
    id: "us-pact-act",
    label: "PACT Act (tobacco and vapes)",
    triggers: ["pact act"],
    jurisdictions: ["US"],
    domains: ["age-restricted"],
    context: [[
      "vapes?",
      "vaping",
      "e-?cigarettes?",
      "tobacco",
      "cigars?",
      "cigarettes?",
      "nicotine",
    ]],
    findings: {
      requirements: [{
        text:
          "Register with the ATF and state tax authorities, verify age at checkout and on delivery, and do not use USPS",
        rationale: "Prevent All Cigarette Trafficking Act, extended to e-cigarettes in 2021",
      }],
    },
  },
  {
    id: "uk-licensing-act",
    label: "UK Licensing Act 2003",
    triggers: ["premises licen[cs]e", "licensing act"],
    jurisdictions: ["GB"],
    domains: ["age-restricted"],
    context: [[
      "alcohol\\w*",
      "liquor",
      "beers?",
      "wines?",
      "spirits",
      "whisk(?:e)?y",
      "brewer\\w*",
      "cocktails?",
    ]],
    findings: {
      requirements: [{
        text:
          "Sell alcohol only from licensed premises under a designated premises supervisor, with Challenge 25 checks on delivery",
        rationale: "Licensing Act 2003",
      }],
    },
  },
  {
    id: "us-cannabis",
    label: "State cannabis licensing (federally illegal)",
    triggers: ["metrc", "280e"],
    jurisdictions: ["US"],
    domains: ["cannabis"],
    findings: {
      requirements: [{
        text:
          "Sell only to adults 21 or older, checked at order and at the door; work only with state-licensed operators and report to the state's seed-to-sale system; expect little access to banks and card networks, and no business-expense deductions while cannabis stays in Schedule I or II (IRC 280E)",
        rationale:
          "Cannabis remains a federally controlled substance; state licensing is what makes sales lawful locally",
      }],
    },
  },
  {
    id: "ca-cannabis-act",
    label: "Cannabis Act (Canada) and provincial retail rules",
    triggers: ["cannabis act"],
    jurisdictions: ["CA"],
    domains: ["cannabis"],
    findings: {
      requirements: [{
        text:
          "Sell only through the province's authorised retail channel, with plain packaging and no promotion that appeals to young people",
        rationale: "Cannabis Act (S.C. 2018, c. 16) and provincial acts",
      }],
    },
  },
  {
    id: "de-cang",
    label: "German Cannabis Act (CanG)",
    triggers: ["cang", "konsumcannabisgesetz"],
    jurisdictions: ["DE"],
    domains: ["cannabis"],
    findings: {
      risks: [{
        title: "Commercial sale of recreational cannabis is not allowed in Germany",
        category: "legal",
        likelihood: "high",
        impact: "high",
        mitigation:
          "Only licensed non-profit cannabis clubs may distribute to members; medical cannabis needs a prescription",
      }],
    },
  },
];
