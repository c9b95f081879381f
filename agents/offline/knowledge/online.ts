/**
 * Online platforms: marketplaces, user-generated content, online sales of physical goods, and
 * digital goods sold inside native apps (app-store billing). AI and biometrics are in ai.ts.
 *
 * App-store billing needs digital goods sold inside a native iOS or Android app: bread,
 * rides, bookings and other physical goods or services never bring it, nor does a web app.
 * DMCA and DSA notice-and-action need content that users post.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Words that show a native mobile app. */
const NATIVE_APP = [
  "ios",
  "iphones?",
  "ipads?",
  "android",
  "app stores?",
  "play store",
  "google play",
  "mobile (?:apps?|games?)",
  "native apps?",
  "phone apps?",
  "react native",
  "flutter",
];

/** Physical goods and services consumed outside the app. */
const PHYSICAL = [
  "bread",
  "bakery",
  "food (?:delivery|orders?|boxes|parcels)",
  "(?:sell|order|buy|deliver)(?:s|ing)? (?:\\w+ )?food",
  "meal (?:delivery|kits?|boxes)",
  "groceries",
  "deliver(?:y|ies|ed)",
  "ship(?:s|ped|ping)",
  "physical (?:goods|products|items)",
  "rides?",
  "in[- ]person",
  "appointments?",
  "tickets? (?:to|for) (?:events?|concerts?|shows?)",
  "rooms?",
  "rentals?",
  "parcels?",
];

/** Influencer and creator marketing, as its own domain. */
const INFLUENCER: DomainEntry = {
  id: "influencer-marketing",
  label: "Influencer and creator marketing",
  stakes: 4,
  weeks: 1,
  triggers: [
    "influencers?",
    "content creators?",
    "sponsored (?:posts|content|videos)",
    "brand (?:deals|partnerships|collaborations)",
    "affiliate (?:links|marketing|commissions?)",
    "ugc creators?",
  ],
  findings: {
    requirements: [{
      text:
        "Make every paid post carry a clear disclosure (#ad, 'paid partnership') and let brands check it before payment is released",
      rationale: "Advertising-disclosure rules for endorsements in most markets",
    }],
    risks: [{
      title:
        "Undisclosed sponsorships or fake reviews expose brands and the platform to regulators",
      category: "legal",
      likelihood: "medium",
      impact: "medium",
      mitigation:
        "Disclosure checks in the workflow, ban paid reviews, keep records of each brief and post",
    }],
  },
};

