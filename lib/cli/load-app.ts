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
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program path is only known at run time
  const exported = require(file) as Record<string, unknown>;
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
