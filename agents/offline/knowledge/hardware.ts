/**
 * Hardware and connected devices: radio and safety certification per market, IoT security
 * baselines, OTA updates, power loss and connectivity.
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Hardware domains. */
export const HARDWARE_DOMAINS: readonly DomainEntry[] = [
  {
    id: "hardware-iot",
    label: "Hardware and connected devices",
    stakes: 8,
    weeks: 8,
    triggers: [
      "hardware",
      "iot",
      "internet of things",
      "firmware",
      // The phone's own sensors do not make a hardware product.
      "(?<!phone'?s? |smartphone'?s? |phones' |device'?s? |built-in )\\bsensors?",
      "wearables?",
      "esp32",
      "arduino",
      "raspberry pi",
      "microcontrollers?",
      "pcbs?",
      "(?:pill|medication|pet|bird|fish|food|treat) (?:dispensers?|feeders?)",
      "dispensers?",
      "feeders?",
      "gps (?:trackers?|collars?|tags?)",
      "smart (?:home|locks?|plugs?|meters?|speakers?|watch(?:es)?|collars?|rings?|thermostats?|bins?|feeders?|glasses|scales?|bottles?|cameras?|doorbells?|sockets?|lights?)",
      "(?:a|our|the) (?:physical|connected|small|little|handheld|wearable|plug-in|battery-powered) (?:device|gadget|box|unit|sensor)s?",
      "devices? (?:that|which) (?:\\w+ )?(?:measures?|monitors?|tracks?|detects?|dispenses?|senses?|counts?|records?)",
      "gadgets?",
      "kiosks?",
      "robots?",
      "beacons?",
      "rfid",
      "nfc tags?",
    ],
    excludes: ["hardware (?:stores?|shops?)"],
    findings: {
      requirements: [
        {
          text:
            "For battery-powered devices, set a battery-life target first: it drives the radio, sleep modes and how often the device reports",
          rationale:
            "Power consumption is the hardest constraint to change after the board is made",
          priority: "should",
        },
        {
          text:
            "Ship signed over-the-air (OTA) firmware updates with an A/B partition and automatic rollback when a new image fails to boot",
          rationale: "A bad update must never brick devices in the field",
        },
        {
          text:
            "Survive power loss and lost connectivity: persist state, queue readings locally, resync when back",
          rationale: "Devices lose power and Wi-Fi far more often than servers",
        },
        {
          text:
            "No default passwords; a unique credential per device and a published vulnerability-disclosure contact",
          rationale: "Baseline consumer IoT security in standards and product-security laws",
        },
      ],
      risks: [
        {
          title: "Radio and safety certification delays the launch and costs more than planned",
          category: "operational",
          likelihood: "high",
          impact: "medium",
          mitigation:
            "Use a pre-certified radio module, book a test lab pre-scan early, budget thousands to tens of thousands per market",
        },
        {
          title: "Manufacturing yield, component shortages and returns eat the margin",
          category: "financial",
          likelihood: "high",
          impact: "high",
          mitigation:
            "Design for manufacture with the contract manufacturer, second-source key parts, end-of-line test jig, RMA process",
        },
        {
          title: "Lithium batteries overheat or cannot be shipped by air",
          category: "safety",
          likelihood: "low",
          impact: "high",
          mitigation:
            "Certified cells with protection circuits; UN 38.3 test report before shipping",
        },
      ],
      components: [
        {
          name: "Device fleet service",
          responsibility:
            "Provisioning, per-device credentials, firmware rollout by cohort, health and last-seen status",
        },
        {
          name: "Device firmware",
          responsibility:
            "Sensing or actuation, local state, offline queue, secure boot and OTA client",
        },
      ],
      data: [{
        entity: "Device",
        notes: "Serial, owner, firmware version, last seen, battery, certificate; readings linked",
      }],
      integrations: [{
        name: "IoT connectivity and device management (e.g. AWS IoT Core, Golioth, Particle)",
        purpose: "Authenticated device messaging and OTA delivery",
      }],
      question:
        "How does the device connect (Wi-Fi, cellular, Bluetooth through the phone), what powers it, and how many units do you plan to make first?",
    },
  },
];

