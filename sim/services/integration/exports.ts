/** Export definitions: the catalogue list and one export's metadata (both path forms). */
import { apiError } from "../../http/respond";
import { exportsOf, type ExportDef, findExport, FORMAT_MIME } from "../../seed/catalogue";
import { type Handler, modelForSubresource, sendList, sendOne, sortResources } from "./common";

export function exportSummary(def: ExportDef) {
  return {
    id: def.id,
    name: def.name,
    exportType: def.exportType,
    exportFormat: FORMAT_MIME[def.kind],
    ...(def.kind === "xls" ? {} : { encoding: "UTF-8" }),
    layout: def.exportType,
  };
}

export function exportMetadata(def: ExportDef) {
  const base = {
    columnCount: def.columns.length,
    rowCount: def.rowCount,
    exportFormat: FORMAT_MIME[def.kind],
  };
  const delimited =
    def.kind === "csv"
      ? { encoding: "UTF-8", delimiter: '"', separator: "," }
      : def.kind === "txt"
        ? { encoding: "UTF-8", delimiter: "", separator: "\t" }
        : {};
  return {
    ...base,
    ...delimited,
    headerNames: def.columns.map((c) => c.header),
    dataTypes: def.columns.map((c) => c.type),
    listNames: def.columns.map((c) => c.list),
    layout: def.exportType,
  };
}

export const listExports: Handler = (ctx, user, params) => {
  const model = modelForSubresource(ctx, user, params);
  if (!model) return;
  const defs = sortResources(ctx, exportsOf(model.id));
  sendList(ctx, `/models/${model.id}/objects/export`, "exports", defs.map(exportSummary));
};

export const getExport: Handler = (ctx, user, params) => {
  const model = modelForSubresource(ctx, user, params);
  if (!model) return;
  const def = findExport(model.id, params.e ?? "");
  if (!def) return apiError(ctx, 404);
  sendOne(ctx, `/models/${model.id}/objects/exportMetadata`, "exportMetadata", exportMetadata(def));
};
