/**
 * Writes docs/rules.md from the rule catalog (each rule's metadata lives in its
 * own file under lib/rules). Run: npx tsx scripts/gen-rules-doc.ts
 * test/rules/catalog.test.ts fails when the committed file is out of date.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../lib/rules/catalog";
import { renderRulesDoc } from "../lib/rules/catalog-doc";

/** Where the catalog document lives. */
export const RULES_DOC_PATH = path.join(__dirname, "..", "docs", "rules.md");

if (require.main === module) {
  fs.mkdirSync(path.dirname(RULES_DOC_PATH), { recursive: true });
  fs.writeFileSync(RULES_DOC_PATH, renderRulesDoc(RULES));
  console.log(`wrote ${path.relative(process.cwd(), RULES_DOC_PATH)} (${RULES.length} rules)`);
}
