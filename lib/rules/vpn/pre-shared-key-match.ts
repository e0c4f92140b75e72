import { seed } from "../../core/provenance";
import { describeSecret, propsOf, secretSource } from "../private/read";
import { Rule } from "../rule";

/** HL-VPN-009: both ends of a tunnel use the same pre-shared key. */
export const preSharedKeyMatches: Rule = {
  id: "HL-VPN-009",
  title: "Both ends of a tunnel use the same pre-shared key",
  severity: "error",
  source: seed("001", "输入共享密钥，该值必须与用于本地网关设备的值匹配。", "Pre-shared key: enter the shared key; it must match the value used on the local gateway device."),
  rationale: "IKE authenticates both ends with the same pre-shared key; a device configured from another secret never negotiates, and the tunnel stays down.",
  fix: "Configure the IDC device from the same secret as the connection (drop customerDevice.preSharedKey to use the downloaded configuration).",
  *check(context) {
    for (const connection of context.index.ofType("VpnConnection")) {
      const p = propsOf(connection);
      const cloud = secretSource(p.preSharedKey);
      const device = secretSource((p.customerDevice as Record<string, unknown> | undefined)?.preSharedKey);
      if (!cloud || !device) continue;
      if (describeSecret(cloud) === describeSecret(device)) continue;
      yield {
        resource: connection.logicalId,
        property: "customerDevice.preSharedKey",
        message: `The connection's key comes from ${describeSecret(cloud)} but the device's from ${describeSecret(device)}; both ends must use the same key: read both from ${describeSecret(cloud)}.`,
      };
    }
  },
};
