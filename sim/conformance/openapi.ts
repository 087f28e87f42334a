/**
 * Response validation against the community Anaplan OpenAPI documents (OpenAPI 3.0.0, setikites/anaplan-openapi),
 * copied unchanged into `./anaplan/openapi/` (Apache-2.0, LICENSE and NOTICE beside them), with the small local
 * overlay of `./overlay.ts` applied on top.
 *
 * Usage:
 *   const v = createValidator();
 *   const r = v.validate({ api: "integration", method: "GET", path: "/2/0/users/me", status: 200, body });
 *   expect(r.errors).toEqual([]);
 *
 * `validate` throws (rather than answering "valid") when the document declares no application/json schema for
 * the request, so a test can never pass because there was nothing to check.
 */
import fs from "node:fs";
import path from "node:path";

import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

import { applyOverlay, type OverlayEntry, OVERLAY } from "./overlay";

const ANAPLAN_DIR = path.join(__dirname, "anaplan");
const OPENAPI_DIR = path.join(ANAPLAN_DIR, "openapi");
export const FIXTURES_DIR = path.join(ANAPLAN_DIR, "fixtures");

export type ApiName = "integration" | "authentication" | "oauth";
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";

export const DOCUMENT_FILES: Record<ApiName, string> = {
  integration: "integration-openapi.json",
  authentication: "authentication-openapi.json",
  oauth: "oauth-openapi.json",
};

export type JsonObject = { [key: string]: unknown };

/** The parts of an OpenAPI 3.0 document this module reads. */
export interface OpenApiDocument extends JsonObject {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: JsonObject & {
    schemas?: Record<string, JsonObject>;
    responses?: Record<string, JsonObject>;
  };
}

export type OpenApiDocuments = Record<ApiName, OpenApiDocument>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads the three documents from disk (fresh, mutable copies). */
export function loadDocuments(dir: string = OPENAPI_DIR): OpenApiDocuments {
  const read = (api: ApiName): OpenApiDocument => {
    const file = path.join(dir, DOCUMENT_FILES[api]);
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!isObject(parsed) || typeof parsed.openapi !== "string" || !isObject(parsed.paths)) {
      throw new Error(`${file} is not an OpenAPI document`);
    }
    if (!parsed.openapi.startsWith("3.0")) throw new Error(`${file}: expected OpenAPI 3.0.x, got ${parsed.openapi}`);
    return parsed as OpenApiDocument;
  };
  return { integration: read("integration"), authentication: read("authentication"), oauth: read("oauth") };
}

// ---------------------------------------------------------------------------------------------------------------
// OpenAPI 3.0 Schema Object -> JSON Schema (draft-07, what Ajv's default class speaks)
// ---------------------------------------------------------------------------------------------------------------

const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "definitions"] as const;
const SCHEMA_LIST_KEYWORDS = ["allOf", "anyOf", "oneOf"] as const;
const SCHEMA_SINGLE_KEYWORDS = ["items", "additionalProperties", "not"] as const;
/** OpenAPI-only annotations that mean nothing to JSON Schema validation. */
const OPENAPI_ONLY_KEYWORDS = ["example", "xml", "externalDocs", "discriminator", "deprecated"] as const;

/**
 * Converts one OpenAPI 3.0 Schema Object in place: `nullable: true` becomes a `"null"` type (and a `null` enum
 * member), OpenAPI-only annotations are dropped. It walks only schema positions, so a *property* that happens to
 * be called `example` or `nullable` is left alone.
 */
export function convertSchema(schema: unknown): void {
  if (!isObject(schema)) return;
  if (schema.nullable === true) {
    if (typeof schema.type === "string") schema.type = [schema.type, "null"];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  }
  delete schema.nullable;
  for (const keyword of OPENAPI_ONLY_KEYWORDS) delete schema[keyword];
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = schema[keyword];
    if (isObject(map)) for (const sub of Object.values(map)) convertSchema(sub);
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const sub of list) convertSchema(sub);
  }
  for (const keyword of SCHEMA_SINGLE_KEYWORDS) convertSchema(schema[keyword]);
}

