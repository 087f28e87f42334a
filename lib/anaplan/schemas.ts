import "server-only";
import { z } from "zod";

/**
 * Schemas for what Anaplan sends. The rule: accept what Anaplan really sends (missing collection keys, unknown
 * extra fields — stripped, open-ended enums, ids as strings or numbers, nulls), and reject what would break the
 * app (a task without an id or a state, an export without a name, a token without a value).
 *
 * Required fields are strict. Optional, display-only fields use `lenient()`: a value of the wrong type becomes
 * `undefined` instead of failing a whole list because of one odd cosmetic field.
 */

/** Ids: Anaplan sends strings; some tools send numbers. Kept as strings, never empty. */
export const idSchema = z.union([
  z.string().trim().min(1),
  z.number().int().nonnegative().refine(Number.isSafeInteger).transform(String),
]);

/** Non-empty display name. */
const nameSchema = z.string();

/** Open enum: any non-empty string. */
const openEnum = z.string().min(1);

const numeric = z.union([
  z.number().finite(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

/** Optional field that never fails its parent: wrong types and nulls read as `undefined`. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const stringList = z.array(z.unknown()).transform((values) => values.filter((v): v is string => typeof v === "string"));

/** A collection key: absent when empty (Anaplan drops empty collection keys), and null is treated the same. */
function collection<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
}

export const pagingSchema = z.object({
  currentPageSize: lenient(z.number().int().nonnegative()),
  offset: lenient(z.number().int().nonnegative()),
  totalSize: z.number().int().nonnegative(),
});
export type Paging = z.infer<typeof pagingSchema>;

const metaSchema = z
  .object({ paging: lenient(pagingSchema) })
  .nullish()
  .catch(undefined);

/** An envelope holding a paged collection under `key`. */
export function pageSchema<T extends z.ZodType, K extends string>(key: K, item: T) {
  return z
    .object({ meta: metaSchema })
    .extend({ [key]: collection(item) } as Record<K, ReturnType<typeof collection<T>>>);
}

/** An envelope holding one object under `key`. */
export function singleSchema<T extends z.ZodType, K extends string>(key: K, item: T) {
  return z.object({ [key]: item } as Record<K, T>);
}

// ---------- Integration API objects ----------

export const userSchema = z.object({
  id: idSchema,
  email: z.string().min(1),
  firstName: lenient(z.string()),
  lastName: lenient(z.string()),
  customerId: lenient(z.string()),
});

export const workspaceSchema = z.object({
  id: idSchema,
  name: nameSchema,
  active: lenient(z.boolean()),
  sizeAllowance: lenient(numeric),
  currentSize: lenient(numeric),
});

export const modelSchema = z.object({
  id: idSchema,
  name: nameSchema,
  activeState: lenient(openEnum),
  currentWorkspaceId: lenient(idSchema),
  currentWorkspaceName: lenient(z.string()),
  /** When the model was last changed (ISO 8601); shown on the picker. */
  lastModified: lenient(z.string()),
});

export const exportDefinitionSchema = z.object({
  id: idSchema,
  name: nameSchema,
  exportType: lenient(openEnum),
  exportFormat: lenient(z.string()),
  encoding: lenient(z.string()),
  layout: lenient(openEnum),
});

export const exportMetadataSchema = z.object({
  columnCount: lenient(numeric),
  rowCount: lenient(numeric),
  exportFormat: lenient(z.string()),
  encoding: lenient(z.string()),
  delimiter: lenient(z.string()),
  separator: lenient(z.string()),
  headerNames: lenient(stringList),
  dataTypes: lenient(stringList),
  listNames: lenient(stringList),
  layout: lenient(openEnum),
});

const taskResultDetailSchema = z.object({
  type: lenient(z.string()),
  localMessageText: lenient(z.string()),
  occurrences: lenient(numeric),
  values: lenient(stringList),
});

export const taskResultSchema = z.object({
  successful: z.boolean(),
  failureDumpAvailable: lenient(z.boolean()),
  objectId: lenient(idSchema),
  objectName: lenient(z.string()),
  details: lenient(z.array(taskResultDetailSchema)),
});

export const taskSchema = z.object({
  taskId: idSchema,
  taskState: openEnum,
  creationTime: lenient(numeric),
  currentStep: lenient(z.string()),
  progress: lenient(numeric),
  /** Absent until terminal; a result without `successful` would make success undecidable, so it fails. */
  result: taskResultSchema.nullish().transform((r) => r ?? undefined),
  cancelledBy: lenient(z.string()),
});

/** What `POST …/tasks` returns: Anaplan's export example has only `taskId`, so the state defaults to NOT_STARTED. */
export const createdTaskSchema = taskSchema.extend({
  taskState: openEnum.nullish().transform((s) => s ?? "NOT_STARTED"),
});

export const fileSchema = z.object({
  id: idSchema,
  name: nameSchema,
  chunkCount: lenient(z.number().int()),
  delimiter: lenient(z.string()),
  encoding: lenient(z.string()),
  firstDataRow: lenient(z.number().int()),
  format: lenient(z.string()),
  headerRow: lenient(z.number().int()),
  separator: lenient(z.string()),
});

export const chunkSchema = z.object({
  id: idSchema,
  name: lenient(z.string()),
});

/** `GET /models/{m}/status`: a bare `{requestStatus}` with no envelope. */
export const modelStatusSchema = z.object({
  requestStatus: z.object({
    currentStep: lenient(z.string()),
    progress: lenient(numeric),
    creationTime: lenient(numeric),
    taskId: lenient(idSchema),
    tooltip: lenient(z.string()),
    exportTaskType: lenient(z.string()),
  }),
});

// ---------- Envelopes per endpoint ----------

export const userResponse = singleSchema("user", userSchema);
export const workspacesPage = pageSchema("workspaces", workspaceSchema);
export const modelsPage = pageSchema("models", modelSchema);
export const exportsPage = pageSchema("exports", exportDefinitionSchema);
export const exportMetadataResponse = singleSchema("exportMetadata", exportMetadataSchema);
export const tasksPage = pageSchema("tasks", taskSchema);
export const taskResponse = singleSchema("task", taskSchema);
export const createdTaskResponse = singleSchema("task", createdTaskSchema);
/** DELETE on a task: Anaplan Connect expects `{task}`; tolerate a body without it. */
export const cancelResponse = z.object({ task: taskSchema.nullish().transform((t) => t ?? undefined) });
export const filesPage = pageSchema("files", fileSchema);
export const chunksPage = pageSchema("chunks", chunkSchema);
export const workspaceResponse = singleSchema("workspace", workspaceSchema);
export const modelResponse = singleSchema("model", modelSchema);

// ---------- Auth service ----------

/** `status` on the auth host: "SUCCESS" or "FAILURE_…". Anything else is tolerated. */
const authStatus = lenient(z.string());

export const authTokenResponse = z.object({
  status: authStatus,
  tokenInfo: z.object({
    tokenValue: z.string().min(1),
    expiresAt: numeric,
    tokenId: lenient(z.string()),
    refreshTokenId: lenient(z.string()),
  }),
});

export const validateResponse = z.object({
  status: authStatus,
  tokenInfo: z.object({ expiresAt: numeric }),
  userInfo: lenient(
    z.object({
      userId: lenient(z.string()),
      userGuid: lenient(z.string()),
      customerGuid: lenient(z.string()),
    }),
  ),
});

export const authFailureBody = z.object({ status: lenient(z.string()) });

// ---------- OAuth service ----------

export const oauthTokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: lenient(z.string().min(1)),
  expires_in: lenient(numeric),
});

export const oauthErrorBody = z.object({ error: lenient(z.string()) });

/** A short, upstream-free description of why a body did not match: paths and issue codes only. */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join(".") || "(body)";
    return `${path}: ${issue.code.replace(/_/g, " ")}`;
  });
  return parts.join("; ");
}
