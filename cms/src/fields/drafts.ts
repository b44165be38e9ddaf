/** Marketing works in drafts and publishes; the site and the public API only ever see published. */
export const draftVersions = {
  drafts: true,
  maxPerDoc: 50,
} as const;
