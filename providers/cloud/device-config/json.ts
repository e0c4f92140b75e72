import { DeviceView } from "./view";

/** Version tag of the vendor-neutral device configuration. */
export const DEVICE_CONFIG_FORMAT = "hybridlink.device-config/v1";

/** The device view as vendor-neutral JSON text. */
export function renderJson(view: DeviceView): string {
  const { preSharedKey, ...rest } = view;
  return `${JSON.stringify(
    {
      format: DEVICE_CONFIG_FORMAT,
      ...rest,
      preSharedKeyIncluded: preSharedKey !== undefined,
      ...(preSharedKey !== undefined ? { preSharedKey } : {}),
    },
    null,
    2,
  )}\n`;
}
