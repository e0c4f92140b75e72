import { CloudError } from "../errors";
import { renderJson } from "../device-config/json";
import { UnsupportedAlgorithm } from "../device-config/proposals";
import { renderSwanctl } from "../device-config/swanctl";
import { deviceView } from "../device-config/view";
import { findOwned } from "./lookup";
import { ActionDefinition } from "./types";

const FORMATS = ["json", "swanctl"] as const;
const SIDES = ["customer", "cloud"] as const;

/**
 * DownloadCustomerGatewayConfiguration (seed 001 step 4, 下载配置): the IDC
 * device's configuration for one connection, as vendor-neutral JSON or a
 * strongSwan swanctl.conf. The pre-shared key is left out unless the owner
 * asks for it with `includePreSharedKey: true`, so the default output is safe to
 * print or log. `side: "cloud"` renders the simulated gateway's own side
 * instead, from the engine's records (the identities, DPD, initiation,
 * lifetimes and selectors it negotiates with), so that a real IKE daemon can
 * stand in for the gateway (test/providers/cloud/negotiation-netns.test.ts).
 */
export const DEVICE_CONFIG_ACTIONS: readonly ActionDefinition[] = [
  {
    name: "DownloadCustomerGatewayConfiguration",
    writes: false,
    run(params, ctx) {
      const connection = findOwned(ctx, params.string("id"), "VpnConnection");
      const format = params.has("format") ? params.oneOf("format", FORMATS) : (params.value("format"), "json");
      const includePreSharedKey = params.optionalBoolean("includePreSharedKey") ?? false;
      const side = params.has("side") ? params.oneOf("side", SIDES) : (params.value("side"), "customer");
      params.done();
      const view = deviceView(connection, ctx.store, ctx.profile, includePreSharedKey, side);
      try {
        const configuration = format === "json" ? renderJson(view) : renderSwanctl(view);
        return {
          id: connection.id,
          side,
          format,
          fileName: format === "json" ? `${connection.id}${side === "cloud" ? ".cloud" : ""}.json` : side === "cloud" ? `${connection.id}.cloud.swanctl.conf` : "swanctl.conf",
          preSharedKeyIncluded: view.preSharedKey !== undefined,
          configuration,
        };
      } catch (err) {
        if (!(err instanceof UnsupportedAlgorithm)) throw err;
        throw new CloudError(
          "UnsupportedOperation.DeviceConfigAlgorithm",
          `${ctx.action}: connection '${connection.id}' uses ${err.field} '${err.value}', which strongSwan cannot express. ` +
            "Download the json format, or modify the connection to use AES.",
        );
      }
    },
  },
];
