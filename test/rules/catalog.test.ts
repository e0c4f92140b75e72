import * as fs from "fs";
import { RULES } from "../../lib/rules/catalog";
import { renderRulesDoc, renderSource, ruleArea } from "../../lib/rules/catalog-doc";
import { INTENT_RULES } from "../../lib/rules/intents";
import { RULES_DOC_PATH } from "../../scripts/gen-rules-doc";
import { buildRingApp } from "../../bench/synth.bench";

describe("the rule catalog", () => {
  it("pins every rule ID and severity, in catalog order", () => {
    expect(RULES.map((r) => [r.id, r.severity])).toEqual([
    ["HL-MAN-001", "error"],
    ["HL-MAN-002", "error"],
    ["HL-MAN-003", "error"],
    ["HL-MAN-004", "error"],
    ["HL-MAN-005", "error"],
    ["HL-MAN-006", "warning"],
    ["HL-MAN-007", "error"],
    ["HL-MAN-008", "error"],
    ["HL-ADDR-001", "error"],
    ["HL-ADDR-002", "error"],
    ["HL-ADDR-003", "error"],
    ["HL-ADDR-004", "error"],
    ["HL-ADDR-005", "error"],
    ["HL-ADDR-006", "error"],
    ["HL-ADDR-007", "warning"],
    ["HL-ADDR-008", "error"],
    ["HL-ADDR-009", "error"],
    ["HL-PEER-001", "error"],
    ["HL-PEER-002", "error"],
    ["HL-PEER-003", "error"],
    ["HL-PEER-004", "error"],
    ["HL-PEER-016", "warning"],
    ["HL-PEER-005", "error"],
    ["HL-PEER-006", "error"],
    ["HL-PEER-007", "error"],
    ["HL-PEER-008", "error"],
    ["HL-PEER-009", "error"],
    ["HL-PEER-010", "warning"],
    ["HL-PEER-011", "warning"],
    ["HL-PEER-012", "warning"],
    ["HL-PEER-013", "error"],
    ["HL-PEER-014", "error"],
    ["HL-PEER-015", "warning"],
    ["HL-VPN-001", "error"],
    ["HL-VPN-002", "error"],
    ["HL-VPN-003", "error"],
    ["HL-VPN-004", "error"],
    ["HL-VPN-005", "error"],
    ["HL-VPN-006", "error"],
    ["HL-VPN-007", "error"],
    ["HL-VPN-008", "error"],
    ["HL-VPN-009", "error"],
    ["HL-VPN-010", "error"],
    ["HL-VPN-011", "error"],
    ["HL-VPN-012", "error"],
    ["HL-VPN-013", "error"],
    ["HL-VPN-014", "error"],
    ["HL-VPN-015", "warning"],
    ["HL-VPN-016", "error"],
    ["HL-VPN-017", "error"],
    ["HL-VPN-018", "error"],
    ["HL-VPN-019", "error"],
    ["HL-VPN-020", "error"],
    ["HL-VPN-021", "error"],
    ["HL-VPN-022", "error"],
    ["HL-VPN-023", "warning"],
    ["HL-VPN-024", "error"],
    ["HL-VPN-025", "warning"],
    ["HL-VPN-026", "error"],
    ["HL-VPN-027", "error"],
    ["HL-HA-001", "error"],
    ["HL-HA-002", "error"],
    ["HL-HA-003", "error"],
    ["HL-HA-004", "error"],
    ["HL-HA-005", "error"],
    ["HL-HA-006", "error"],
    ["HL-HA-007", "warning"],
    ["HL-HA-008", "error"],
    ["HL-HA-009", "warning"],
    ["HL-CCN-001", "error"],
    ["HL-CCN-002", "error"],
    ["HL-CCN-003", "warning"],
    ["HL-CCN-004", "error"],
    ["HL-CCN-005", "error"],
    ["HL-INTENT-001", "error"],
    ["HL-INTENT-002", "error"],
    ["HL-INTENT-003", "error"],
    ["HL-INTENT-004", "error"],
    ]);
  });

  it("has unique, well-formed IDs and complete metadata on every rule", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^HL-[A-Z]+-\d{3}$/);
      for (const field of [rule.title, rule.rationale, rule.fix]) expect(field.trim().length).toBeGreaterThan(5);
    }
  });

  it("keeps the intent rules last", () => {
    expect(RULES.slice(RULES.length - INTENT_RULES.length)).toEqual(INTENT_RULES);
  });

  it("groups rules by area in catalog order (each area contiguous)", () => {
    const areas = RULES.map((r) => ruleArea(r.id));
    const firstSeen = areas.filter((a, i) => areas.indexOf(a) === i);
    expect(areas).toEqual(firstSeen.flatMap((a) => areas.filter((x) => x === a)));
  });
});

describe("docs/rules.md", () => {
  it("is up to date with the rule files (regenerate with `npx tsx scripts/gen-rules-doc.ts`)", () => {
    expect(fs.readFileSync(RULES_DOC_PATH, "utf8")).toBe(renderRulesDoc(RULES));
  });

  it("documents every rule with its source and fix", () => {
    const doc = renderRulesDoc(RULES);
    for (const rule of RULES) {
      expect(doc).toContain(`### ${rule.id}`);
      expect(doc).toContain(`- Source: ${renderSource(rule.source)}`);
    }
  });
});

describe("the synth benchmark's generated app", () => {
  it("is valid: its only findings are the tencent route-table gray-release warnings, one per gateway", () => {
    const result = buildRingApp(100).synthesize();
    expect(result.manifest.resources).toHaveLength(550);
    expect(result.report.errors).toEqual([]);
    expect(result.report.findings.map((f) => f.ruleId)).toEqual(Array(10).fill("HL-VPN-015"));
  });
});
