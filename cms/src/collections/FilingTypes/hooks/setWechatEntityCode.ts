import { WECHAT_ENTITY_CODES } from "@beian/contract";
import type { CollectionBeforeValidateHook } from "payload";

/** WeChat's entity code follows from the type; never let the two disagree. */
export const setWechatEntityCode: CollectionBeforeValidateHook = ({ data }) => {
  const slug = data?.slug as keyof typeof WECHAT_ENTITY_CODES | undefined;
  if (data && slug && slug in WECHAT_ENTITY_CODES) {
    data.wechatEntityCode = WECHAT_ENTITY_CODES[slug];
  }
  return data;
};
