/**
 * The mark on a lead or an order that the public API set aside as suspected spam, and how long
 * one is kept unless sales restores it (the nightly retention job). Apart from the field's config
 * so the admin's client components can read them.
 */
export const SUSPECTED_SPAM = "suspectedSpam";

export const SUSPECTED_SPAM_DAYS = 30;
