import * as fs from "fs";
import * as path from "path";
import {
  analyzePair,
  failDevice,
  Manifest,
  ManifestResource,
  modelFromManifest,
  NetworkApp,
  NetworkModel,
  Trace,
} from "../../lib";
import { matrixTableNames, renderMatrixTable } from "./matrix-table";

const EXAMPLES = path.resolve(__dirname, "../../examples");
/** The scenario rows of DESIGN.md, each with exactly one example folder named after it. */
const SCENARIOS = ["s1", "s2", "s3", "s4", "s5a", "s5b", "s6", "ha", "p1", "p2", "p3"];
const folders = fs
  .readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The NetworkApps an example module exports, by export name. */
function appsOf(folder: string): Record<string, NetworkApp> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(EXAMPLES, folder, "app.ts")) as Record<string, unknown>;
  const apps: Record<string, NetworkApp> = {};
  // `default` is the same object as `app` (asserted below).
  for (const [name, value] of Object.entries(mod)) if (name !== "default" && NetworkApp.isNetworkApp(value)) apps[name] = value;
  return apps;
}

function readme(folder: string): string {
  return fs.readFileSync(path.join(EXAMPLES, folder, "README.md"), "utf8");
}

describe("examples folder", () => {
  test("has one folder per scenario row of DESIGN.md, named after the scenario ID", () => {
    const ids = folders.map((f) => f.split("-")[0]);
    expect([...ids].sort()).toEqual([...SCENARIOS].sort());
    for (const f of folders) expect(f).toMatch(/^(s1|s2|s3|s4|s5a|s5b|s6|ha|p1|p2|p3)-[a-z0-9-]+$/);
  });

  test.each(folders)("%s has app.ts, Pulumi.yaml and README.md", (folder) => {
    for (const file of ["app.ts", "Pulumi.yaml", "README.md"]) {
      expect(fs.existsSync(path.join(EXAMPLES, folder, file))).toBe(true);
    }
  });

  test.each(folders)("%s/Pulumi.yaml names the project, a quoted description, its main program and the nodejs runtime", (folder) => {
    const lines = fs.readFileSync(path.join(EXAMPLES, folder, "Pulumi.yaml"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(`name: hybridlink-${folder}`);
    // A plain YAML scalar may not contain ": ", so the description is always quoted.
    expect(lines[1]).toMatch(/^description: "[^"]+"$/);
    // Without `main`, Pulumi's Node runtime would run the nearest package.json's entry: the library, not the example.
    expect(lines[2]).toBe("main: index.ts");
    expect(lines.slice(3).filter((l) => !l.trim().startsWith("#"))).toEqual([
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: false",
      '    nodeargs: "--import tsx"',
    ]);
    expect(fs.existsSync(path.join(EXAMPLES, folder, "index.ts"))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(EXAMPLES, folder, "tsconfig.json"), "utf8")).compilerOptions.moduleResolution).toBe("node16");
  });

  test.each(folders)("%s/README.md says how to run it both ways", (folder) => {
    const text = readme(folder);
    expect(text).toContain(`npx hybridlink up examples/${folder}`);
    expect(text).toContain(`cd examples/${folder} && pulumi up`);
  });
});

