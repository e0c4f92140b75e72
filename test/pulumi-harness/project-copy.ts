import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");

/**
 * A copy of an example folder as a user's own project: its files, and a
 * node_modules that links hybridlink (this repository), tsx and @pulumi as
 * `npm install` would provide them. The copy can then be edited, as a user
 * edits a program between two `pulumi up`.
 */
export function copyAsProject(exampleDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hl-project-${path.basename(exampleDir)}-`));
  for (const file of fs.readdirSync(exampleDir)) fs.copyFileSync(path.join(exampleDir, file), path.join(dir, file));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(REPO, path.join(dir, "node_modules", "hybridlink"), "dir");
  for (const dep of ["tsx", "@pulumi", "@types"]) fs.symlinkSync(path.join(REPO, "node_modules", dep), path.join(dir, "node_modules", dep), "dir");
  return dir;
}

/** Renames the app's first VPC (`name: "VPC"` → `name: "Renamed-VPC"`): a change the cloud makes in place. */
export function renameFirstVpc(projectDir: string): void {
  const file = path.join(projectDir, "app.ts");
  const text = fs.readFileSync(file, "utf8");
  const edited = text.replace(/(new Vpc\(app, [^,]+, \{ name: ["`])/, "$1Renamed-");
  if (edited === text) throw new Error(`${file}: no \`new Vpc(…, { name: …\` to edit`);
  fs.writeFileSync(file, edited);
}
