/** The routes' dependencies: the process's catalog (CONTENT_DIR) and its evaluation worker pool. */
import { getCatalog } from "../content/server";
import { getPool } from "../server/pool";
import type { ApiDeps } from "./deps";

export const serverDeps: ApiDeps = {
  catalog: getCatalog,
  evaluate: (job) => getPool().evaluate(job),
};
