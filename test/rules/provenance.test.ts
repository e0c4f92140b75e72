import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../lib/rules/catalog";
import { FACTS } from "../../lib/core/sources";
import { Source, SEED_FILES } from "../../lib/core/provenance";

/**
 * Provenance: every rule and every cited fact names exactly one source kind,
 * and a `seed` source quotes its seed verbatim. The seeds are read from
 * ../shared/seeds beside the repository (CI puts a read-only copy there).
 */
const repoRoot = path.join(__dirname, "..", "..");
/** ../shared/seeds beside the clone; a git worktree one level deeper (wt/<name>) finds it one level further up. */
function findSeeds(): string {
  const candidates = [path.join(repoRoot, "..", "shared", "seeds"), path.join(repoRoot, "..", "..", "shared", "seeds")];
  const found = candidates.find((dir) => fs.existsSync(dir));
  if (!found) throw new Error(`The seeds are not beside the repository: looked in ${candidates.join(" and ")}.`);
  return found;
}
const seedsDir = findSeeds();
const seedText = new Map<string, string>(
  fs.readdirSync(seedsDir).filter((f) => f.endsWith(".txt")).map((f) => [f, fs.readFileSync(path.join(seedsDir, f), "utf8")]),
);
const allSeeds = [...seedText.values()].join("\n");

const cited: Array<[string, Source]> = [
  ...RULES.map((r): [string, Source] => [r.id, r.source]),
  ...Object.entries(FACTS).map(([name, source]): [string, Source] => [`FACTS.${name}`, source]),
];

describe("provenance of rules and cited facts", () => {
  it("finds the four seeds beside the repository", () => {
    expect([...seedText.keys()].sort()).toEqual(Object.values(SEED_FILES).sort());
  });

  it.each(cited)("%s has exactly one well-formed source", (_name, source) => {
    const filled = (s: string) => expect(s.trim().length).toBeGreaterThan(3);
    switch (source.kind) {
      case "seed":
        expect(Object.keys(source).sort()).toEqual(["file", "kind", "quote", "translation"]);
        filled(source.translation);
        expect(seedText.has(source.file)).toBe(true);
        // Verbatim, in the seed's language: the quote is a substring of that seed.
        expect(seedText.get(source.file)).toContain(source.quote);
        expect(source.quote).toMatch(/[\u4e00-\u9fff]/);
        break;
      case "cloud-api":
        expect(Object.keys(source).sort()).toEqual(["api", "cloud", "kind", "reference"]);
        expect(source.cloud).toMatch(/^(Tencent|Alibaba) Cloud$/);
        filled(source.api);
        filled(source.reference);
        break;
      case "assumption":
        expect(Object.keys(source).sort()).toEqual(["kind", "reason"]);
        filled(source.reason);
        break;
      default:
        throw new Error(`unknown source kind ${JSON.stringify(source)}`);
    }
  });

  it("fails on a quote the seed does not contain (the check can fail)", () => {
    const invented = "VPN 网关路由优先级取值为 0 或 100";
    expect(allSeeds).not.toContain(invented);
  });
});

/** Files whose prose may quote a seed: docs, examples, README and code comments and messages. */
function quotingFiles(): string[] {
  const out: string[] = [path.join(repoRoot, "README.md")];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "__snapshots__") walk(full);
      } else if (/\.(ts|md|yaml)$/.test(entry.name)) out.push(full);
    }
  };
  for (const dir of ["lib", "providers", "examples", "docs", "scripts"]) {
    if (fs.existsSync(path.join(repoRoot, dir))) walk(path.join(repoRoot, dir));
  }
  return out;
}

describe("Chinese text in the repository", () => {
  // Chinese in this project comes from the seeds, or from the cloud's API reference on a line
  // that says so (`cloud-api`): any other run of Chinese characters (two or more) that no seed
  // contains is a misquote or an invention.
  it("is found verbatim in the seeds, wherever it appears (except quotes of the cloud's API reference)", () => {
    const strays: string[] = [];
    for (const file of quotingFiles()) {
      for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        if (line.includes("cloud-api")) continue;
        for (const match of line.matchAll(/[\u4e00-\u9fff]{2,}/g)) {
          if (!allSeeds.includes(match[0])) strays.push(`${path.relative(repoRoot, file)}: ${match[0]}`);
        }
      }
    }
    expect(strays).toEqual([]);
  });
});
