/**
 * The ICP filing number the bureau issues when an order is filed (备案成功), e.g.
 * 粤ICP备2026012345号-1X: the province's one-character abbreviation, ICP备, the serial (6 to 10
 * digits: older ones are shorter), 号, and for a second or later filing of the same entity -N, with
 * X marking a mini program or app. Sales enters it with the 录入备案号 action; the customer shows
 * it in the mini program.
 */
const PROVINCE_ABBREVIATIONS = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新";

const ICP_NUMBER = new RegExp(`^[${PROVINCE_ABBREVIATIONS}]ICP备\\d{6,10}号(?:-\\d{1,3})?X?$`);

/** The number as entered, without surrounding or inner spaces (copied from the bureau's page). */
export function normalIcpNumber(value: string): string {
  return value.replace(/\s+/g, "");
}

export function isIcpNumber(value: unknown): value is string {
  return typeof value === "string" && ICP_NUMBER.test(value);
}

export const ICP_NUMBER_EXAMPLE = "粤ICP备2026012345号-1X";
