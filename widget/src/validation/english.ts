/** The English error texts, registered where the widget's English texts are loaded. */
import { EN_MESSAGES } from "@beian/contract/messages/en";
import { registerEnglishMessages } from "./fieldMessages.ts";

registerEnglishMessages(EN_MESSAGES);