function convertMediaTypes(holder: unknown): void {
  if (!isObject(holder) || !isObject(holder.content)) return;
  for (const media of Object.values(holder.content)) {
    if (isObject(media)) {
      convertSchema(media.schema);
      delete media.example;
      delete media.examples;
    }
  }
}

/** Converts every schema position of a document in place (components, responses, request bodies, parameters). */
export function convertDocument(doc: OpenApiDocument): void {
  const components = doc.components ?? {};
  for (const schema of Object.values(components.schemas ?? {})) convertSchema(schema);
  for (const response of Object.values(components.responses ?? {})) convertMediaTypes(response);
  for (const item of Object.values(doc.paths)) {
    for (const operation of Object.values(item)) {
      if (!isObject(operation)) continue;
      convertMediaTypes(operation.requestBody);
      if (isObject(operation.responses))
        for (const response of Object.values(operation.responses)) convertMediaTypes(response);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Path templates
// ---------------------------------------------------------------------------------------------------------------

/** Path prefix of the document's first server URL (`/2/0` for the Integration API, empty for the others). */
export function serverBasePath(doc: OpenApiDocument): string {
  const url = doc.servers?.[0]?.url;
  if (!url) return "";
  return new URL(url).pathname.replace(/\/+$/, "");
}

/**
 * Finds the document path template matching a concrete request path (query string ignored; the server base path,
 * e.g. `/2/0`, stripped). When several templates match, the one with the most literal segments wins.
 */
export function matchPathTemplate(doc: OpenApiDocument, requestPath: string): string | undefined {
  let pathname = requestPath.split("?")[0] ?? "";
  const base = serverBasePath(doc);
  if (base) {
    if (!pathname.startsWith(`${base}/`)) return undefined;
    pathname = pathname.slice(base.length);
  }
  const concrete = pathname.split("/").filter(Boolean);
  let best: { template: string; literals: number } | undefined;
  for (const template of Object.keys(doc.paths)) {
    const parts = template.split("/").filter(Boolean);
    if (parts.length !== concrete.length) continue;
    let literals = 0;
    let matches = true;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? "";
      const actual = decodeURIComponent(concrete[i] ?? "");
      if (/^\{[^}]+\}$/.test(part)) continue;
      if (part !== actual) {
        matches = false;
        break;
      }
      literals++;
    }
    if (matches && (!best || literals > best.literals)) best = { template, literals };
  }
  return best?.template;
}

// ---------------------------------------------------------------------------------------------------------------
// The validator
// ---------------------------------------------------------------------------------------------------------------

const JSON_MEDIA_TYPE = "application/json";

function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function pointerToUriFragment(tokens: string[]): string {
  return `#/${tokens.map((t) => encodeURIComponent(escapePointerToken(t))).join("/")}`;
}

function resolveLocalRef(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[token] : undefined;
  }
  if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return node;
}

export interface ValidationRequest {
  api: ApiName;
  method: HttpMethod | Lowercase<HttpMethod>;
  /** Concrete request path as sent, e.g. `/2/0/workspaces/abc/models/DEF/exports?limit=2`. */
  path: string;
  status: number;
  body: unknown;
}

export interface ValidationResult {
  valid: boolean;
  /** One readable line per Ajv error: `<instancePath> <message> (<schemaPath>)`. Empty when valid. */
  errors: string[];
  template: string;
  schemaRef: string;
}

export interface ResponseLocation {
  template: string;
  /** Media types the document declares for this response (empty when it declares no body). */
  contentTypes: string[];
  /** JSON pointer tokens to the application/json schema, when there is one. */
  jsonSchemaPointer?: string[];
}

export interface ConformanceValidator {
  readonly documents: OpenApiDocuments;
  readonly overlay: readonly OverlayEntry[];
  /** Where the document describes this response; throws if the path, method or status is not in the document. */
  locate(api: ApiName, method: string, requestPath: string, status: number): ResponseLocation;
  validate(request: ValidationRequest): ValidationResult;
  /** Validates an instance against a named component schema (`#/components/schemas/<name>`). */
  validateComponent(api: ApiName, schemaName: string, instance: unknown): ValidationResult;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const params = Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "";
    return `${e.instancePath || "(root)"} ${e.message ?? e.keyword}${params} (${e.schemaPath})`;
  });
}

