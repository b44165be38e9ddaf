import type { TApiErrorCode, TFieldError, TServerOnlyErrorCode } from "../errors.ts";

/** Every code the widget can meet: a field's, or a whole request's but the server-only ones. */
export type TWidgetErrorCode = TFieldError | Exclude<TApiErrorCode, TServerOnlyErrorCode>;

/** One language's texts for those codes. */
export type TWidgetMessages = Record<TWidgetErrorCode, string>;
