import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const REPO = path.resolve(__dirname, "../..");

/** What the user's project depends on besides hybridlink, linked from this repository's node_modules. */
const CONSUMER_DEPENDENCIES = ["@pulumi", "@types", "typescript", "jest", "ts-jest"];

/**
 * `npm pack` of this repository (no scripts: the suite built dist already),
 * and the names of the files in the tarball.
 */
export function pack(into: string): { tarball: string; files: string[] } {
  const out = execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", into], { cwd: REPO, encoding: "utf8" });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(into, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * A user's project with the tarball installed: unpacked into
 * node_modules/hybridlink as npm does, its bin linked into node_modules/.bin,
 * and its dependencies (and the consumer's own tools) linked from this
 * repository's node_modules instead of downloaded, to keep the test offline
 * and bounded. Each linked package resolves its own dependencies there.
 */
export function installInto(project: string, tarball: string): void {
  const modules = path.join(project, "node_modules");
  const target = path.join(modules, "hybridlink");
  fs.mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
  const pkg = JSON.parse(fs.readFileSync(path.join(target, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const scopes = new Set<string>();
  for (const dep of [...Object.keys(pkg.dependencies), ...CONSUMER_DEPENDENCIES]) {
    const top = dep.startsWith("@") ? dep.split("/")[0] : dep;
    if (scopes.has(top) || fs.existsSync(path.join(modules, top))) continue;
    scopes.add(top);
    fs.symlinkSync(path.join(REPO, "node_modules", top), path.join(modules, top), "dir");
  }
  fs.mkdirSync(path.join(modules, ".bin"));
  fs.symlinkSync("../hybridlink/bin/hybridlink.js", path.join(modules, ".bin", "hybridlink"));
  fs.symlinkSync(path.join(REPO, "node_modules", "jest", "bin", "jest.js"), path.join(modules, ".bin", "jest"));
}

/** The consumer's sources: an app, a jest snapshot test with hybridlink/testing, and importers of every entry, CJS and ESM. */
export function writeConsumer(project: string): void {
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "consumer", version: "1.0.0", private: true }, null, 2),
    "app.ts": [
      'import { IdcSite, NetworkApp, SecretValue, SiteToSiteVpn, Vpc } from "hybridlink";',
      'export const app = new NetworkApp({ profile: "tencent" });',
      'const vpc = new Vpc(app, "Vpc", { name: "VPC", region: "ap-guangzhou", cidrs: ["10.0.0.0/16"] });',
      'vpc.addSubnet("App", { cidr: "10.0.1.0/24" });',
      'const idc = new IdcSite(app, "Idc", { name: "IDC", cidrs: ["192.168.0.0/16"] });',
      'idc.addDevice("Device", { ipAddress: "203.0.113.10" });',
      'new SiteToSiteVpn(app, "Vpn", { vpc, site: idc, preSharedKey: SecretValue.fromEnv("CONSUMER_PSK") });',
      "app.intents.reachable(vpc, idc);",
      "",
    ].join("\n"),
    "entries.ts": [
      'import { NetworkApp } from "hybridlink";',
      'import { deploy, type DeployOptions } from "hybridlink/pulumi";',
      'import { Match, Template } from "hybridlink/testing";',
      'import { crud } from "hybridlink/providers/dynamic";',
      "export const used: unknown[] = [NetworkApp, deploy, Match, Template, crud];",
      "export const options: DeployOptions = { acceptPeerings: false };",
      "",
    ].join("\n"),
    "esm.mts": 'import { Template, Match } from "hybridlink/testing";\nimport { NetworkApp } from "hybridlink";\nexport const used: unknown[] = [Template, Match, NetworkApp];\n',
    "cjs.cts": 'import hl = require("hybridlink");\nimport testing = require("hybridlink/testing");\nexport const used: unknown[] = [hl.NetworkApp, testing.Template];\n',
    "esm-run.mjs": 'import { Template } from "hybridlink/testing";\nimport { NetworkApp } from "hybridlink";\nimport { deploy } from "hybridlink/pulumi";\nconsole.log(typeof Template.fromApp, typeof NetworkApp, typeof deploy);\n',
    // The README's own example, as written there.
    "app.test.ts": readmeTest(),
    "jest.config.js": 'module.exports = { testEnvironment: "node", transform: { "^.+\\\\.ts$": ["ts-jest", { tsconfig: "tsconfig.node10.json" }] } };\n',
  };
  const base = { strict: true, noEmit: true, skipLibCheck: false, target: "ES2022", lib: ["ES2022"], esModuleInterop: true, types: ["node", "jest"] };
  const configs: Record<string, object> = {
    node10: { ...base, module: "commonjs", moduleResolution: "node10" },
    node16: { ...base, module: "node16", moduleResolution: "node16" },
    nodenext: { ...base, module: "nodenext", moduleResolution: "nodenext" },
    bundler: { ...base, module: "esnext", moduleResolution: "bundler" },
  };
  for (const [name, compilerOptions] of Object.entries(configs)) {
    // `.mts`/`.cts` need node16/nodenext (bundler takes ESM syntax only); node10 checks the plain CommonJS files.
    const common = ["app.ts", "entries.ts", "app.test.ts"];
    const include = name === "node10" ? common : name === "bundler" ? [...common, "esm.mts"] : [...common, "esm.mts", "cjs.cts"];
    files[`tsconfig.${name}.json`] = JSON.stringify({ compilerOptions, files: include }, null, 2);
  }
  files["tsconfig.json"] = files["tsconfig.node10.json"];
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(project, name), text);
}

/** The jest test the README shows under "Testing your own app". */
export function readmeTest(): string {
  const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Testing your own app\n"));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("README.md: no ts block under \"## Testing your own app\"");
  return block[1];
}
