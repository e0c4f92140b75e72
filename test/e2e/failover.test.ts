import { Manifest } from "../../lib/core/manifest";
import { failDevice, modelFromManifest } from "../../lib/net";
import { ACTIONS_BY_TYPE } from "../../providers/cloud";
import { buildHa } from "../net/scenarios/ha";
import { buildS5a } from "../net/scenarios/s5a";
import { ActiveStandbyPair, activeStandbyPair, pathsOnEngine } from "./active-standby";
import { EngineDeployment, keyEnvironment } from "./engine-deployment";
import { exampleApp } from "./example-matrices";
import { cloudIdMap, pairAnswers, sameIds } from "./pair-answers";

/**
 * Failover on the engine clock (seed 000 S5a/S5b, seed 001 HA): the device of
 * tunnel 1 fails, packets from the cloud are lost until the health check has
 * failed interval × retries times, then take tunnel 2; the device recovers,
 * tunnel 2 stays in use until the check notices, then tunnel 1 again. The
 * IDC side picks a tunnel whose device is up, so its direction never waits.
 */

/** One deployed active/standby app and the questions a drill asks it. */
class Drill {
  public readonly deployment: EngineDeployment;
  public readonly pair: ActiveStandbyPair;

  constructor(public readonly manifest: Manifest) {
    this.pair = activeStandbyPair(manifest);
    this.deployment = EngineDeployment.open(manifest.app.profile, keyEnvironment(manifest));
    this.deployment.apply(manifest);
  }

  /** Every cloud network's [→ IDC, ← IDC] paths now, by logical ID. */
  public paths(): Record<string, unknown> {
    const account = this.manifest.app.defaultAccount;
    return Object.fromEntries(this.pair.cloudNetworks.map((c) => [c, pathsOnEngine(this.deployment, account, c, this.pair.site)]));
  }

  /** What `paths()` must be when every cloud network goes `forward` and comes back `reverse`. */
  public everyNetwork(forward: string, reverse: string): Record<string, unknown> {
    const as = (v: string) => (v === "primary" ? [this.cloudId(this.pair.primary)] : v === "standby" ? [this.cloudId(this.pair.standby)] : v);
    return Object.fromEntries(this.pair.cloudNetworks.map((c) => [c, [as(forward), as(reverse)]]));
  }

  public failDevice(): void {
    this.deployment.request("FailCustomerGateway", { id: this.cloudId(this.pair.device) }, this.pair.deviceAccount);
  }

  public recoverDevice(): void {
    this.deployment.request("RecoverCustomerGateway", { id: this.cloudId(this.pair.device) }, this.pair.deviceAccount);
  }

  /** Advances the engine clock by `ms` of simulated time. */
  public advance(ms: number): void {
    this.deployment.advance(ms / 1000, this.manifest.app.defaultAccount);
  }

  /** The state the cloud describes tunnel 1 in. */
  public primaryState(): unknown {
    const answer = this.deployment.request(ACTIONS_BY_TYPE.VpnConnection.describe, { ids: [this.cloudId(this.pair.primary)] }, this.pair.deviceAccount);
    return (answer.items as Array<{ state: unknown }>)[0].state;
  }

  private cloudId(logicalId: string): string {
    return this.deployment.cloudId(logicalId);
  }
}

