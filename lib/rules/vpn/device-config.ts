import { seed } from "../../core/provenance";
import { parsedCidrs, propsOf } from "../private/read";
import { spdBlocks } from "../private/spd";
import { intersect as intersectCidrs } from "../../net/negotiation";
import { Rule, RuleViolation } from "../rule";

/** HL-VPN-025: an IDC device configured differently from its connection will not negotiate. */
export const deviceConfigMatches: Rule = {
  id: "HL-VPN-025",
  title: "The IDC device's configuration mirrors the connection",
  severity: "warning",
  source: seed("001", "下载配置中的RemotSubnet和LocalSubnet与创建IPsec连接时的本端网段和对端网段正好是相反的。", "The RemotSubnet and LocalSubnet of the downloaded configuration are exactly the reverse of the local and remote networks given when the IPsec connection was created."),
  rationale:
    "The device's configuration is the connection's with local and remote subnets swapped and the same IKE version. Another IKE version fails phase 1. Other subnets: under IKEv2 the CHILD_SA is narrowed to the blocks both sides share (RFC 7296 §2.9), so traffic outside them is not carried, and with none shared it fails (TS_UNACCEPTABLE); IKEv1 has no narrowing, so any difference fails phase 2.",
  fix: "Load the downloaded configuration on the device (drop the customerDevice overrides), or make them mirror the connection.",
  *check(context) {
    for (const connection of context.index.ofType("VpnConnection")) {
      const p = propsOf(connection);
      const device = p.customerDevice as Record<string, unknown> | undefined;
      if (typeof device !== "object" || device === null) continue;
      const version = (p.ike as Record<string, unknown> | undefined)?.version;
      const problems: RuleViolation[] = [];
      if (typeof device.ikeVersion === "string" && typeof version === "string" && device.ikeVersion.toLowerCase() !== version.toLowerCase()) {
        problems.push({ resource: connection.logicalId, property: "customerDevice.ikeVersion", message: `The device runs ${device.ikeVersion} but the connection ${version}; IKE will not negotiate: configure the device for ${version}.` });
      }
      // The device's local side is the connection's remote side, and vice versa.
      for (const [deviceSide, connectionSide] of [["localCidrs", "remoteCidrs"], ["remoteCidrs", "localCidrs"]] as const) {
        if (device[deviceSide] === undefined || p.routeType !== "SPD") continue;
        const mine = normalized(parsedCidrs(device[deviceSide]).map((c) => c.network));
        const expected = normalized(spdBlocks(connection, connectionSide).map((b) => b.cidr.network));
        if (mine.join(",") === expected.join(",")) continue;
        problems.push({
          resource: connection.logicalId,
          property: `customerDevice.${deviceSide}`,
          message: `The device's ${deviceSide} are ${mine.join(", ") || "empty"} but the connection's ${connectionSide} are ${expected.join(", ") || "none"}; ${outcome(mine, expected, version)}`,
        });
      }
      yield* problems;
    }
  },
};

/** What negotiation makes of two selector lists that differ (RFC 7296 §2.9 under IKEv2; none under IKEv1). */
function outcome(device: string[], connection: string[], version: unknown): string {
  if (typeof version === "string" && version.toLowerCase().endsWith("1")) return "IKEv1 has no narrowing: phase 2 will not match.";
  const shared = intersectCidrs(device, connection);
  if (shared.length === 0) return "they share no address: phase 2 fails (TS_UNACCEPTABLE).";
  return `IKEv2 narrows the tunnel to ${shared.join(", ")} (RFC 7296 §2.9): traffic outside it is not carried.`;
}

function normalized(list: string[]): string[] {
  return [...new Set(list)].sort();
}
