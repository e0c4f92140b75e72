import { assumption } from "../../core/provenance";
import { accountIdProblem, nameProblem } from "../../core/identifiers";
import { describeValue as describe } from "../../core/props";
import { propsOf } from "../private/read";
import { Rule, RuleViolation } from "../rule";

/** HL-MAN-008: account IDs and display names are well-formed (lib/core/identifiers.ts). */
export const manifestIdentifiers: Rule = {
  id: "HL-MAN-008",
  title: "Account IDs and names are well-formed",
  severity: "error",
  source: assumption(
    "(lib/core/identifiers.ts) account IDs are 1–20 digits (Tencent UINs and Alibaba UIDs are numeric; no seed gives a format); names are 1–128 characters without control characters (Tencent's CreateVpc takes a VpcName of up to 60 bytes, Alibaba's names up to 128 characters: the larger bound, so derived names fit).",
  ),
  rationale:
    "The constructs refuse a malformed account or name when they are built; a manifest written by hand or by another tool gets the same check here, so 'not-an-account', an empty name or a 200,000-character one is reported before anything is created.",
  fix: 'Use the account\'s numeric ID (e.g. "100000000001") and a name of 1–128 printable characters.',
  *check(context) {
    const app = context.manifest.app as unknown as Record<string, unknown>;
    const out: RuleViolation[] = [];
    const account = (resource: string, property: string, value: unknown) => {
      const problem = accountIdProblem(value);
      if (problem) out.push({ resource, property, message: `${property} is ${describe(value)}; expected ${problem}.` });
    };
    if (app.defaultAccount !== undefined) account("", "app.defaultAccount", app.defaultAccount);
    if (Array.isArray(app.trustedAccounts)) app.trustedAccounts.forEach((a, i) => account("", `app.trustedAccounts[${i}]`, a));
    for (const resource of context.manifest.resources) {
      account(resource.logicalId, "account", resource.account);
      const p = propsOf(resource);
      if (p.accepterAccount !== undefined) account(resource.logicalId, "accepterAccount", p.accepterAccount);
      const problem = typeof p.name === "string" ? nameProblem(p.name) : undefined;
      if (problem) out.push({ resource: resource.logicalId, property: "name", message: `name is ${describe(p.name)}; expected ${problem}.` });
    }
    yield* out;
  },
};
