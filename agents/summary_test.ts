import assert from "node:assert/strict";
import { emptyRequirements } from "../protocol/brief.js";
import { coverageMd, saidMd } from "./summary.ts";

Deno.test("saidMd() quotes the person's words escaped, clipped, at most two", () => {
  assert.equal(saidMd(undefined), "");
  assert.equal(saidMd([]), "");
  assert.equal(
    saidMd([{ quote: "pay *in* the app", questionId: "idea", rule: "regulation:pci-dss" }]),
    " — you said *pay \\*in\\* the app*",
  );
  const long = "x".repeat(200);
  const two = saidMd([
    { quote: long, rule: "a" },
    { quote: "b", rule: "b" },
    { quote: "c", rule: "c" },
  ]);
  assert.match(two, /^ — you said \*x{79}…\*, \*b\*$/);
});

Deno.test("coverageMd() names what was recognised, what has no rules, and a non-English idea", () => {
  assert.deepEqual(coverageMd(emptyRequirements("An app"), "offline"), []);
  const r = {
    ...emptyRequirements("Una app"),
    domains: ["tenant-screening"],
    compliance: ["FCRA"],
    jurisdictions: ["US-TX", "US"],
    uncovered: [{
      label: "firearms, ammunition and weapons",
      evidence: [{ quote: "we sell ammo", questionId: "idea", rule: "uncovered:firearms" }],
    }],
    language: "spa",
  };
  const md = coverageMd(r, "offline").join("\n");
  assert.match(md, /^## Coverage/);
  assert.match(md, /\*\*Recognised:\*\* US-TX, US, tenant-screening, FCRA/);
  assert.match(
    md,
    /The offline engine has no rules for firearms, ammunition and weapons — you said \*we sell ammo\* — run Parley with a model for this part\./,
  );
  assert.match(md, /not in English \(`spa`\)/);
});
