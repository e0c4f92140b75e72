/**
 * Writes docs/architecture.md: the rooms of the code and the imports between
 * them, drawn from the real imports by dependency-cruiser (so the picture
 * follows the code), with one paragraph per room. Run: npm run docs:architecture
 * (`--check` exits 1 when the committed file is out of date; test/house runs it).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const REPO = path.join(__dirname, "..");
export const ARCHITECTURE_DOC_PATH = path.join(REPO, "docs", "architecture.md");

/** What each room owns and may import; a room found in the code but missing here fails the generator. */
const ROOMS: Record<string, string> = {
  "lib/core":
    "NetworkApp, the resource construct base, references, secrets by source, acknowledgements, intents, the manifest format, the cloud profiles and synth. Imports nothing of ours: the rule catalog plugs in from above through `ManifestValidator` (lib/core/findings.ts).",
  "lib/net":
    "The neutral network model and the one forwarding walk (lib/net/forward/, one file per stage), traces, the reachability matrix and single-failure analysis. Used by synth-time rules and by the engine's data plane alike. Imports core.",
  "lib/resources":
    "The low-level constructs, one file per resource type, with factory methods (vpc.addSubnet, vpc.peerWith). Back references between them are type-only. Imports core and net.",
  "lib/rules":
    "The rule catalog, one rule per file with its metadata and source; registers itself as synth's validator when it loads. Imports core, net and resources.",
  "lib/patterns":
    "One high-level construct per seed scenario (SiteToSiteVpn, HubSpokeVpn, ActiveStandbyVpn, HaDualCustomerGateway, peering). Imports core, net and resources.",
  "lib/index.ts": "The public entry `hybridlink`: re-exports core, resources, net, rules and patterns, and nothing else.",
  "providers/cloud":
    "The simulated cloud engine: actions named after the clouds' APIs, the SQLite store, the clock, the data plane (through lib/net), device configurations, and the cloud API server (one module per cloud, never touching the store). Imports the library only through lib/index.ts.",
  "providers/dynamic":
    "One CRUD implementation per low-level type over a cloud client (the engine in process, or the endpoint path), shared by Pulumi's dynamic providers and the CLI's plan/apply. Imports lib/index.ts, providers/cloud and providers/endpoint.",
  "providers/endpoint":
    "The endpoint path: the engine's actions as official-SDK calls (Tencent Cloud API 3.0) to an HTTP endpoint, on a worker thread the caller waits for; implements the same CloudClient as the engine. Takes only names and types from providers/cloud/index.ts.",
  "lib/cli": "The `hybridlink` command. Reaches the engine and the providers through their public entries (providers/{cloud,dynamic}/index.ts).",
  "lib/pulumi": "The Pulumi adapter (`hybridlink/pulumi`): components and dynamic resources for a synthesized app. Reaches providers through providers/dynamic/index.ts.",
  "lib/testing": "`hybridlink/testing`, what users import into their own tests: depends only on the public entries.",
  bin: "The `hybridlink` executable: runs the built CLI.",
};

interface CruiseModule {
  readonly source: string;
  readonly dependencies: ReadonlyArray<{ readonly resolved: string; readonly dependencyTypes: readonly string[]; readonly coreModule: boolean }>;
}

function roomOf(file: string): string | undefined {
  if (file === "lib/index.ts") return file;
  const m = /^(lib|providers)\/([^/]+)\//.exec(file);
  if (m) return `${m[1]}/${m[2]}`;
  if (file.startsWith("bin/")) return "bin";
  return undefined;
}

function cruise(): CruiseModule[] {
  const bin = path.join(REPO, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
  const r = spawnSync(process.execPath, [bin, "lib", "providers", "bin", "--config", ".dependency-cruiser.cjs", "-T", "json"], {
    cwd: REPO,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0 && !r.stdout) throw new Error(`dependency-cruiser failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { modules: CruiseModule[] }).modules;
}

/** The document: rooms as nodes, runtime imports as arrows, type-only ones dotted. */
export function renderArchitecture(modules: readonly CruiseModule[]): string {
  const edges = new Map<string, { runtime: boolean }>();
  const rooms = new Set<string>();
  for (const m of modules) {
    const from = roomOf(m.source);
    if (!from) continue;
    rooms.add(from);
    for (const d of m.dependencies) {
      const to = d.coreModule ? undefined : roomOf(d.resolved);
      if (!to || to === from) continue;
      const key = `${from}|${to}`;
      const runtime = !d.dependencyTypes.includes("type-only");
      edges.set(key, { runtime: (edges.get(key)?.runtime ?? false) || runtime });
    }
  }
  const missing = [...rooms].filter((r) => !ROOMS[r]);
  if (missing.length) throw new Error(`rooms without a paragraph in scripts/gen-architecture.ts: ${missing.join(", ")}`);
  const id = (room: string) => room.replace(/[^a-z]/gi, "_");
  const sorted = [...rooms].sort();
  const lines = ["flowchart TB"];
  for (const r of sorted) lines.push(`  ${id(r)}["${r}"]`);
  for (const [key, e] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
    const [from, to] = key.split("|");
    lines.push(`  ${id(from)} ${e.runtime ? "-->" : "-.->"} ${id(to)}`);
  }
  return [
    "# Architecture",
    "",
    "<!-- Generated by scripts/gen-architecture.ts from the real imports (dependency-cruiser); do not edit by hand. -->",
    "",
    "The layers, bottom to top: **core → net and resources → rules and patterns → providers → cli, pulumi and testing**.",
    "`npm test` enforces them with dependency-cruiser (`.dependency-cruiser.cjs`, `npm run check:deps`) and lints the",
    "shipped code with typescript-eslint's type-aware recommended rules (`npm run lint`). Solid arrows are imports at",
    "run time; dotted ones are type-only (erased when compiled, so they may point back, as `vpc.addSubnet` does).",
    "",
    "```mermaid",
    ...lines,
    "```",
    "",
    "## Rooms",
    "",
    ...sorted.flatMap((r) => [`- **${r}** — ${ROOMS[r]}`]),
    "",
    "## Rules",
    "",
    "- no runtime import cycles (type-only cycles are allowed);",
    "- each layer imports only the layers below it;",
    "- providers import the library only through its public entry (lib/index.ts), and never the CLI, the adapter or the testing module;",
    "- the CLI, the Pulumi adapter and the testing module reach providers only through providers/cloud/index.ts and providers/dynamic/index.ts;",
    "- the testing module depends only on public entries;",
    "- the cloud API server (providers/cloud/api) never imports the store, and each cloud's module stands alone;",
    "- the endpoint path (providers/endpoint) reaches the cloud only over the wire: from the engine it imports only providers/cloud/index.ts;",
    "- shipped code never imports the tests (tests may import anything).",
    "",
  ].join("\n");
}

if (require.main === module) {
  const text = renderArchitecture(cruise());
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(ARCHITECTURE_DOC_PATH) ? fs.readFileSync(ARCHITECTURE_DOC_PATH, "utf8") : "";
    if (current !== text) {
      console.error("docs/architecture.md is out of date: run `npm run docs:architecture` and commit it.");
      process.exit(1);
    }
    console.log("docs/architecture.md is up to date");
  } else {
    fs.writeFileSync(ARCHITECTURE_DOC_PATH, text);
    console.log(`wrote ${path.relative(process.cwd(), ARCHITECTURE_DOC_PATH)}`);
  }
}