/** Online-platform domains. */
export const ONLINE_DOMAINS: readonly DomainEntry[] = [
  {
    id: "marketplace",
    label: "Marketplace",
    stakes: 6,
    weeks: 3,
    triggers: [
      "marketplaces?",
      "two-sided",
      "buyers and sellers",
      "sellers and buyers",
      "(?:hosts|providers|sellers|vendors|freelancers|makers|artisans) and (?:guests|customers|clients|buyers)",
      "(?:list|sell) (?:their|its) (?:\\w+ )?(?:services|products|items|goods|rooms|cars|crafts)",
      "take (?:a )?(?:commission|cut)",
      "commission (?:on|per|of)",
      "take rate",
      "(?:platform|app|site|place) (?:for|where) (?:\\w+ ){1,4}(?:can )?(?:sell|list|offer|rent out|trade)",
    ],
    findings: {
      requirements: [
        {
          text:
            "Verify sellers or providers before they can list, and show buyers who they are dealing with",
          rationale: "Marketplace trader-verification rules and buyer trust",
        },
        {
          text:
            "Pay sellers out through a marketplace payments product (e.g. Stripe Connect, Adyen for Platforms) instead of holding funds yourself",
          rationale: "Holding and forwarding buyers' money is money transmission",
        },
      ],
      risks: [
        {
          title: "Buyers and sellers meet on the platform and then transact off it",
          category: "market",
          likelihood: "high",
          impact: "medium",
          mitigation:
            "Make paying on-platform worth it: buyer protection, reviews tied to completed orders, scheduling and invoicing built in",
        },
        {
          title: "Not enough supply in the first market for buyers to find a match",
          category: "market",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Launch in one city or niche, recruit the first sellers by hand, measure match rate before widening",
        },
      ],
      data: [{
        entity: "Listing and order",
        notes: "Seller, item or service, price, commission, status; disputes linked to the order",
      }],
      components: [{
        name: "Dispute and refund handling",
        responsibility: "Buyer claims, seller responses, refunds and payout holds",
      }],
    },
  },
  {
    id: "user-content",
    label: "User-generated content",
    stakes: 6,
    weeks: 2,
    triggers: [
      "user[- ]generated",
      "users? (?:can )?(?:post|upload|share|publish)\\w*",
      "(?:members|people|customers|creators|parents|students|neighbou?rs) (?:can )?(?:post|upload|publish)\\w*",
      "upload(?:s|ing)? (?:their )?(?:own )?(?:photos|pictures|videos|content|recipes|stories|art)",
      "comments? (?:section|threads?)",
      "comment on",
      "forums?",
      "message boards?",
      "community (?:feed|board|forum|posts)",
      "social (?:network|feed|media platform)",
      "news ?feed",
      "chat rooms?",
      "(?:write|leave|post) reviews?",
      "ratings and reviews",
    ],
    findings: {
      requirements: [
        {
          text:
            "Let anyone report a post, act on reports with a reason sent to the poster, and keep a record of moderation decisions",
          rationale: "Notice-and-action duties of platform laws, and copyright takedowns",
        },
        {
          text:
            "Publish content rules and a repeat-infringer policy before opening posting to the public",
          rationale: "Conditions of copyright safe harbours and of platform terms",
          priority: "should",
        },
      ],
      risks: [{
        title: "Illegal or abusive posts (harassment, intimate images, CSAM) reach other users",
        category: "safety",
        likelihood: "medium",
        impact: "high",
        mitigation:
          "Hash-matching of uploaded images (e.g. PhotoDNA), report button, moderation queue with response targets",
      }],
      components: [{
        name: "Moderation queue",
        responsibility: "Reports, automated flags, decisions with reasons, appeals",
      }],
    },
  },
  {
    id: "e-commerce",
    label: "Online sales of physical goods",
    stakes: 4,
    weeks: 1.5,
    triggers: [
      "online (?:store|shop|boutique)",
      "e-?commerce",
      "sell(?:s|ing)? (?:\\w+ ){0,3}online",
      "shopify",
      "woocommerce",
      "ship(?:s|ping)? (?:orders|products|parcels|boxes)",
      "order (?:\\w+ ){0,2}online",
      "subscription box(?:es)?",
      "direct[- ]to[- ]consumer",
      "d2c",
      "dtc",
    ],
    findings: {
      requirements: [
        {
          text:
            "Show total price with taxes and delivery before checkout, and a returns policy that meets each market's withdrawal rules",
          rationale: "Distance-selling rules (such as a 14-day right of withdrawal)",
        },
        {
          text: "Collect sales tax or VAT where the shop crosses the registration thresholds",
          rationale:
            "Sales-tax and VAT registration thresholds for sales into other states and countries",
          priority: "should",
        },
      ],
      risks: [{
        title: "Returns, damaged parcels and chargebacks eat the margin",
        category: "financial",
        likelihood: "medium",
        impact: "medium",
        mitigation:
          "Price in returns and shipping, tracked shipping for high-value orders, fraud screening from the payment provider",
      }],
      integrations: [{
        name: "Shipping labels and tracking (e.g. Shippo, EasyPost, Shiprocket in India)",
        purpose: "Rates, labels and tracking across carriers",
      }],
    },
  },
  {
    id: "digital-goods-in-app",
    label: "Digital goods sold inside a native app",
    stakes: 5,
    weeks: 1,
    triggers: [
      "in-app purchases?",
      "iaps?",
      "subscriptions?",
      "premium (?:tier|plans?|features?|content|version|membership|subscription)",
      "freemium",
      "unlock(?:s|ing)? (?:premium|more|extra|all|new|paid)",
      "coins",
      "gems",
      "virtual (?:currency|goods|items)",
      "paid (?:content|courses|lessons|levels|features|episodes|chapters)",
      "paywall\\w*",
      "(?:digital|online) (?:content|courses|downloads|goods|products)",
      "e-?books?",
      "audiobooks?",
    ],
    context: [NATIVE_APP],
    excludes: [
      ...PHYSICAL,
      "web[- ]only",
      "only (?:on the |a )?web",
      "website only",
      "browser only",
      "web app only",
    ],
    findings: {
      requirements: [{
        text:
          "Sell digital content inside the iOS and Android apps through App Store and Google Play billing (or a permitted link-out), and unlock it server-side from verified receipts",
        rationale:
          "Apple App Review Guideline 3.1.1 and Google Play's Payments policy for digital goods",
      }],
      risks: [{
        title: "Store commission (15–30%) takes a large share of each in-app sale",
        category: "financial",
        likelihood: "high",
        impact: "medium",
        mitigation:
          "Join the small-business programmes (15%), price in-app higher or offer web purchase where the store rules of the market allow link-outs or alternative billing",
      }],
      integrations: [{
        name: "Subscription management (e.g. RevenueCat)",
        purpose: "Cross-store receipts, entitlements and subscription status in one place",
      }],
    },
  },
  INFLUENCER,
];

