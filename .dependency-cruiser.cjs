/**
 * The house's layer rules, checked in CI (`npm run check:deps`, part of `npm test`).
 *
 *   core → net and resources → rules and patterns → providers → cli, pulumi, testing
 *
 * Type-only imports are erased at compile time, so they may point back up a layer (the
 * factory-method idiom: vpc.addSubnet returns a Subnet that knows its Vpc) and may close a
 * cycle; runtime imports may not. docs/architecture.md explains each room.
 */
const LIB = "^lib/";
const runtime = { dependencyTypesNot: ["type-only"] };

/** A layer may import only the layers below it (runtime imports; type-only back references are fine). */
function layer(name, from, allowed) {
  return {
    name: `layer-${name}`,
    severity: "error",
    comment: `${from} may import only ${allowed.join(", ")} (and node/npm packages) at run time: the layers go core → net/resources → rules/patterns → providers → cli/pulumi/testing.`,
    from: { path: from },
    to: {
      path: "^(lib|providers)/",
      pathNot: [from, ...allowed.map((a) => `^${a}`)],
      ...runtime,
    },
  };
}

module.exports = {
  forbidden: [
    {
      name: "no-runtime-cycle",
      severity: "error",
      comment: "A runtime import cycle: modules load half-initialised. Break it (type-only imports are fine).",
      from: { path: "^(lib|providers|bin|scripts|bench)/" },
      to: { circular: true, viaOnly: runtime },
    },
    layer("core", "^lib/core/", []),
    layer("net", "^lib/net/", ["lib/core/"]),
    layer("resources", "^lib/resources/", ["lib/core/", "lib/net/"]),
    layer("rules", "^lib/rules/", ["lib/core/", "lib/net/", "lib/resources/"]),
    layer("patterns", "^lib/patterns/", ["lib/core/", "lib/net/", "lib/resources/"]),
    {
      name: "providers-through-public-entry",
      severity: "error",
      comment: "providers reach the library only through its public entry (lib/index.ts), as any user does.",
      from: { path: "^providers/" },
      to: { path: LIB, pathNot: "^lib/index\\.ts$" },
    },
    {
      name: "providers-not-above",
      severity: "error",
      comment: "providers sit below the CLI, the Pulumi adapter and the testing module.",
      from: { path: "^providers/" },
      to: { path: "^lib/(cli|pulumi|testing)/" },
    },
    {
      name: "surfaces-reach-engine-through-entry",
      severity: "error",
      comment: "The CLI, the Pulumi adapter and the testing module reach the engine and providers through their public entries (providers/<room>/index.ts).",
      from: { path: "^lib/(cli|pulumi|testing)/" },
      to: { path: "^providers/", pathNot: "^providers/(cloud|dynamic)/index\\.ts$" },
    },
    {
      name: "testing-on-public-entries",
      severity: "error",
      comment: "hybridlink/testing is what users import into their tests: it depends only on the public entries (hybridlink, hybridlink/pulumi, the providers' entries).",
      from: { path: "^lib/testing/" },
      to: {
        path: "^(lib|providers)/",
        pathNot: ["^lib/testing/", "^lib/index\\.ts$", "^lib/pulumi/index\\.ts$", "^providers/(cloud|dynamic)/index\\.ts$"],
      },
    },
    {
      name: "endpoint-path-over-the-wire",
      severity: "error",
      comment: "The endpoint path reaches the cloud only through the official SDKs: from the engine it takes names and types (providers/cloud/index.ts), never an action, the store or the API server.",
      from: { path: "^providers/endpoint/" },
      to: { path: "^providers/", pathNot: ["^providers/endpoint/", "^providers/cloud/index\\.ts$"] },
    },
    {
      name: "api-server-not-into-store",
      severity: "error",
      comment: "The cloud API server speaks the clouds' wire formats over the engine's actions; it never reads or writes the store itself (moto: responses know nothing of storage).",
      from: { path: "^providers/cloud/api/" },
      to: { path: "^providers/cloud/store/" },
    },
    {
      name: "api-one-module-per-cloud",
      severity: "error",
      comment: "Each cloud's API module (routing, signing, shapes) stands alone; what they share lives beside them, not in one another.",
      from: { path: "^providers/cloud/api/(tencent|alibaba)/" },
      to: { path: "^providers/cloud/api/(tencent|alibaba)/", pathNot: "^providers/cloud/api/$1/" },
    },
    {
      name: "no-test-code-in-source",
      severity: "error",
      comment: "Shipped code never imports the tests.",
      from: { path: "^(lib|providers|bin)/" },
      to: { path: "^test/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    moduleSystems: ["cjs", "es6"],
    reporterOptions: {
      archi: { collapsePattern: "^(lib|providers)/[^/]+|^(bin|scripts|bench|examples)" },
      dot: { collapsePattern: "^(lib|providers)/[^/]+|node_modules/[^/]+" },
    },
  },
};