describe.each([
  ["S5a", "s5a-active-standby-tunnels", ["Vpc"]],
  ["S5b", "s5b-active-standby-ccn", ["VpcGuangzhou", "VpcShanghai", "DirectConnect"]],
  ["HA", "ha-dual-customer-gateway", ["Vpc"]],
])("%s (examples/%s): failover and fail-back on the engine clock", (_id, folder, cloudNetworks) => {
  const manifest = exampleApp(folder).synth();
  let drill: Drill;
  // A fresh cloud per test: a drill that fails half-way leaves nothing for the next one.
  beforeEach(() => {
    drill = new Drill(manifest);
  });
  afterEach(() => drill.deployment.close());

  test("the pair read from the manifest is health-checked and serves every cloud network of the scenario", () => {
    expect(drill.pair.cloudNetworks).toEqual(cloudNetworks);
    expect(drill.pair.detectionMs).toBeGreaterThanOrEqual(2000);
  });

  test("fail device 1 → lost before detection → standby after → recover → standby until detection → primary", () => {
    const detection = drill.pair.detectionMs!;
    expect(drill.paths()).toEqual(drill.everyNetwork("primary", "primary"));

    drill.failDevice();
    expect(drill.primaryState()).toBe("DOWN");
    // The preferred route stays until the health check has seen interval × retries of failures: packets are lost.
    expect(drill.paths()).toEqual(drill.everyNetwork("TUNNEL_DOWN", "standby"));
    drill.advance(detection - 1000);
    expect(drill.paths()).toEqual(drill.everyNetwork("TUNNEL_DOWN", "standby"));
    drill.advance(1000);
    expect(drill.paths()).toEqual(drill.everyNetwork("standby", "standby"));

    drill.recoverDevice();
    expect(drill.primaryState()).toBe("AVAILABLE");
    // Tunnel 1 carries packets again at once, but routes come back only when the check has seen it healthy.
    expect(drill.paths()).toEqual(drill.everyNetwork("standby", "primary"));
    drill.advance(detection - 1000);
    expect(drill.paths()).toEqual(drill.everyNetwork("standby", "primary"));
    drill.advance(1000);
    expect(drill.paths()).toEqual(drill.everyNetwork("primary", "primary"));
  });

  test("issue 4 under failure: before and after detection the engine answers every pair as synth-time failDevice does", () => {
    const synth = modelFromManifest(drill.manifest);
    const toCloud = cloudIdMap(drill.deployment.cloudIds());
    const engineAnswers = () => pairAnswers(drill.deployment.networkModel(), sameIds);
    drill.failDevice();
    expect(engineAnswers()).toEqual(pairAnswers(failDevice(synth, drill.pair.device, "BEFORE_DETECTION"), toCloud));
    drill.advance(drill.pair.detectionMs!);
    expect(engineAnswers()).toEqual(pairAnswers(failDevice(synth, drill.pair.device, "AFTER_DETECTION"), toCloud));
    drill.recoverDevice();
    drill.advance(drill.pair.detectionMs!);
    expect(engineAnswers()).toEqual(pairAnswers(synth, toCloud));
  });

  test("an outage shorter than the detection time goes unnoticed: routes never move", () => {
    const detection = drill.pair.detectionMs!;
    drill.failDevice();
    drill.advance(detection - 1000);
    drill.recoverDevice();
    expect(drill.paths()).toEqual(drill.everyNetwork("primary", "primary"));
    drill.advance(detection * 10);
    expect(drill.paths()).toEqual(drill.everyNetwork("primary", "primary"));
  });

  test("failing a device that is already down is refused and changes nothing", () => {
    drill.failDevice();
    const before = drill.paths();
    expect(() => drill.failDevice()).toThrow(expect.objectContaining({ code: "UnsupportedOperation.AlreadyDown" }));
    expect(drill.paths()).toEqual(before);
    expect(drill.primaryState()).toBe("DOWN");
  });
});

describe.each([
  ["S5a", () => buildS5a({ healthChecks: false }).app],
  ["HA", () => buildHa({ healthChecks: false }).app],
])("%s without health checks (test/net/scenarios): blackhole", (_id, build) => {
  let drill: Drill;
  beforeAll(() => {
    // Rule HL-HA-001 refuses this pair at synth time; it is deployed anyway to show what the rule prevents.
    const { manifest, report } = build().synthesize({ throwOnError: false });
    expect(report.errors.map((f) => f.ruleId)).toContain("HL-HA-001");
    drill = new Drill(manifest);
  });
  afterAll(() => drill.deployment.close());

  test("device 1 fails: cloud → IDC is lost for good (the preferred route never moves), IDC → cloud takes tunnel 2", () => {
    expect(drill.pair.detectionMs).toBeUndefined();
    expect(drill.paths()).toEqual(drill.everyNetwork("primary", "primary"));
    drill.failDevice();
    expect(drill.paths()).toEqual(drill.everyNetwork("TUNNEL_DOWN", "standby"));
    drill.advance(24 * 3600 * 1000);
    expect(drill.paths()).toEqual(drill.everyNetwork("TUNNEL_DOWN", "standby"));
    drill.recoverDevice();
    expect(drill.paths()).toEqual(drill.everyNetwork("primary", "primary"));
  });
});
