// eslint-disable-next-line @typescript-eslint/no-require-imports -- node:module is `export =` in @types/node: this is its typed import form
import Module = require("module");
import { isLibrarySpecifier, libraryFor, LibraryInstance } from "./library";

type ResolveFilename = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;

let installed = false;

/**
 * Makes `hybridlink` (and `hybridlink/pulumi`, …) imported by a user's app
 * load the library instance libraryFor picks: the app's own node_modules
 * copy, or this CLI's when it has none (an app in a folder with no
 * node_modules, or an example of this repository, whose tsconfig paths would
 * otherwise load a second copy from the sources). Installed after tsx's
 * hook, so it is consulted first. Code inside node_modules resolves as usual.
 */
export function useOneLibraryInstance(): void {
  if (installed) return;
  installed = true;
  const byDir = new Map<string, LibraryInstance>();
  const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (request, parent, ...rest) {
    const from = parent?.filename;
    if (isLibrarySpecifier(request) && from && !/[\\/]node_modules[\\/]/.test(from)) {
      let library = byDir.get(from);
      if (!library) byDir.set(from, (library = libraryFor(from)));
      return library.resolve(request);
    }
    return original.call(this, request, parent, ...rest);
  };
}
