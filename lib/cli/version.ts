import * as fs from "fs";
import * as path from "path";

/**
 * The installed package's version, read from its package.json: the CLI runs
 * from dist/lib/cli when built and from lib/cli under tsx, so the file is
 * found by walking up rather than by a fixed relative path.
 */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "hybridlink" && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}