/** Online-platform regulations. */
export const ONLINE_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "app-store-billing",
    label: "App Store and Google Play billing rules",
    triggers: ["app store (?:billing|fees?|commission)", "apple (?:tax|commission)"],
    jurisdictions: ["*"],
    domains: ["digital-goods-in-app"],
    findings: {
      requirements: [{
        text:
          "Offer the digital purchases as store in-app purchases (restore purchases included) unless an allowed external-purchase link is used",
        rationale: "App Review Guideline 3.1; Google Play Payments policy",
      }],
    },
  },
  {
    id: "eu-dsa",
    label: "EU Digital Services Act",
    triggers: ["digital services act"],
    jurisdictions: ["EU"],
    domains: ["user-content", "marketplace"],
    findings: {
      requirements: [{
        text:
          "Provide notice-and-action for illegal content, statements of reasons for removals, a single point of contact, and (for marketplaces) trader traceability",
        rationale:
          "Regulation 2022/2065 Art. 11–16 and 30; micro and small platforms are exempt from some duties",
      }],
    },
  },
  {
    id: "eu-p2b",
    label: "EU Platform-to-Business Regulation and DAC7",
    triggers: ["p2b regulation", "dac7"],
    jurisdictions: ["EU"],
    domains: ["marketplace"],
    findings: {
      requirements: [{
        text:
          "Explain ranking criteria and give sellers 15 days' notice of term changes; report sellers' income to the tax authority each January",
        rationale: "Regulation 2019/1150 and Directive 2021/514 (DAC7)",
      }],
    },
  },
  {
    id: "us-ftc-endorsements",
    label: "FTC Endorsement Guides and Consumer Review Rule",
    triggers: ["endorsement guides", "consumer review rule"],
    jurisdictions: ["US"],
    domains: ["influencer-marketing", "user-content"],
    context: [["influencers?", "sponsored", "reviews?", "endorse\\w*", "affiliate"]],
    findings: {
      requirements: [{
        text:
          "Disclose material connections in endorsements, and never buy, suppress or fabricate reviews",
        rationale:
          "16 CFR 255 (2023) and the FTC Rule on Consumer Reviews and Testimonials (2024), with civil penalties",
      }],
    },
  },
  {
    id: "us-inform-act",
    label: "INFORM Consumers Act",
    triggers: ["inform consumers act", "inform act"],
    jurisdictions: ["US"],
    domains: ["marketplace"],
    context: [["sell\\w*", "products?", "goods", "items", "shops?", "stores?"]],
    findings: {
      requirements: [{
        text:
          "Verify high-volume third-party sellers (200+ sales and $5,000 a year) and show buyers their contact details",
        rationale: "INFORM Consumers Act (2023), enforced by the FTC and state attorneys general",
      }],
    },
  },
  {
    id: "us-1099-k",
    label: "IRS Form 1099-K reporting",
    triggers: ["1099-?k"],
    jurisdictions: ["US"],
    domains: ["marketplace"],
    context: [["pay\\w*", "payouts?", "commission", "checkout", "earn\\w*"]],
    findings: {
      requirements: [{
        text:
          "Collect sellers' tax identification and issue Form 1099-K above the federal threshold ($20,000 and 200 transactions), unless the payment provider files it",
        rationale: "26 U.S.C. 6050W; threshold restored by the 2025 budget act",
      }],
    },
  },
  {
    id: "uk-platform-reporting",
    label: "UK reporting rules for digital platforms",
    triggers: ["platform reporting rules"],
    jurisdictions: ["GB"],
    domains: ["marketplace"],
    findings: {
      requirements: [{
        text: "Collect sellers' details and report their income to HMRC each January",
        rationale: "Platform Operators (Due Diligence and Reporting Requirements) Regulations 2023",
      }],
    },
  },
  {
    id: "in-ecommerce-rules",
    label: "Consumer Protection (E-Commerce) Rules 2020 (India)",
    triggers: ["e-commerce rules"],
    jurisdictions: ["IN"],
    domains: ["marketplace", "e-commerce"],
    findings: {
      requirements: [{
        text:
          "Show seller name, address and country of origin on listings, and appoint a grievance officer who acknowledges complaints within 48 hours",
        rationale: "Consumer Protection (E-Commerce) Rules 2020, Rules 4–6",
      }],
    },
  },
  {
    id: "us-dmca",
    label: "DMCA section 512 (copyright takedowns)",
    triggers: ["dmca"],
    jurisdictions: ["US"],
    domains: ["user-content"],
    findings: {
      requirements: [{
        text:
          "Register a DMCA designated agent with the Copyright Office (renew every three years) and run notice, takedown and counter-notice",
        rationale: "17 U.S.C. 512(c) safe harbour",
      }],
    },
  },
  {
    id: "us-take-it-down",
    label: "TAKE IT DOWN Act and NCMEC reporting",
    triggers: ["take it down act", "ncmec"],
    jurisdictions: ["US"],
    domains: ["user-content"],
    context: [["photos?", "pictures?", "images?", "videos?", "upload\\w*", "selfies?"]],
    findings: {
      requirements: [{
        text:
          "Remove non-consensual intimate images within 48 hours of a valid request, and report apparent child sexual abuse material to NCMEC",
        rationale: "TAKE IT DOWN Act (2025; platform duties from May 2026) and 18 U.S.C. 2258A",
      }],
    },
  },
  {
    id: "uk-online-safety-act",
    label: "UK Online Safety Act 2023",
    triggers: ["online safety act"],
    jurisdictions: ["GB"],
    domains: ["user-content"],
    findings: {
      requirements: [{
        text:
          "Complete Ofcom's illegal-content and children's-access risk assessments, and use highly effective age assurance if children could see harmful content",
        rationale:
          "Online Safety Act 2023; illegal-harms duties since March 2025, child-safety duties since July 2025",
      }],
    },
  },
  {
    id: "in-it-rules",
    label: "IT (Intermediary Guidelines) Rules 2021 (India)",
    triggers: ["it rules", "intermediary guidelines"],
    jurisdictions: ["IN"],
    domains: ["user-content"],
    findings: {
      requirements: [{
        text:
          "Appoint a resident grievance officer, acknowledge complaints in 24 hours and act on government or court takedown orders within the set deadlines",
        rationale: "IT (Intermediary Guidelines and Digital Media Ethics Code) Rules 2021, Rule 3",
      }],
    },
  },
  {
    id: "au-online-safety-act",
    label: "Australian Online Safety Act 2021",
    triggers: ["esafety"],
    jurisdictions: ["AU"],
    domains: ["user-content"],
    findings: {
      requirements: [{
        text:
          "Respond to eSafety Commissioner removal notices within 24 hours; social media must keep under-16s from holding accounts (since December 2025)",
        rationale: "Online Safety Act 2021 and the Social Media Minimum Age amendment (2024)",
      }],
    },
  },
  {
    id: "eu-consumer-rights",
    label: "EU Consumer Rights Directive (distance selling)",
    triggers: ["consumer rights directive"],
    jurisdictions: ["EU"],
    domains: ["e-commerce"],
    findings: {
      requirements: [{
        text:
          "Give a 14-day right of withdrawal with the model withdrawal form, and a withdrawal function in the shop from June 2026",
        rationale: "Directive 2011/83/EU as amended by Directive 2023/2673",
      }],
    },
  },
  {
    id: "eu-accessibility-act",
    label: "European Accessibility Act",
    triggers: ["european accessibility act"],
    jurisdictions: ["EU"],
    domains: ["e-commerce"],
    findings: {
      requirements: [{
        text:
          "Make the shop and checkout meet EN 301 549 (WCAG 2.1 AA) and publish an accessibility statement, unless the business is a micro-enterprise",
        rationale:
          "Directive 2019/882, applied to e-commerce and banking services since 28 June 2025",
      }],
    },
  },
  {
    id: "uk-consumer-contracts",
    label: "UK Consumer Contracts Regulations and DMCC Act",
    triggers: ["consumer contracts regulations", "dmcc"],
    jurisdictions: ["GB"],
    domains: ["e-commerce"],
    findings: {
      requirements: [{
        text:
          "Give a 14-day cancellation right for online orders and show the total price including mandatory fees up front (no drip pricing)",
        rationale:
          "Consumer Contracts Regulations 2013; DMCC Act 2024 (drip pricing banned since April 2025)",
      }],
    },
  },
];