export interface CreateValidatorOptions {
  /** Apply `./overlay.ts` (default true). The raw documents are useful to prove an overlay entry is needed. */
  overlay?: boolean;
  documents?: OpenApiDocuments;
}

export function createValidator(options: CreateValidatorOptions = {}): ConformanceValidator {
  const documents = options.documents ?? loadDocuments();
  const overlay = options.overlay === false ? [] : OVERLAY;
  applyOverlay(documents, overlay);
  for (const doc of Object.values(documents)) convertDocument(doc);

  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const ids: Record<ApiName, string> = {
    integration: "https://conformance.local/integration-openapi.json",
    authentication: "https://conformance.local/authentication-openapi.json",
    oauth: "https://conformance.local/oauth-openapi.json",
  };
  for (const api of Object.keys(documents) as ApiName[]) ajv.addSchema({ ...documents[api], $id: ids[api] });

  const compiled = new Map<string, ValidateFunction>();
  const compileRef = (api: ApiName, pointer: string[]): { fn: ValidateFunction; ref: string } => {
    const ref = ids[api] + pointerToUriFragment(pointer);
    let fn = compiled.get(ref);
    if (!fn) {
      fn = ajv.compile({ $ref: ref });
      compiled.set(ref, fn);
    }
    return { fn, ref };
  };

  const locate = (api: ApiName, method: string, requestPath: string, status: number): ResponseLocation => {
    const doc = documents[api];
    const template = matchPathTemplate(doc, requestPath);
    if (!template) throw new Error(`${api}: no path template in the document matches ${requestPath}`);
    const m = method.toLowerCase();
    const operation = doc.paths[template]?.[m];
    if (!isObject(operation) || !isObject(operation.responses)) {
      throw new Error(`${api}: the document has no ${method.toUpperCase()} operation on ${template}`);
    }
    const responses = operation.responses;
    const key = [String(status), `${String(status)[0]}XX`, "default"].find((k) => k in responses);
    if (!key) {
      throw new Error(
        `${api}: ${method.toUpperCase()} ${template} declares no ${status} response (declared: ${Object.keys(responses).join(", ")})`,
      );
    }
    let pointer = ["paths", template, m, "responses", key];
    let response = responses[key];
    if (isObject(response) && typeof response.$ref === "string") {
      pointer = response.$ref
        .slice(2)
        .split("/")
        .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
      response = resolveLocalRef(doc, response.$ref);
    }
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    const contentTypes = Object.keys(content);
    const json = content[JSON_MEDIA_TYPE];
    return {
      template,
      contentTypes,
      jsonSchemaPointer:
        isObject(json) && json.schema !== undefined ? [...pointer, "content", JSON_MEDIA_TYPE, "schema"] : undefined,
    };
  };

  const run = (api: ApiName, pointer: string[], template: string, instance: unknown): ValidationResult => {
    const { fn, ref } = compileRef(api, pointer);
    const valid = fn(instance);
    return { valid, errors: valid ? [] : formatErrors(fn.errors), template, schemaRef: ref };
  };

  return {
    documents,
    overlay,
    locate,
    validate(request) {
      const where = locate(request.api, request.method, request.path, request.status);
      if (!where.jsonSchemaPointer) {
        throw new Error(
          `${request.api}: ${request.method.toUpperCase()} ${where.template} ${request.status} has no ${JSON_MEDIA_TYPE} schema ` +
            `(declared media types: ${where.contentTypes.join(", ") || "none"})`,
        );
      }
      return run(request.api, where.jsonSchemaPointer, where.template, request.body);
    },
    validateComponent(api, schemaName, instance) {
      if (!isObject(documents[api].components?.schemas?.[schemaName])) {
        throw new Error(`${api}: no component schema ${schemaName}`);
      }
      return run(api, ["components", "schemas", schemaName], `#/components/schemas/${schemaName}`, instance);
    },
  };
}

/** Reads a recorded fixture body from `./anaplan/fixtures/`. */
export function readFixture(name: string): unknown {
  const file = path.join(FIXTURES_DIR, name.endsWith(".json") ? name : `${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
}
