import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * The house's rules catch what they promise: the layer checker and the linter
 * are run, as CI runs them, over a small project of violating fixtures.
 */
const REPO = path.resolve(__dirname, "..", "..");
const DEPCRUISE = path.join(REPO, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const ESLINT = path.join(REPO, "node_modules", "eslint", "bin", "eslint.js");

function fixtureProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hybridlink-house-"));
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
  const tsconfig = { compilerOptions: { strict: true, module: "commonjs", target: "ES2022", types: [] }, include: ["lib", "providers"] };
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function run(cwd: string, script: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [script, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe("dependency-cruiser: the layer rules", () => {
  let dir: string;
  beforeAll(() => {
    dir = fixtureProject({
      // core importing the rules at run time: a layer violation
      "lib/core/synth.ts": 'import { rules } from "../rules/catalog";\nexport const synth = () => rules;\n',
      "lib/rules/catalog.ts": "export const rules: string[] = [];\n",
      // a runtime cycle
      "lib/net/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "lib/net/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
      // a type-only cycle: allowed (the factory-method idiom)
      "lib/resources/vpc.ts": 'import type { Subnet } from "./subnet";\nexport class Vpc { subnets: Subnet[] = []; }\n',
      "lib/resources/subnet.ts": 'import type { Vpc } from "./vpc";\nexport class Subnet { constructor(readonly vpc: Vpc) {} }\n',
      // the API server reaching into the store; a provider reaching past the public entry
      "providers/cloud/store/rows.ts": "export const rows = 1;\n",
      "providers/cloud/api/tencent/routes.ts": 'import { rows } from "../../store/rows";\nexport const r = rows;\n',
      "providers/cloud/engine.ts": 'import { rules } from "../../lib/rules/catalog";\nexport const e = rules;\n',
      "lib/index.ts": 'export * from "./rules/catalog";\n',
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("fails on a layer violation, a runtime cycle, the API server in the store and a provider past the public entry", () => {
    const r = run(dir, DEPCRUISE, ["lib", "providers", "--config", path.join(REPO, ".dependency-cruiser.cjs")]);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/layer-core: lib\/core\/synth\.ts → lib\/rules\/catalog\.ts/);
    expect(r.output).toMatch(/no-runtime-cycle: lib\/net\/a\.ts →\s+lib\/net\/b\.ts/);
    expect(r.output).toMatch(/api-server-not-into-store: providers\/cloud\/api\/tencent\/routes\.ts → providers\/cloud\/store\/rows\.ts/);
    expect(r.output).toMatch(/providers-through-public-entry: providers\/cloud\/engine\.ts → lib\/rules\/catalog\.ts/);
    // type-only back references are the construct idiom, not a cycle
    expect(r.output).not.toMatch(/lib\/resources\/vpc\.ts/);
  });

  it("passes on the repository itself", () => {
    const r = run(REPO, DEPCRUISE, ["lib", "providers", "bin", "scripts", "--config", ".dependency-cruiser.cjs"]);
    expect(r.output).toMatch(/no dependency violations found/);
    expect(r.status).toBe(0);
  });
});

describe("ESLint: type-aware recommended rules", () => {
  it("fails on a floating promise and an unsafe any, naming the rules", () => {
    const dir = fixtureProject({
      "lib/core/bad.ts":
        "async function save(): Promise<void> {}\n" +
        "export function go(raw: string): string {\n  save();\n  const parsed = JSON.parse(raw);\n  return parsed.name;\n}\n",
    });
    try {
      fs.copyFileSync(path.join(REPO, "eslint.config.mjs"), path.join(dir, "eslint.config.mjs"));
      const r = run(dir, ESLINT, ["lib"]);
      expect(r.status).toBe(1);
      expect(r.output).toMatch(/@typescript-eslint\/no-floating-promises/);
      expect(r.output).toMatch(/@typescript-eslint\/no-unsafe-member-access/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("docs/architecture.md", () => {
  it("is generated from the imports as they are (npm run docs:architecture)", () => {
    const tsx = path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs");
    const r = run(REPO, tsx, ["scripts/gen-architecture.ts", "--check"]);
    expect(r.output).toMatch(/up to date/);
    expect(r.status).toBe(0);
  });
});
