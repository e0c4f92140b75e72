import * as fs from "fs";
import * as path from "path";

/**
 * Which hybridlink a user's app gets: the one in its own node_modules when it
 * has one (`npx hybridlink` in a project runs that same copy), else the copy
 * running this CLI. Either way the app and the CLI share one library
 * instance, and the type-check sees the same declarations the app runs.
 */
export interface LibraryInstance {
  /** The package folder (holds package.json). */
  readonly root: string;
  /** The module file a specifier (`hybridlink`, `hybridlink/pulumi`) loads. */
  resolve(specifier: string): string;
  /** Its declaration file, for the type-check. */
  declarations(specifier: string): string;
}

/** Specifiers that name the library itself. */
export function isLibrarySpecifier(specifier: string): boolean {
  return specifier === "hybridlink" || specifier.startsWith("hybridlink/");
}

/** The library an app file should load. */
export function libraryFor(appFile: string): LibraryInstance {
  return instanceAt(ownRootOf(path.dirname(appFile)) ?? cliRoot());
}

/** The package folder of the running CLI. */
export function cliRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (isHybridlinkRoot(dir)) return dir;
    if (path.dirname(dir) === dir) throw new Error(`hybridlink: no package.json above ${__dirname}`);
  }
}

/** node_modules/hybridlink above `dir`, as Node would find it. */
function ownRootOf(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, "node_modules", "hybridlink");
    if (isHybridlinkRoot(candidate)) return fs.realpathSync(candidate);
    if (path.dirname(d) === d) return undefined;
  }
}

function isHybridlinkRoot(dir: string): boolean {
  const file = path.join(dir, "package.json");
  if (!fs.existsSync(file)) return false;
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string }).name === "hybridlink";
}

function instanceAt(root: string): LibraryInstance {
  const exportsMap = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> }).exports;
  const entry = (specifier: string, condition: "default" | "types"): string => {
    const key = specifier === "hybridlink" ? "." : `./${specifier.slice("hybridlink/".length)}`;
    const target = exportsMap[key] as Record<string, string> | undefined;
    if (!target?.[condition]) throw new Error(`'${specifier}' is not an entry of hybridlink (${Object.keys(exportsMap).join(", ")})`);
    return path.join(root, target[condition]);
  };
  return { root, resolve: (s) => entry(s, "default"), declarations: (s) => entry(s, "types") };
}
