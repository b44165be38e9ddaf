import { PROVINCE_CODES, type TProvince } from "@beian/contract";

/**
 * The province a validated order names, typed as one. The contract's order schema checks the
 * value against PROVINCE_CODES but types it as a plain string; what it passed is always a code.
 */
export function provinceCode(value: string): TProvince {
  const code = PROVINCE_CODES.find((province) => province === value);
  if (code === undefined) throw new Error(`not a province: ${value}`);
  return code;
}
