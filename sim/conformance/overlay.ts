/**
 * The local overlay on the community OpenAPI documents (setikites/anaplan-openapi, the snapshot copied into
 * `./anaplan/openapi/`; the team's Anaplan API reference, kept outside this repository, describes it in §6). Each
 * entry fixes one thing the reference says the documents get wrong or leave out; each cites the reference section
 * that says so. Keep this list small: anything not backed by the reference (or by a recorded fixture, §7) does
 * not belong here.
 *
 * Entries throw when the document no longer has the shape they patch, so a changed document cannot silently
 * make an entry a no-op; `openapi.test.ts` also checks that every entry changes its document.
 */
import type { ApiName, JsonObject, OpenApiDocument, OpenApiDocuments } from "./openapi";

export interface OverlayEntry {
  id: string;
  api: ApiName;
  /** Why, with the reference.md section that documents it. */
  reason: string;
  apply(doc: OpenApiDocument): void;
}

function isObj(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function componentSchema(doc: OpenApiDocument, name: string): JsonObject {
  const schema = doc.components?.schemas?.[name];
  if (!isObj(schema)) throw new Error(`overlay: component schema ${name} not found`);
  return schema;
}

function property(schema: JsonObject, name: string): JsonObject {
  const props = schema.properties;
  const prop = isObj(props) ? props[name] : undefined;
  if (!isObj(prop)) throw new Error(`overlay: property ${name} not found`);
  return prop;
}

function operation(doc: OpenApiDocument, template: string, method: string): JsonObject {
  const op = doc.paths[template]?.[method];
  if (!isObj(op)) throw new Error(`overlay: ${method.toUpperCase()} ${template} not found`);
  return op;
}

function responses(op: JsonObject): JsonObject {
  if (!isObj(op.responses)) throw new Error("overlay: operation has no responses");
  return op.responses;
}

/** An open enum: keep the value a string, drop the closed list of values. */
function openEnum(schema: JsonObject): void {
  if (!Array.isArray(schema.enum)) throw new Error("overlay: expected an enum to open");
  delete schema.enum;
  schema.type = "string";
}

const clone = <T>(value: T): T => structuredClone(value);

const errorEnvelope = (description: string): JsonObject => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } },
});

