/**
 * Which items of a filing type's materials are documents to upload, and as how many files: an ID
 * card is two photos (人像面 and 国徽面), a licence one, a phone number or an email address none
 * (they are filled in, not uploaded). Marketing says which in 备案类型 › 所需材料 › 上传方式; an
 * order keeps the slots it was placed with (`uploadSlots`), as it keeps its checklist.
 */
export const UPLOAD_KINDS = ["none", "single", "id_card"] as const;
export type TUploadKind = (typeof UPLOAD_KINDS)[number];

export const UPLOAD_KIND_LABELS: Record<TUploadKind, { zh: string; en: string }> = {
  none: { zh: "无需上传(填写即可)", en: "Not uploaded (filled in)" },
  single: { zh: "上传一份", en: "One file" },
  id_card: { zh: "身份证正反面(人像面、国徽面)", en: "ID card, both sides" },
};

export type TUploadSlot = { item: string; required: boolean };

/** Anything the list does not name (上海居住证, 前置审批文件…), when sales asks for it: optional. */
export const OTHER_SLOT: TUploadSlot = { item: "其他补充材料", required: false };

const ID_CARD_SIDES = ["人像面", "国徽面"] as const;

export type TTypeMaterial = { item: string; upload?: TUploadKind | null };

/** The upload slots of a filing type's materials, in their order, then the optional one. */
export function uploadSlotsOf(
  materials: readonly TTypeMaterial[] | null | undefined,
): TUploadSlot[] {
  const slots = (materials ?? []).flatMap(({ item, upload }): TUploadSlot[] => {
    if (upload === "single") return [{ item, required: true }];
    if (upload === "id_card") {
      return ID_CARD_SIDES.map((side) => ({ item: `${item}(${side})`, required: true }));
    }
    return [];
  });
  return [...slots, OTHER_SLOT];
}

/** An order's stored slots, when they are well formed. */
export function storedSlots(value: unknown): TUploadSlot[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const slots = value.filter(
    (slot): slot is TUploadSlot =>
      typeof slot?.item === "string" && typeof slot?.required === "boolean",
  );
  return slots.length === value.length ? slots : undefined;
}