describe.each(folders)("example %s", (folder) => {
  const apps = appsOf(folder);

  test("exports its app as `app` and as the default export", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(EXAMPLES, folder, "app.ts")) as Record<string, unknown>;
    expect(NetworkApp.isNetworkApp(mod.app)).toBe(true);
    expect(mod.default).toBe(mod.app);
  });

  test.each(Object.keys(apps))("%s synthesizes with no error-level finding and declares its matrix as intents", (name) => {
    const { manifest, report } = apps[name].synthesize({ throwOnError: false });
    expect(report.errors).toEqual([]);
    expect(manifest.intents.length).toBeGreaterThan(0);
  });

  test.each(Object.keys(apps))("%s manifest snapshot", (name) => {
    expect(apps[name].synth()).toMatchSnapshot();
  });

  test.each(Object.keys(apps))("%s records pre-shared keys only as their environment source", (name) => {
    const manifest = apps[name].synth();
    for (const c of manifest.resources.filter((r): r is ManifestResource<"VpnConnection"> => r.type === "VpnConnection")) {
      expect(c.props.preSharedKey).toEqual({ secret: { source: "env", name: expect.stringMatching(/^HL_[A-Z0-9_]+$/) } });
    }
  });

  test("every exported app has its expected matrix in the README, and each README matrix matches the model", () => {
    const text = readme(folder);
    const tables = [...text.matchAll(/<!-- matrix: (\w+)( pending)? -->\n((?:\|.*\|\n?)+)/g)];
    expect(tables.length).toBeGreaterThan(0);
    expect(new Set(tables.map((t) => t[1]))).toEqual(new Set(Object.keys(apps)));
    for (const [, exportName, pending, table] of tables) {
      const manifest = apps[exportName].synth();
      // "pending": cross-account peerings as first deployed; otherwise as designed (accepted), like the intents.
      const model = modelFromManifest(manifest, { acceptCrossAccountPeerings: pending ? "none" : "trusted" });
      expect(table.trimEnd()).toBe(renderMatrixTable(model, matrixTableNames(table)));
    }
  });
});

/** The connection a trace leaves the gateway through, or the drop verdict. */
function tunnelOf(t: Trace): string {
  if (t.verdict !== "DELIVERED") return t.verdict;
  const hop = t.hops.find((h) => h.at.kind === "VPN_CONNECTION" || h.entry?.table === "IDC_TUNNELS");
  return hop?.at.kind === "VPN_CONNECTION" ? hop.at.id : (hop?.entry?.entryId ?? "no tunnel");
}

/** VPC → IDC and IDC → VPC, each as the tunnel used or the drop verdict. */
function paths(model: NetworkModel, cloud: string, idc: string): [string, string] {
  const pair = analyzePair(model, cloud, idc);
  return [tunnelOf(pair.forward), tunnelOf(pair.reverse)];
}

/** The model after the device recovers but before its health check has seen it: up, not yet routable. */
function recoveredBeforeDetection(model: NetworkModel, device: string): NetworkModel {
  return { ...model, connections: model.connections.map((c) => (c.customerGateway === device ? { ...c, routable: false } : c)) };
}

function manifestOf(folder: string): Manifest {
  return appsOf(folder).app.synth();
}

describe.each([
  ["s5a-active-standby-tunnels", ["Vpc"], "Idc/Device1", "Vpn/PrimaryConnection", "Vpn/StandbyConnection"],
  ["s5b-active-standby-ccn", ["VpcGuangzhou", "VpcShanghai", "DirectConnect"], "Idc/Device1", "Vpn/PrimaryConnection", "Vpn/StandbyConnection"],
  ["ha-dual-customer-gateway", ["Vpc"], "Ha/CustomerGateway1", "Ha/IpsecConnection1", "Ha/IpsecConnection2"],
])("%s failover sequence (README table)", (folder, clouds, device1, tunnel1, tunnel2) => {
  const model = modelFromManifest(manifestOf(folder));

  test.each(clouds)("%s ↔ Idc: tunnel 1, lost until detection, tunnel 2, tunnel 1 again after recovery", (cloud) => {
    expect(paths(model, cloud, "Idc")).toEqual([tunnel1, tunnel1]);
    expect(paths(failDevice(model, device1, "BEFORE_DETECTION"), cloud, "Idc")).toEqual(["TUNNEL_DOWN", tunnel2]);
    expect(paths(failDevice(model, device1, "AFTER_DETECTION"), cloud, "Idc")).toEqual([tunnel2, tunnel2]);
    expect(paths(recoveredBeforeDetection(model, device1), cloud, "Idc")).toEqual([tunnel2, tunnel1]);
  });
});
