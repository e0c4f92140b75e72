import fc from "fast-check";
import { CloudError } from "../../providers/cloud";
import { ACCOUNT_A, ACCOUNT_B, asOperator, memoryEngine, storeDigest, World } from "../providers/cloud/helpers";

/**
 * Issue 16 item 4: requests into the engine — any action, with parameters
 * drawn from the world's real IDs, near-valid values and junk, as any
 * account. The engine must answer or refuse with a CloudError; a refusal
 * leaves every table exactly as it was (one transaction per request).
 *
 * `npm test` runs a bounded number with a fixed seed; `npm run fuzz` many more.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 4242;

describe("engine requests", () => {
  const engine = memoryEngine();
  const a = new World(engine, ACCOUNT_A);
  const v = a.vpc(["10.0.0.0/16"]);
  const subnet = a.subnet(v.vpc, v.table, "10.0.1.0/24");
  const gw = a.gateway(v.vpc);
  const site = a.site(["192.168.0.0/16"]);
  const dev = a.device("203.0.113.10", site);
  const conn = a.connection(gw, dev, { preSharedKey: "Fuzz-Key-123" });
  const ids = [v.vpc, v.table, subnet, gw, site, dev, conn, "vpc-7fffffff", "", "x"];
  const actions = engine.actionNames();

  const scalar = fc.oneof(
    fc.constantFrom(...ids),
    fc.constantFrom("10.0.0.0/16", "10.0.2.0/24", "192.168.0.0/16", "0.0.0.0/0", "not-a-cidr", "ap-guangzhou", "ap-nowhere", "VPC", "CCN", "SPD", "ROUTE", "7d", "-1s", "1.5s"),
    fc.integer({ min: -10, max: 100_000 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 20 }),
  );
  const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom("id", "cidr", "name", "enabled"), scalar, { maxKeys: 2 }));
  const keys = fc.constantFrom(
    "id", "ids", "name", "region", "cidrs", "cidr", "vpc", "routeTable", "destinationCidr", "nextHop", "nextHopType", "enabled", "type",
    "bandwidthMbps", "vpnGateway", "customerGateway", "preSharedKey", "routeType", "spdPolicies", "priority", "weight", "ccn", "instance",
    "instanceType", "requesterVpc", "accepterVpc", "accepterAccount", "duration", "seconds", "samples", "peering", "filters", "site", "ipAddress",
  );
  const request = fc.record({
    action: fc.constantFrom(...actions),
    params: fc.dictionary(keys, value, { maxKeys: 5 }),
    account: fc.constantFrom(ACCOUNT_A, ACCOUNT_B, "not-an-account", ""),
    operator: fc.boolean(),
  });

  test("every request is answered or refused with a CloudError, and a refusal changes nothing", () => {
    const problems: string[] = [];
    let refused = 0;
    fc.assert(
      fc.property(request, ({ action, params, account, operator }) => {
        const before = storeDigest(engine);
        try {
          engine.request(action, params, operator ? asOperator(account) : { account });
        } catch (err) {
          refused++;
          if (!CloudError.isCloudError(err)) problems.push(`${action} ${JSON.stringify(params)}: untyped ${(err as Error).stack?.split("\n").slice(0, 2).join(" | ")}`);
          else if (storeDigest(engine) !== before) problems.push(`${action} ${JSON.stringify(params)}: refused (${err.code}) but the store changed`);
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(problems).toEqual([]);
    // The fuzz must mostly reach the checks, not only succeed: most random requests are refused.
    expect(refused).toBeGreaterThan(RUNS / 2);
  });
});
