/**
 * Where Payload's own Chinese reads awkwardly to the agency's staff, the admin's wording instead
 * (`i18n.translations` in config.ts). Keys are Payload's; everything not here is Payload's zh.
 */
export const ADMIN_TRANSLATIONS = {
  zh: {
    general: {
      // Payload's "Payload 设置" heading on the account page: the product's name, not the agency's.
      payloadSettings: "设置",
    },
    error: {
      // Payload's "下面的字段是无效的：" before the field labels of a refused save.
      followingFieldsInvalid_one: "以下字段有误:",
      followingFieldsInvalid_other: "以下字段有误:",
    },
  },
};
