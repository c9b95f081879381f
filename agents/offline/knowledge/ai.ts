/**
 * AI features and biometric identification, with the AI rules that apply to automated
 * decisions in other areas (hiring, credit, insurance, education, public services).
 *
 * @module
 */
import type { DomainEntry, RegulationEntry } from "./types.ts";

/** Words that show an AI or automated model makes or shapes a decision. */
export const AUTOMATED_DECISION = [
  // Not the "ai" of French "j'ai".
  "(?<!['’])\\bai",
  "a\\.i\\.",
  "artificial intelligence",
  "machine learning",
  "algorithm\\w*",
  "automat\\w+",
  "(?:ml|ai|scoring|risk|predictive|language) models?",
  "scor(?:e|es|ed|ing)",
  "rank(?:s|ed|ing)?",
  "predict\\w*",
  "llms?",
];

/** AI and biometrics domains. */
export const AI_DOMAINS: readonly DomainEntry[] = [
  {
    id: "ai-features",
    label: "AI features",
    stakes: 5,
    weeks: 2,
    triggers: [
      "(?<!['’])\\bai",
      "a\\.i\\.",
      "artificial intelligence",
      "machine learning",
      "llms?",
      "large language models?",
      "gpt-?\\w*",
      "chatgpt",
      "openai",
      "chat ?bots?",
      "generative",
      "gen ?ai",
      "computer vision",
      "image recognition",
      "ai[- ](?:powered|generated|assistant|agent)s?",
      "recommendation (?:engine|algorithm)s?",
      "(?:ai|automated|online|remote) proctoring",
    ],
    findings: {
      requirements: [
        {
          text:
            "Tell people when they are talking to an AI or seeing AI-generated content, and keep human review for decisions that matter to them",
          rationale: "AI transparency rules and consumer-protection law",
        },
        {
          text:
            "Keep an evaluation set of real cases and run it before every model or prompt change",
          rationale: "Model behaviour shifts silently between versions",
          priority: "should",
        },
      ],
      risks: [
        {
          title: "The model states wrong facts confidently and users act on them",
          category: "safety",
          likelihood: "high",
          impact: "medium",
          mitigation:
            "Ground answers in your own data with citations, refuse outside the scope, show uncertainty, log and review bad answers",
        },
        {
          title: "Personal data sent to a model provider is retained or used for training",
          category: "privacy",
          likelihood: "medium",
          impact: "medium",
          mitigation:
            "Use API terms with zero retention and no training, strip identifiers before prompts, name the provider as a sub-processor",
        },
        {
          title:
            "Users manipulate the model with prompt injection to leak data or act outside its scope",
          category: "security",
          likelihood: "medium",
          impact: "medium",
          mitigation:
            "Treat model output as untrusted, give it only the data and tools the user may see, filter retrieved content, test known jailbreaks",
        },
        {
          title: "Model API costs grow faster than revenue per user",
          category: "financial",
          likelihood: "medium",
          impact: "medium",
          mitigation: "Cache results, use small models for routine steps, meter usage per account",
        },
      ],
      integrations: [{
        name: "Model provider API (e.g. OpenAI, Anthropic, or a self-hosted open model)",
        purpose: "Language or vision model calls behind your own prompts and checks",
      }],
    },
  },
  {
    id: "biometrics",
    label: "Biometric identification",
    stakes: 8,
    weeks: 2,
    triggers: [
      "biometrics?",
      "face (?:recognition|id|scans?|scanning|matching|verification)",
      "facial (?:recognition|scans?|scanning|verification|analysis)",
      "fingerprints?",
      "voiceprints?",
      "voice (?:recognition|biometrics)",
      "iris scans?",
      "liveness (?:checks?|detection)",
      "face detection",
      "selfie (?:checks?|verification)",
    ],
    findings: {
      requirements: [{
        text:
          "Get written consent before capturing face, fingerprint or voice templates, publish a retention schedule, and delete templates when the purpose ends",
        rationale: "Biometric privacy laws",
      }],
      risks: [{
        title: "Biometric templates are breached and cannot be changed like a password",
        category: "security",
        likelihood: "low",
        impact: "high",
        mitigation:
          "Use a verification vendor that keeps templates, or store only on-device; never keep raw images longer than the check",
      }],
    },
  },
];

/** AI and biometrics regulations. */
export const AI_REGULATIONS: readonly RegulationEntry[] = [
  {
    id: "eu-ai-act",
    label: "EU AI Act (transparency and prohibited practices)",
    triggers: ["ai act"],
    jurisdictions: ["EU"],
    domains: ["ai-features", "biometrics"],
    findings: {
      requirements: [{
        text:
          "Check the feature against the prohibited practices (e.g. emotion recognition at work or school), label AI-generated content, and disclose chatbots",
        rationale:
          "Regulation 2024/1689: prohibitions since February 2025, Art. 50 transparency from August 2026",
      }],
    },
  },
  {
    id: "eu-ai-act-high-risk",
    label: "EU AI Act high-risk obligations (Annex III)",
    triggers: ["high-risk ai"],
    jurisdictions: ["EU"],
    domains: ["hiring", "consumer-credit", "insurance", "education", "government", "biometrics"],
    context: [AUTOMATED_DECISION],
    findings: {
      requirements: [{
        text:
          "Treat AI that screens candidates, scores credit, prices life or health insurance, grades students or decides access to public benefits as high-risk: risk management, data governance, logging, human oversight and conformity assessment",
        rationale:
          "Regulation 2024/1689 Annex III; obligations from August 2026, which the Commission's November 2025 Digital Omnibus proposes to delay",
      }],
    },
  },
  {
    id: "us-co-ai-act",
    label: "Colorado AI Act",
    triggers: ["colorado ai act"],
    jurisdictions: ["US-CO"],
    domains: ["hiring", "consumer-credit", "insurance", "education", "tenant-screening"],
    context: [AUTOMATED_DECISION],
    findings: {
      requirements: [{
        text:
          "Run an impact assessment for AI used in consequential decisions, tell people when it is used, and let them appeal to a human",
        rationale: "Colorado SB 24-205, effective 30 June 2026",
      }],
    },
  },
  {
    id: "us-il-bipa",
    label: "Illinois Biometric Information Privacy Act",
    triggers: ["bipa"],
    jurisdictions: ["US-IL"],
    domains: ["biometrics"],
    findings: {
      requirements: [{
        text:
          "Get a written release before collecting biometric identifiers, publish a retention and destruction policy, and never sell them",
        rationale: "740 ILCS 14; private right of action with damages per person",
      }],
    },
  },
  {
    id: "us-tx-cubi",
    label: "Texas Capture or Use of Biometric Identifier Act",
    triggers: ["cubi"],
    jurisdictions: ["US-TX"],
    domains: ["biometrics"],
    findings: {
      requirements: [{
        text:
          "Tell people and get consent before capturing biometric identifiers; destroy them within a year of the purpose ending",
        rationale: "Texas Business and Commerce Code §503.001",
      }],
    },
  },
];