const EXPORT_TASK = "/workspaces/{workspaceId}/models/{modelId}/exports/{exportId}/tasks/{taskId}";
const WHOLE_FILE = "/workspaces/{workspaceId}/models/{modelId}/files/{fileId}";
const WORKSPACE_MODEL = "/workspaces/{workspaceId}/models/{modelId}";
const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export const OVERLAY: readonly OverlayEntry[] = [
  // ----- Integration API ---------------------------------------------------------------------------------------
  {
    id: "integration/delete-export-task",
    api: "integration",
    // §6 "Mistakes / gaps" 2: "Cancel (DELETE task) is absent although Anaplan documents it and Anaplan Connect uses it".
    // §2.5 Cancel row: same URL as the poll; Anaplan Connect expects the same {task:{…}} body back (TaskStatusResponse).
    reason:
      "reference §6.2 + §2.5: DELETE …/exports/{exportId}/tasks/{taskId} (cancel) is missing; it answers the GET's task body",
    apply(doc) {
      const item = doc.paths[EXPORT_TASK];
      if (!item) throw new Error(`overlay: ${EXPORT_TASK} not found`);
      if (item.delete) throw new Error("overlay: the document now has the DELETE task operation; drop this entry");
      const get = operation(doc, EXPORT_TASK, "get");
      item.delete = {
        summary: "Cancel an export task (overlay, reference §2.5)",
        parameters: clone(get.parameters ?? []),
        responses: clone(responses(get)),
      };
    },
  },
  {
    id: "integration/task-open-state-and-fields",
    api: "integration",
    // §6.3: "Task lacks `type` and `cancelledBy`; `taskState` has an enum but no `type: string`".
    // §6 verdict + §9: enums are open-ended (TaskState = … | (string & {})). §3 table: type and cancelledBy are strings.
    reason:
      "reference §6.3 + §3 + §9: taskState is an open string enum; Task also carries type and cancelledBy (strings)",
    apply(doc) {
      const task = componentSchema(doc, "Task");
      openEnum(property(task, "taskState"));
      const props = task.properties as JsonObject;
      props.type = { type: "string", description: '"taskInformation" on single-task GETs (overlay, reference §3)' };
      props.cancelledBy = { type: "string", description: "user who cancelled (overlay, reference §3)" };
    },
  },
  {
    id: "integration/export-type-open",
    api: "integration",
    // §6.5: "Export.exportType enum omits TABULAR_SINGLE_COLUMN and GRID_ALL_PAGES → strict validators … will reject
    // real data". §2.4: "Treat as open strings". (exportFormat and layout are already plain strings in the document.)
    reason:
      "reference §6.5 + §2.4: exportType is an open string (the enum misses TABULAR_SINGLE_COLUMN, GRID_ALL_PAGES)",
    apply(doc) {
      openEnum(property(componentSchema(doc, "Export"), "exportType"));
    },
  },
  {
    id: "integration/model-active-state-open",
    api: "integration",
    // §2.3: activeState values include ACTIVE in the SDK enum, which the document's enum lacks; §6 verdict: do not
    // treat its enums as closed.
    reason: "reference §2.3 + §6 verdict: Model.activeState is an open string (SDK also knows ACTIVE)",
    apply(doc) {
      openEnum(property(componentSchema(doc, "Model"), "activeState"));
    },
  },
  {
    id: "integration/export-metadata-data-types-open",
    api: "integration",
    // §2.4 lists the dataTypes Anaplan documents; §6 verdict: do not treat the document's enums as closed.
    reason: "reference §2.4 + §6 verdict: ExportMetadata.dataTypes items are open strings",
    apply(doc) {
      const dataTypes = property(componentSchema(doc, "ExportMetadata"), "dataTypes");
      if (!isObj(dataTypes.items)) throw new Error("overlay: dataTypes.items not found");
      openEnum(dataTypes.items);
    },
  },
  {
    id: "integration/model-last-saved-serial-number",
    api: "integration",
    // §6.7: "Model.lastSavedSerialNumber typed string (SDK: int)"; §2.3: "number in SDK, string in the OpenAPI spec".
    reason: "reference §6.7 + §2.3: lastSavedSerialNumber is a number in live data (SDK), a string in the document",
    apply(doc) {
      const prop = property(componentSchema(doc, "Model"), "lastSavedSerialNumber");
      if (prop.type !== "string") throw new Error("overlay: lastSavedSerialNumber is no longer a string");
      prop.type = ["string", "integer"];
    },
  },
  {
    id: "integration/user-email-pattern",
    api: "integration",
    // Not in §6's list, but shown by the recorded fixture users_me.json (§7, a real shape): the document's pattern
    // is double-escaped in the JSON (`\\.` = a literal backslash followed by any character), so it rejects every
    // ordinary address, including the fixture's "joe.smith@anaplan.com". §2.3/§1.2: `email` is the login email.
    // The fix removes the extra escaping only; openapi.test.ts proves the fixture fails without this entry.
    reason: "fixture users_me.json (reference §7) + §2.3: User.email pattern is double-escaped and rejects real emails",
    apply(doc) {
      const email = property(componentSchema(doc, "User"), "email");
      if (typeof email.pattern !== "string" || !email.pattern.includes("\\\\.")) {
        throw new Error("overlay: User.email pattern is no longer double-escaped; drop this entry");
      }
      email.pattern = email.pattern.replace(/\\\\/g, "\\");
    },
  },
  {
    id: "integration/401-error-envelope",
    api: "integration",
    // §6 coverage table: "401 / 429 / 5xx responses on these operations — not declared (only 200 and 404)";
    // §6 verdict: "add … 401/429 responses". §4.1/§4.2: 401 uses the Integration error envelope; §8.2 likewise.
    reason:
      "reference §6 (coverage table, verdict) + §4.1: every Integration operation can answer 401 with ErrorResponse",
    apply(doc) {
      let added = 0;
      for (const item of Object.values(doc.paths)) {
        for (const method of HTTP_METHODS) {
          const op = item[method];
          if (isObj(op) && isObj(op.responses) && !("401" in op.responses)) {
            op.responses["401"] = errorEnvelope(
              "Unauthorized: missing, expired or invalid token (overlay, reference §4.1)",
            );
            added++;
          }
        }
      }
      if (added === 0) throw new Error("overlay: every operation already declares 401; drop this entry");
    },
  },
  {
    id: "integration/workspace-model-405",
    api: "integration",
    // §2.3: "GET /workspaces/{wsId}/models/{modelId} — 405 — not implemented [live]"; §4.1: error envelope seen with
    // 405 ("Method Not Allowed"); §8.10: the simulator answers 405 there.
    reason: "reference §2.3 + §4.1 + §8.10: GET /workspaces/{ws}/models/{m} answers 405 with the error envelope",
    apply(doc) {
      if (doc.paths[WORKSPACE_MODEL]) throw new Error(`overlay: ${WORKSPACE_MODEL} now exists; drop this entry`);
      doc.paths[WORKSPACE_MODEL] = {
        get: {
          summary: "Not implemented by Anaplan (overlay, reference §2.3)",
          responses: { "405": errorEnvelope("Method Not Allowed (overlay, reference §2.3)") },
        },
      };
    },
  },
  {
    id: "integration/whole-file-404-body",
    api: "integration",
    // The document declares the 404 of GET …/files/{fileId} with a description but no body. §2.6: 404 when
    // chunkCount is 0; §4.1: "An unknown URL and a missing resource give the same generic 404" (error envelope).
    reason: "reference §2.6 + §4.1: the whole-file GET's 404 (no content) carries the generic error envelope",
    apply(doc) {
      const res = responses(operation(doc, WHOLE_FILE, "get"));
      const notFound = res["404"];
      if (!isObj(notFound) || notFound.content)
        throw new Error("overlay: whole-file 404 now has a body; drop this entry");
      notFound.content = errorEnvelope("").content;
    },
  },

  // ----- Authentication Service API ----------------------------------------------------------------------------
  {
    id: "authentication/authenticate-400",
    api: "authentication",
    // §1.2 errors [live]: "400 FAILURE_BAD_HEADER (e.g. "Invalid header. Verify the header."): malformed
    // Authorization header". The document declares only 201 and 401 on /token/authenticate.
    reason:
      "reference §1.2: POST /token/authenticate answers 400 FAILURE_BAD_HEADER for a malformed Authorization header",
    apply(doc) {
      const res = responses(operation(doc, "/token/authenticate", "post"));
      if ("400" in res) throw new Error("overlay: /token/authenticate now declares 400; drop this entry");
      res["400"] = {
        description: "Bad Request. Malformed Authorization header (overlay, reference §1.2).",
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } },
      };
    },
  },
  {
    id: "authentication/validation-url-open",
    api: "authentication",
    // The document pins meta.validationUrl to the single legacy host. §1.1: every region has its own auth host
    // (us9.auth.anaplan.com, …) and the client takes base URLs from config; the recorded fixtures auth_response.json
    // and auth_refresh_token.json (§7) carry https://auth-qa1.anaplan.com/token/validate. Still required: a URL
    // ending in /token/validate.
    reason:
      "reference §1.1 + fixtures auth_response.json (§7): validationUrl is the serving auth host's /token/validate",
    apply(doc) {
      const url = property(componentSchema(doc, "ValidationUrl"), "validationUrl");
      openEnum(url);
      url.format = "uri";
      url.pattern = "/token/validate$";
    },
  },

  // ----- OAuth 2.0 service -------------------------------------------------------------------------------------
  {
    id: "oauth/error-codes-rfc",
    api: "oauth",
    // §1.3: "Errors: {error, error_description, error_uri?} with invalid_grant, access_denied, invalid_request,
    // unauthorized_client, plus the device-flow codes" — RFC 6749 §5.2 / RFC 8628 §3.5 error responses; §6 verdict:
    // do not treat the document's enums as closed. Widened to the registered RFC 6749/8628 codes (still closed to
    // anything else, so a made-up code fails).
    reason:
      "reference §1.3 + §6 verdict: OAuth error codes are the RFC 6749 §5.2 / RFC 8628 §3.5 set, not only the document's 7",
    apply(doc) {
      const error = property(componentSchema(doc, "ErrorPayload"), "error");
      if (!Array.isArray(error.enum)) throw new Error("overlay: ErrorPayload.error has no enum");
      const rfc = [
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope",
        "access_denied",
        "unsupported_response_type",
        "server_error",
        "temporarily_unavailable",
        "authorization_pending",
        "slow_down",
        "expired_token",
      ];
      error.enum = [...new Set([...(error.enum as unknown[]), ...rfc])];
    },
  },
];

/** Applies overlay entries to the matching documents, in place. */
export function applyOverlay(documents: OpenApiDocuments, entries: readonly OverlayEntry[] = OVERLAY): void {
  for (const entry of entries) {
    try {
      entry.apply(documents[entry.api]);
    } catch (error) {
      throw new Error(`overlay entry ${entry.id}: ${(error as Error).message}`);
    }
  }
}
