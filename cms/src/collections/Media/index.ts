import type { CollectionConfig } from "payload";
import { anyone, isContentEditor } from "../../access/index.ts";

export const mediaCollection = (staticDir: string): CollectionConfig => ({
  slug: "media",
  labels: {
    singular: { zh: "媒体", en: "Media" },
    plural: { zh: "媒体库", en: "Media" },
  },
  admin: { group: { zh: "内容", en: "Content" } },
  access: {
    read: anyone,
    create: isContentEditor,
    update: isContentEditor,
    delete: isContentEditor,
  },
  upload: {
    staticDir,
    mimeTypes: ["image/png", "image/jpeg", "image/webp", "image/avif", "image/svg+xml"],
    focalPoint: true,
    // Responsive sizes the site picks from; originals are kept for the site's own image pipeline.
    imageSizes: [
      { name: "thumbnail", width: 240 },
      { name: "card", width: 640 },
      { name: "wide", width: 1280 },
    ],
    adminThumbnail: "thumbnail",
  },
  fields: [
    {
      name: "alt",
      type: "text",
      label: { zh: "替代文本", en: "Alt text" },
      required: true,
      admin: {
        description: {
          zh: "描述图片内容,供读屏软件和搜索引擎使用",
          en: "Describes the image for screen readers and search engines",
        },
      },
    },
  ],
});
