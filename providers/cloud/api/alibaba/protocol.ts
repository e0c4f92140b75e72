import { ApiContext, ApiRequest, ApiResponse, json } from "../http";

export function handleAlibaba(_req: ApiRequest, _ctx: ApiContext): ApiResponse {
  return json(501, { RequestId: "", Code: "NotImplemented", Message: "pending" });
}
