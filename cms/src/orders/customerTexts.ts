/**
 * What an order's customer reads besides the order itself: each stage's title, what to do in it
 * and how long it may take (the deadline the timeline shows, set when an order enters the stage:
 * deadlines.ts), each filing type's name, as the CMS's content says. Every lookup, every order in
 * the customer center and every new or moved order needs them (public-api/orders.ts), so they are
 * read once per process until an editor changes a stage or a type (`forgetCustomerTexts`, their
 * hooks) or a minute passes.
 */

import { contentCache } from "../lib/contentCache.ts";
import type { FilingStage } from "../payload-types.ts";

export type TStageText = Pick<FilingStage, "title" | "customerAction" | "deadline">;

export const customerTexts = contentCache(async (payload) => {
  const [stages, types] = await Promise.all([
    payload.find({
      collection: "filing-stages",
      pagination: false,
      depth: 0,
      select: { key: true, title: true, customerAction: true, deadline: true },
    }),
    payload.find({
      collection: "filing-types",
      pagination: false,
      depth: 0,
      select: { slug: true, name: true },
    }),
  ]);
  return {
    stages: new Map<string, TStageText>(stages.docs.map((stage) => [stage.key, stage])),
    typeNames: new Map(types.docs.map((type) => [type.slug, type.name])),
  };
});

/** Filing stages' and types' afterChange and afterDelete: the next answer reads the edit. */
export const forgetCustomerTexts = customerTexts.forgetOnChange;
