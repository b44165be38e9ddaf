/**
 * v1/form-en.js: the widget's English texts and field messages, handed to the form script that
 * added this chunk (a separate script has its own copy of every module: the form registers the
 * messages in its own fieldMessages.ts).
 */
import { EN_MESSAGES } from "@beian/contract/messages/en";
import { en } from "../i18n.en.ts";
import type { TEnglish } from "../i18n.ts";
import { handOver } from "./handoff.ts";

handOver({ strings: en, messages: EN_MESSAGES } satisfies TEnglish);