/** Hardware regulations. */
export const HARDWARE_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "us-fcc-equipment",
    label: "FCC equipment authorisation (Part 15)",
    triggers: ["fcc", "part 15"],
    jurisdictions: ["US"],
    domains: ["hardware-iot", "medical-device"],
    findings: {
      requirements: [{
        text:
          "Certify intentional radiators (Wi-Fi, Bluetooth, cellular) through a lab and TCB, or use a pre-certified module and test the final product for unintentional emissions",
        rationale: "47 CFR Part 2 and Part 15",
      }],
    },
  },
  {
    id: "eu-red-ce",
    label: "CE marking under the Radio Equipment Directive",
    triggers: ["ce mark\\w*", "radio equipment directive", "en 18031"],
    jurisdictions: ["EU", "NO", "IS", "LI"],
    domains: ["hardware-iot"],
    findings: {
      requirements: [{
        text:
          "CE-mark the device under the RED, including its cybersecurity requirements (EN 18031) for internet-connected radio equipment since August 2025",
        rationale: "Directive 2014/53/EU and Delegated Regulation 2022/30",
      }],
    },
  },
  {
    id: "eu-cra",
    label: "EU Cyber Resilience Act",
    triggers: ["cyber resilience act"],
    jurisdictions: ["EU"],
    domains: ["hardware-iot"],
    findings: {
      requirements: [{
        text:
          "Plan security updates for the product's support period, keep an SBOM, and report actively exploited vulnerabilities within 24 hours",
        rationale:
          "Regulation 2024/2847: reporting from September 2026, full obligations from December 2027",
      }],
    },
  },
  {
    id: "eu-weee-batteries",
    label: "WEEE and the EU Batteries Regulation",
    triggers: ["weee", "batteries regulation"],
    jurisdictions: ["EU"],
    domains: ["hardware-iot"],
    findings: {
      requirements: [{
        text:
          "Register as a producer for electronics and battery take-back in each country you sell to, and mark the product with the crossed-out bin",
        rationale: "Directive 2012/19/EU and Regulation 2023/1542",
        priority: "should",
      }],
    },
  },
  {
    id: "uk-psti",
    label: "UK PSTI Act and UKCA marking",
    triggers: ["psti", "ukca"],
    jurisdictions: ["GB"],
    domains: ["hardware-iot"],
    findings: {
      requirements: [{
        text:
          "Ship no default passwords, publish a vulnerability-disclosure policy and the minimum security-update period, and mark the product UKCA or CE",
        rationale:
          "Product Security and Telecommunications Infrastructure Act 2022 (in force April 2024); Radio Equipment Regulations 2017",
      }],
    },
  },
  {
    id: "etsi-en-303-645",
    label: "ETSI EN 303 645 (consumer IoT security)",
    triggers: ["en 303 645", "etsi"],
    jurisdictions: ["*"],
    domains: ["hardware-iot"],
    // Consumer products, not a warehouse's own robots.
    context: [[
      "consumers?",
      "homes?",
      "households?",
      "parents",
      "owners",
      "famil(?:y|ies)",
      "buyers",
      "retail",
      "sold",
      "sell\\w*",
      "kids",
      "people",
      "pets?",
      "gardens?",
    ]],
    findings: {
      requirements: [{
        text:
          "Meet the EN 303 645 provisions: unique credentials, secure update, secure storage of secrets, minimal exposed services",
        rationale: "The baseline that product-security laws and many retailers refer to",
        priority: "should",
      }],
    },
  },
  {
    id: "electrical-safety",
    label: "Electrical safety and battery transport (IEC 62368-1, UN 38.3)",
    triggers: ["iec 62368", "un 38\\.3", "ul listing"],
    jurisdictions: ["*"],
    domains: ["hardware-iot"],
    context: [[
      "batter(?:y|ies)",
      "lithium",
      "mains",
      "plug(?:s|ged)? in",
      "charg\\w+",
      "power(?:ed)?",
      "usb",
    ]],
    findings: {
      requirements: [{
        text:
          "Test the product to IEC 62368-1 (with the listing marks retailers in each market ask for) and its lithium cells to UN 38.3 before shipping",
        rationale: "Required by retailers, carriers and product-safety law",
      }],
    },
  },
  {
    id: "in-wpc-bis",
    label: "WPC ETA approval and BIS registration (India)",
    triggers: ["wpc", "bis registration"],
    jurisdictions: ["IN"],
    domains: ["hardware-iot"],
    findings: {
      requirements: [{
        text:
          "Get WPC Equipment Type Approval for the radio and BIS Compulsory Registration for listed electronics before import or sale",
        rationale:
          "Indian Telegraph Act and the Electronics and IT Goods (Compulsory Registration) Order",
      }],
    },
  },
  {
    id: "ca-ised",
    label: "ISED radio certification (Canada)",
    triggers: ["ised"],
    jurisdictions: ["CA"],
    domains: ["hardware-iot"],
    findings: {
      requirements: [{
        text:
          "Certify radio devices with ISED (RSS standards) and label the ISED certification number",
        rationale: "Radiocommunication Act",
      }],
    },
  },
  {
    id: "jp-giteki",
    label: "Japan Radio Law technical conformity (Giteki)",
    triggers: ["giteki", "telec"],
    jurisdictions: ["JP"],
    domains: ["hardware-iot"],
    findings: {
      requirements: [{
        text:
          "Obtain technical conformity certification for the radio and PSE marking for mains-powered parts",
        rationale: "Radio Act; Electrical Appliances and Materials Safety Act",
      }],
    },
  },
  {
    id: "au-rcm",
    label: "Regulatory Compliance Mark (ACMA, Australia)",
    triggers: ["regulatory compliance mark", "acma"],
    jurisdictions: ["AU"],
    domains: ["hardware-iot"],
    findings: {
      requirements: [{
        text:
          "Register as a responsible supplier and apply the RCM; smart devices must meet the Cyber Security Act 2024 standard from March 2026",
        rationale:
          "Radiocommunications Act 1992; Cyber Security (Security Standards for Smart Devices) Rules 2025",
      }],
    },
  },
];
