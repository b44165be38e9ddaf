import { buildBeianConfig } from "./config.ts";
import { env } from "./env.ts";

export default buildBeianConfig(env());
