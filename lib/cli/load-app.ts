import * as fs from "fs";
import * as path from "path";
import { NetworkApp } from "../core/app";
import { HybridlinkError } from "../core/errors";
import { useOneLibraryInstance } from "./library-hook";
import { typeCheckProgram } from "./typecheck";

/**
 * Loads the NetworkApp a user's TypeScript program builds, with no build step
 * of their own: tsx compiles it on the fly. A folder means its app module
 * (`app.ts`, else `index.ts`), so an example folder is both a Pulumi project
 * and a CLI target. It is type-checked first (unless --no-typecheck), and its
 * `hybridlink` imports load one library instance (see library.ts).
 */
export function loadApp(target: string): NetworkApp {
  const file = resolveProgram(target);
  typeCheckProgram(file);
  // tsx's CommonJS hook: registered once per process, for .ts programs only.
  if (/\.(c|m)?tsx?$/.test(file)) registerTypeScript();
  useOneLibraryInstance();
  const exported = runProgram(file);
  const candidates = [exported.default, exported.app, ...Object.values(exported)];
  const app = candidates.find((c) => NetworkApp.isNetworkApp(c));
  if (!app) {
    throw new HybridlinkError(
      "NoAppExported",
      `${path.relative(process.cwd(), file)} exports no NetworkApp: add \`export const app = new NetworkApp(...)\` (or a default export)`,
    );
  }
  return app;
}

/**
 * Loads (runs) the user's program. hybridlink's own coded errors (invalid
 * props, synth findings) pass through; anything else the program throws is
 * the program's failure, reported as such with where it happened — not as a
 * bug in hybridlink.
 */
function runProgram(file: string): Record<string, unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program path is only known at run time
    return require(file) as Record<string, unknown>;
  } catch (err) {
    if (HybridlinkError.isHybridlinkError(err)) throw err;
    const message = err instanceof Error ? `${err.name === "Error" ? "" : `${err.name}: `}${err.message}` : String(err);
    const where = err instanceof Error ? programFrame(err, file) : undefined;
    throw Object.assign(
      new HybridlinkError("ProgramFailed", `${path.relative(process.cwd(), file)} threw while it was loaded: ${message}`),
      { path: where ?? path.relative(process.cwd(), file), hint: "fix the program (this is its own error, not hybridlink's); run it with node or tsx to debug it" },
    );
  }
}

/** The first stack frame in the program's own folder (file:line:column), if any. */
function programFrame(err: Error, file: string): string | undefined {
  const folder = path.dirname(file);
  for (const line of (err.stack ?? "").split("\n")) {
    const m = /\(?((?:\/|[A-Za-z]:\\)[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (m && m[1].startsWith(folder) && !m[1].includes(`${path.sep}node_modules${path.sep}`)) return `${path.relative(process.cwd(), m[1])}:${m[2]}:${m[3]}`;
  }
  return undefined;
}

/** The program file a CLI argument names: a .ts/.js file, or a folder's app module. */
export function resolveProgram(target: string): string {
  const absolute = path.resolve(target);
  if (!fs.existsSync(absolute)) {
    throw new HybridlinkError("ProgramNotFound", `${target}: no such file or folder`);
  }
  if (fs.statSync(absolute).isDirectory()) {
    for (const name of ["app.ts", "app.js", "index.ts", "index.js"]) {
      const candidate = path.join(absolute, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    throw new HybridlinkError("ProgramNotFound", `${target}: the folder has no app.ts (or index.ts) exporting a NetworkApp`);
  }
  return absolute;
}

let registered = false;

function registerTypeScript(): void {
  if (registered) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tsx = require("tsx/cjs/api") as { register: () => unknown };
  tsx.register();
  registered = true;
}
