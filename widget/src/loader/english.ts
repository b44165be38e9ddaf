/** v1/form-en.js: the widget's English texts and field messages, handed to the form script that added this chunk. */
import "../validation/english.ts";
import { en } from "../i18n.en.ts";
import { handOver } from "./handoff.ts";

handOver(en);
