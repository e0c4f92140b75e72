import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/** The modules a fresh node process loads for `require(entry)` (TypeScript sources through tsx). */
function loadsPulumi(entry: string): boolean {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(String(Object.keys(require.cache).some((m) => m.includes("@pulumi"))));`;
  return execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, encoding: "utf8" }) === "true";
}

test("importing hybridlink never loads @pulumi/pulumi", () => {
  expect(loadsPulumi(path.join(ROOT, "lib/index.ts"))).toBe(false);
});

test("the providers (the CLI's CRUD) never load @pulumi/pulumi either", () => {
  expect(loadsPulumi(path.join(ROOT, "providers/dynamic/index.ts"))).toBe(false);
});

test("hybridlink/pulumi does (the check above is not blind)", () => {
  expect(loadsPulumi(path.join(ROOT, "lib/pulumi/index.ts"))).toBe(true);
});

test("hybridlink/testing (Template, Match) never loads @pulumi/pulumi until mocks are set", () => {
  expect(loadsPulumi(path.join(ROOT, "lib/testing/index.ts"))).toBe(false);
});
