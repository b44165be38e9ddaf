/**
 * One text message through Alibaba Cloud SMS (dysmsapi `SendSms`) with its official SDK, and what
 * its answer means for the outbox: sent (with the BizId), try again later (flow control, the
 * service down, no answer), or failed for good (a message the service refuses: a wrong number,
 * template or parameter). Staff read the reason in Chinese; nothing else here knows the SDK.
 */
import * as dysmsapi from "@alicloud/dysmsapi20170525";
import * as openapi from "@alicloud/openapi-core";

export type TSmsSettings = {
  accessKeyId: string;
  accessKeySecret: string;
  /** The API's base URL (SMS_ENDPOINT): https://dysmsapi.aliyuncs.com, or a local stand-in. */
  endpoint: string;
  signName: string;
  timeoutMs: number;
};

export type TOutgoingSms = { phone: string; templateCode: string; templateParam: string };

export type TSmsResult =
  | { ok: true; bizId: string }
  | { ok: false; retryable: boolean; code: string; message: string };

/**
 * The service's own answers that mean "not now": its flow control per number (1 a minute, 5 an
 * hour, 10 a day by default), the account's day limit, an account in arrears until topped up.
 */
const TRY_LATER: Record<string, string> = {
  "isv.BUSINESS_LIMIT_CONTROL": "该手机号发送过于频繁(服务商流控),稍后自动重试",
  "isv.DAY_LIMIT_CONTROL": "今日发送量已达上限(服务商流控),稍后自动重试",
  "isv.MONTH_LIMIT_CONTROL": "本月发送量已达上限,稍后自动重试",
  "isv.AMOUNT_NOT_ENOUGH": "短信账户余额不足,充值后自动重试",
  "isv.OUT_OF_SERVICE": "短信账户已停机(欠费),充值后自动重试",
  "isp.SYSTEM_ERROR": "短信服务暂时出错,稍后自动重试",
};

/** Answers that will not change on a retry: the message itself, or our settings, are wrong. */
const REFUSED: Record<string, string> = {
  "isv.MOBILE_NUMBER_ILLEGAL": "手机号码格式不正确,无法发送",
  "isv.BLACK_KEY_CONTROL_LIMIT": "该号码或内容被服务商拦截,无法发送",
  "isv.SMS_TEMPLATE_ILLEGAL": "短信模板不存在或未通过审核,请检查「短信模板」设置",
  "isv.SMS_SIGNATURE_ILLEGAL": "短信签名不存在或未通过审核,请检查短信签名设置",
  "isv.TEMPLATE_MISSING_PARAMETERS": "短信模板缺少参数,请检查「短信模板」设置",
  "isv.TEMPLATE_PARAMS_ILLEGAL": "短信模板参数不正确,请检查「短信模板」设置",
  "isv.INVALID_PARAMETERS": "短信参数不正确,无法发送",
  "isv.INVALID_JSON_PARAM": "短信参数格式不正确,无法发送",
  "isv.PARAM_LENGTH_LIMIT": "短信参数过长,无法发送",
  "isv.ACCOUNT_NOT_EXISTS": "短信账户不存在,请检查密钥设置",
  "isv.ACCOUNT_ABNORMAL": "短信账户异常,请检查阿里云账户",
  "InvalidAccessKeyId.NotFound": "短信密钥不存在,请检查密钥设置",
  SignatureDoesNotMatch: "短信密钥不正确,请检查密钥设置",
};

const UNAVAILABLE = "短信服务暂时不可用,稍后自动重试";
const NO_ANSWER = "连接短信服务失败或无应答,稍后自动重试";

/** What a `Code` means, whether it came in a 200 body or an HTTP error. */
export function resultOfCode(code: string, message: string, status = 200): TSmsResult {
  if (code === "OK") return { ok: false, retryable: true, code, message: "回执缺少 BizId" };
  const later = TRY_LATER[code];
  if (later) return { ok: false, retryable: true, code, message: later };
  const refused = REFUSED[code];
  if (refused) return { ok: false, retryable: false, code, message: refused };
  if (code.startsWith("Throttling")) {
    return { ok: false, retryable: true, code, message: "请求过于频繁(服务商限流),稍后自动重试" };
  }
  // The platform's side (isp.*, 5xx) may recover; a request of ours it refuses (isv.*, 4xx) not.
  if (code.startsWith("isp.") || status >= 500) {
    return { ok: false, retryable: true, code, message: UNAVAILABLE };
  }
  return { ok: false, retryable: false, code, message: `短信服务拒绝发送:${message || code}` };
}

function clientOf(settings: TSmsSettings) {
  const url = new URL(settings.endpoint);
  const config = new openapi.$OpenApiUtil.Config({
    accessKeyId: settings.accessKeyId,
    accessKeySecret: settings.accessKeySecret,
    endpoint: url.host,
    protocol: url.protocol.replace(":", ""),
    connectTimeout: settings.timeoutMs,
    readTimeout: settings.timeoutMs,
  });
  // The SDK is CommonJS: its class is the module's `default` (Node's ESM view) or the module.
  const module = dysmsapi as unknown as { default: { default?: unknown } };
  const Client = (module.default.default ?? module.default) as typeof dysmsapi.default;
  return new Client(config);
}

/** An SDK error's code and HTTP status: ClientError / ServerError / ThrottlingError, or none. */
function errorOf(error: unknown): { code?: string; status?: number; message: string } {
  const { code, statusCode, message } = (error ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
  };
  return {
    ...(typeof code === "string" && code ? { code } : {}),
    ...(typeof statusCode === "number" ? { status: statusCode } : {}),
    message: typeof message === "string" ? message : String(error),
  };
}

export async function sendSms(settings: TSmsSettings, sms: TOutgoingSms): Promise<TSmsResult> {
  const request = new dysmsapi.SendSmsRequest({
    phoneNumbers: sms.phone,
    signName: settings.signName,
    templateCode: sms.templateCode,
    templateParam: sms.templateParam,
  });
  try {
    const { body } = await clientOf(settings).sendSms(request);
    const code = body?.code ?? "";
    if (code === "OK" && body?.bizId) return { ok: true, bizId: body.bizId };
    return resultOfCode(code, body?.message ?? "");
  } catch (error) {
    const { code, status, message } = errorOf(error);
    // An HTTP answer with a code (4xx/5xx): the service's word. Otherwise no answer at all
    // (refused connection, reset, timeout): tried again.
    if (status !== undefined) return resultOfCode(code ?? `HTTP ${status}`, message, status);
    return { ok: false, retryable: true, code: code ?? "network", message: NO_ANSWER };
  }
}
