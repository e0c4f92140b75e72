import { Finding, IdcSite, Manifest, ValidateOptions, ValidationReport, validateManifest, NetworkApp, SecretValue, Vpc, VpnConnection, VpnGateway } from "../../lib";

/** Every finding of one rule after synth (no throw), as `path` or `path#property`. */
export function hits(app: NetworkApp, ruleId: string, withProperty = false): string[] {
  return findingsOf(app, ruleId).map((f) => (withProperty ? `${f.path}#${f.property ?? ""}` : f.path));
}

/** The findings of one rule after synth (no throw). */
export function findingsOf(app: NetworkApp, ruleId: string): Finding[] {
  return app.synthesize({ throwOnError: false }).report.findings.filter((f) => f.ruleId === ruleId);
}

/** The manifest of an app, unvalidated, as a mutable JSON copy (for hand-written manifest tests). */
export function manifestOf(app: NetworkApp): EditableManifest {
  return JSON.parse(JSON.stringify(app.synthesize({ validate: false }).manifest));
}

/** A manifest whose resources tests edit freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EditableManifest = Omit<Manifest, "resources"> & { resources: Array<Record<string, any>> };

/** validateManifest over an edited manifest. */
export function validateEdited(manifest: EditableManifest, options?: ValidateOptions): ValidationReport {
  return validateManifest(manifest as unknown as Manifest, options);
}

/** A VPC + VPC-type gateway + one IDC site with one device + one route-mode connection and gateway route. */
export function siteToSite(
  app: NetworkApp,
  options: { region?: string; vpcCidr?: string; idcCidr?: string; deviceIp?: string } = {},
): { vpc: Vpc; gateway: VpnGateway; site: IdcSite; connection: VpnConnection } {
  const region = options.region ?? app.profile.regions[0].name;
  const vpc = new Vpc(app, "Vpc", { region, cidrs: [options.vpcCidr ?? "10.0.0.0/16"] });
  const gateway = new VpnGateway(app, "Gateway", { vpc });
  const site = new IdcSite(app, "Idc", { cidrs: [options.idcCidr ?? "192.168.0.0/16"] });
  const device = site.addDevice("Device1", { ipAddress: options.deviceIp ?? "203.0.113.10" });
  const connection = gateway.addConnection("Tunnel1", { customerGateway: device, preSharedKey: SecretValue.fromEnv("PSK") });
  gateway.addRoute("ToIdc", { destinationCidr: site.cidrs[0], connection });
  return { vpc, gateway, site, connection };
}

/** Rule IDs of every error finding (for "this app is clean" assertions). */
export function errorIds(app: NetworkApp): string[] {
  return app.synthesize({ throwOnError: false }).report.errors.map((f) => `${f.ruleId} ${f.path}`);
}
