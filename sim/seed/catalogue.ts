/** The export catalogue: export definitions per model, with metadata the content generator works from. */
import { SEED } from "./ids";
import { TERRITORY_MODEL, WORKFORCE_MODEL } from "./directory";

export type DataType = "NUMBER" | "ENTITY" | "TIME_ENTITY" | "DATE" | "TEXT" | "BOOLEAN" | "MIXED";
export type FileKind = "csv" | "txt" | "xls";
export type Behaviour = "normal" | "failing" | "slow" | "uncancellable";

export interface Column {
  header: string;
  type: DataType;
  list: string;
}

export interface ExportDef {
  id: string;
  modelId: string;
  name: string;
  exportType: string;
  kind: FileKind;
  columns: Column[];
  /** Number of data rows (the metadata's rowCount estimate is this number). */
  rowCount: number;
  /** Demo duration of a run. */
  durationMs: number;
  behaviour: Behaviour;
  failureMessage?: string;
  /** When set, every data row is padded to exactly this many bytes (random access into huge files). */
  fixedRowWidth?: number;
}

const TYPE_CODES: Record<string, DataType> = {
  N: "NUMBER",
  E: "ENTITY",
  T: "TIME_ENTITY",
  D: "DATE",
  X: "TEXT",
  B: "BOOLEAN",
  M: "MIXED",
};

/** "Header:E:List" → column. Codes: N number, E entity, T time, D date, X text, B boolean, M mixed. */
function cols(...specs: string[]): Column[] {
  return specs.map((spec) => {
    const [header = "", code = "X", list = ""] = spec.split(":");
    return { header, type: TYPE_CODES[code] ?? "TEXT", list };
  });
}

const MONTHS_26 = [
  "Jan 26",
  "Feb 26",
  "Mar 26",
  "Apr 26",
  "May 26",
  "Jun 26",
  "Jul 26",
  "Aug 26",
  "Sep 26",
  "Oct 26",
  "Nov 26",
  "Dec 26",
];
const gridCols = (rowHeader: string, list: string) => [
  { header: rowHeader, type: "ENTITY" as const, list },
  ...MONTHS_26.map((m) => ({ header: m, type: "NUMBER" as const, list: "" })),
];

/** Demo duration: 8–15 s, stable per export id. */
function demoDuration(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 8_000 + (h % 7_001);
}

type Def = Omit<ExportDef, "modelId" | "durationMs" | "behaviour" | "kind"> & {
  behaviour?: Behaviour;
  failureMessage?: string;
};

function kindOf(name: string): FileKind {
  if (name.endsWith(".xls")) return "xls";
  if (name.endsWith(".txt")) return "txt";
  return "csv";
}

function defs(modelId: string, list: Def[]): ExportDef[] {
  return list.map((d) => ({
    ...d,
    modelId,
    kind: kindOf(d.name),
    durationMs: demoDuration(d.id),
    behaviour: d.behaviour ?? "normal",
  }));
}

const E = SEED.exports;
const TMC = "TABULAR_MULTI_COLUMN";
const TSC = "TABULAR_SINGLE_COLUMN";
const GCP = "GRID_CURRENT_PAGE";
const GAP = "GRID_ALL_PAGES";

const FPA: ExportDef[] = defs(SEED.models.fpa, [
  {
    id: E.revenueCsv,
    name: "Revenue by Region - Data.csv",
    exportType: TMC,
    rowCount: 2_400,
    columns: cols("Region:E:Regions", "Product:E:Products", "Month:T", "Revenue:N", "Units:N", "Comment:X"),
  },
  {
    id: E.opexTxt,
    name: "Opex by Cost Center - Data.txt",
    exportType: TSC,
    rowCount: 5_200,
    columns: cols("Cost Center:E:Cost Centers", "Account:E:Accounts", "Month:T", "Line Item:X", "Value:N"),
  },
  { id: E.gridXls, name: "Revenue - Grid.xls", exportType: GCP, rowCount: 48, columns: gridCols("Region", "Regions") },
  {
    id: E.failing,
    name: "Revenue by Region (Saved View) - Data.csv",
    exportType: TMC,
    rowCount: 2_400,
    behaviour: "failing",
    failureMessage: "The export could not be completed: the saved view 'Revenue by Region' no longer exists.",
    columns: cols("Region:E:Regions", "Month:T", "Revenue:N"),
  },
  {
    id: E.slow,
    name: "Workforce Plan - Full Year.csv",
    exportType: TMC,
    rowCount: 85_000,
    behaviour: "slow",
    columns: cols(
      "Employee:E:Employees",
      "Department:E:Departments",
      "Location:E:Cities",
      "Month:T",
      "FTE:N",
      "Salary Cost:N",
      "Active:B",
    ),
  },
  {
    id: E.uncancellable,
    name: "Balance Sheet Close - Data.csv",
    exportType: TMC,
    rowCount: 3_600,
    behaviour: "uncancellable",
    columns: cols("Entity:E:Legal Entities", "Account:E:Accounts", "Period:T", "Closing Balance:N", "Reconciled:B"),
  },
  {
    id: E.huge,
    name: "GL Transactions - All Entities.csv",
    exportType: TMC,
    rowCount: 25_165_824,
    fixedRowWidth: 128,
    columns: cols(
      "Transaction ID:X",
      "Posting Date:D",
      "Entity:E:Legal Entities",
      "Cost Center:E:Cost Centers",
      "Amount:N",
      "Currency:X",
      "Memo:X",
    ),
  },
  {
    id: E.nonAscii,
    name: "Personalkosten München – Übersicht.csv",
    exportType: TMC,
    rowCount: 640,
    columns: cols(
      "Mitarbeiter:E:Employees",
      "Standort:E:Cities",
      "Abteilung:E:Departments",
      "Monat:T",
      "Gehalt (€):N",
      "Bemerkung:X",
    ),
  },
  {
    id: "116000000009",
    name: "Headcount - Data.csv",
    exportType: TMC,
    rowCount: 1_850,
    columns: cols("Employee:E:Employees", "Department:E:Departments", "Hire Date:D", "FTE:N", "Active:B"),
  },
  {
    id: "116000000010",
    name: "Cash Flow Forecast - Data.csv",
    exportType: TMC,
    rowCount: 1_200,
    columns: cols("Entity:E:Legal Entities", "Cash Flow Line:E:Cash Flow Lines", "Week:T", "Amount:N"),
  },
  {
    id: "116000000011",
    name: "P&L Summary - Grid.xls",
    exportType: GCP,
    rowCount: 36,
    columns: gridCols("P&L Line", "P&L Lines"),
  },
  {
    id: "116000000012",
    name: "Capex Plan - Data.txt",
    exportType: TMC,
    rowCount: 420,
    columns: cols("Project:E:Capex Projects", "Entity:E:Legal Entities", "Month:T", "Capex:N", "Depreciation:N"),
  },
  {
    id: "116000000013",
    name: "Travel & Expenses - Data.csv",
    exportType: TMC,
    rowCount: 9_800,
    columns: cols(
      "Employee:E:Employees",
      "Expense Date:D",
      "Category:E:Expense Categories",
      "Amount:N",
      "Description:X",
      "Approved:B",
    ),
  },
  {
    id: "116000000014",
    name: "Budget vs Actuals - Grid.xls",
    exportType: GAP,
    rowCount: 120,
    columns: gridCols("Cost Center", "Cost Centers"),
  },
  {
    id: "116000000015",
    name: "FX Rates - Data.txt",
    exportType: TMC,
    rowCount: 288,
    columns: cols("Currency:E:Currencies", "Month:T", "Budget Rate:N", "Actual Rate:N"),
  },
  {
    id: "116000000016",
    name: "Allocation Drivers - Data.csv",
    exportType: "TABULAR_ALL_LINE_ITEMS",
    rowCount: 760,
    columns: cols("Cost Center:E:Cost Centers", "Driver:E:Allocation Drivers", "Month:T", "Driver Value:N", "Note:X"),
  },
  {
    id: "116000000017",
    name: "Rolling Forecast 18M - Data.csv",
    exportType: TMC,
    rowCount: 6_480,
    columns: cols("Region:E:Regions", "Account:E:Accounts", "Month:T", "Forecast:N", "Prior Forecast:N", "Variance:N"),
  },
  {
    id: "116000000018",
    name: "Price Volume Mix - Grid.xls",
    exportType: GCP,
    rowCount: 60,
    columns: gridCols("Product", "Products"),
  },
  {
    id: "116000000019",
    name: "Intercompany Eliminations.txt",
    exportType: "TABULAR_CURRENT_LINE_ITEM",
    rowCount: 540,
    columns: cols("From Entity:E:Legal Entities", "To Entity:E:Legal Entities", "Period:T", "Amount:N", "Matched:B"),
  },
  {
    id: "116000000020",
    name: "Deferred Revenue Waterfall.csv",
    exportType: TMC,
    rowCount: 1_440,
    columns: cols("Contract:X", "Customer:E:Customers", "Recognition Month:T", "Deferred Balance:N", "Recognised:N"),
  },
  {
    id: "116000000021",
    name: "Cost Centers - Properties.csv",
    exportType: TMC,
    rowCount: 180,
    columns: cols("Cost Center:E:Cost Centers", "Parent:E:Departments", "Owner:E:Employees", "Code:X", "Active:B"),
  },
  {
    id: "116000000022",
    name: "Model Audit Log - Last 30 Days.csv",
    exportType: "AUDIT_LOG",
    rowCount: 12_000,
    columns: cols("Date:D", "User:E:Employees", "Action:X", "Module:X", "Details:X"),
  },
  {
    id: "116000000023",
    name: "Budgets départementaux – T1.csv",
    exportType: TMC,
    rowCount: 300,
    columns: cols("Département:E:Departments", "Région:E:Regions", "Mois:T", "Budget (€):N", "Commentaire:X"),
  },
  {
    id: "116000000024",
    name: "Working Capital - Data.csv",
    exportType: TMC,
    rowCount: 900,
    columns: cols("Entity:E:Legal Entities", "Month:T", "DSO:N", "DPO:N", "DIO:N", "Net Working Capital:N"),
  },
]);

const RESTRICTED: ExportDef[] = defs(SEED.models.restricted, [
  {
    id: "116000000101",
    name: "Executive Bonus Pool - Data.csv",
    exportType: TMC,
    rowCount: 85,
    columns: cols("Executive:E:Employees", "Plan Year:T", "Target Bonus:N", "Payout %:N", "Approved:B"),
  },
  {
    id: "116000000102",
    name: "LTI Grants - Data.txt",
    exportType: TMC,
    rowCount: 240,
    columns: cols("Executive:E:Employees", "Grant Date:D", "Units:N", "Vesting:X"),
  },
  {
    id: "116000000103",
    name: "Salary Bands - Grid.xls",
    exportType: GCP,
    rowCount: 24,
    columns: gridCols("Grade", "Grades"),
  },
]);

const ARCHIVED: ExportDef[] = defs(SEED.models.archived, [
  {
    id: "116000000201",
    name: "FY23 Final Budget - Data.csv",
    exportType: TMC,
    rowCount: 4_100,
    columns: cols("Cost Center:E:Cost Centers", "Account:E:Accounts", "Month:T", "Budget:N"),
  },
  {
    id: "116000000202",
    name: "FY23 Headcount Plan - Data.txt",
    exportType: TMC,
    rowCount: 1_600,
    columns: cols("Employee:E:Employees", "Department:E:Departments", "FTE:N"),
  },
]);

const SALES: ExportDef[] = defs(SEED.models.salesPlanning, [
  {
    id: "116000000301",
    name: "Pipeline by Stage - Data.csv",
    exportType: TMC,
    rowCount: 7_300,
    columns: cols(
      "Opportunity:X",
      "Account:E:Customers",
      "Owner:E:Employees",
      "Stage:E:Pipeline Stages",
      "Close Date:D",
      "Amount:N",
      "Commit:B",
    ),
  },
  {
    id: "116000000302",
    name: "Quota Attainment - Grid.xls",
    exportType: GCP,
    rowCount: 90,
    columns: gridCols("Sales Rep", "Employees"),
  },
  {
    id: "116000000303",
    name: "Territory Assignments - Data.txt",
    exportType: TMC,
    rowCount: 1_100,
    columns: cols("Territory:E:Territories", "Sales Rep:E:Employees", "Region:E:Regions", "Effective Date:D"),
  },
  {
    id: "116000000304",
    name: "Commission Statements – São Paulo.csv",
    exportType: TMC,
    rowCount: 420,
    columns: cols("Sales Rep:E:Employees", "Month:T", "Bookings:N", "Commission Rate:N", "Commission:N", "Note:X"),
  },
  {
    id: "116000000305",
    name: "Bookings by Product - Data.csv",
    exportType: TMC,
    rowCount: 3_900,
    columns: cols("Product:E:Products", "Region:E:Regions", "Month:T", "Bookings:N", "Units:N"),
  },
  {
    id: "116000000306",
    name: "Win Loss Analysis - Data.csv",
    exportType: TMC,
    rowCount: 2_250,
    columns: cols("Opportunity:X", "Competitor:E:Competitors", "Outcome:X", "Amount:N", "Close Date:D"),
  },
]);

const TERRITORY: ExportDef[] = defs(TERRITORY_MODEL, [
  {
    id: "116000000401",
    name: "Quota Targets FY27 - Data.csv",
    exportType: TMC,
    rowCount: 800,
    columns: cols("Territory:E:Territories", "Quarter:T", "Quota:N"),
  },
  {
    id: "116000000402",
    name: "Account Segmentation - Data.txt",
    exportType: TMC,
    rowCount: 5_000,
    columns: cols("Account:E:Customers", "Segment:X", "Territory:E:Territories", "Potential:N"),
  },
]);

const WORKFORCE: ExportDef[] = defs(WORKFORCE_MODEL, [
  {
    id: "116000000501",
    name: "Open Requisitions - Data.csv",
    exportType: TMC,
    rowCount: 310,
    columns: cols("Requisition:X", "Department:E:Departments", "Location:E:Cities", "Target Start:D", "Approved:B"),
  },
  {
    id: "116000000502",
    name: "Attrition Forecast - Grid.xls",
    exportType: GCP,
    rowCount: 40,
    columns: gridCols("Department", "Departments"),
  },
  {
    id: "116000000503",
    name: "Employee Roster - Data.csv",
    exportType: TMC,
    rowCount: 2_700,
    columns: cols("Employee:E:Employees", "Department:E:Departments", "Location:E:Cities", "Hire Date:D", "Salary:N"),
  },
]);

const HUB_DOMAINS = [
  "GL Actuals",
  "Cost Center Master",
  "Employee Master",
  "Customer Master",
  "Product Master",
  "Vendor Spend",
  "Orders",
  "Invoices",
  "FX",
  "Payroll",
  "Projects",
  "Assets",
];
const HUB_FORMATS = [".csv", ".txt", ".csv", ".xls"];
export const BIG_CATALOGUE_SIZE = 5_000;

function hubExports(): ExportDef[] {
  const list: ExportDef[] = [];
  for (let i = 0; i < BIG_CATALOGUE_SIZE; i++) {
    const domain = HUB_DOMAINS[i % HUB_DOMAINS.length] ?? "Data";
    const ext = HUB_FORMATS[Math.floor(i / HUB_DOMAINS.length) % HUB_FORMATS.length] ?? ".csv";
    const id = String(116_000_010_000 + i);
    list.push({
      id,
      modelId: SEED.models.bigCatalogue,
      name: `DH ${String(i + 1).padStart(4, "0")} ${domain} - Extract${ext}`,
      exportType: ext === ".xls" ? GCP : TMC,
      kind: kindOf(ext),
      columns:
        ext === ".xls"
          ? gridCols("Entity", "Legal Entities")
          : cols("Entity:E:Legal Entities", "Key:X", "Month:T", "Value:N"),
      rowCount: 50 + ((i * 37) % 400),
      durationMs: demoDuration(id),
      behaviour: "normal",
    });
  }
  return list;
}

let hubCache: ExportDef[] | undefined;
const CATALOGUE: Record<string, () => ExportDef[]> = {
  [SEED.models.fpa]: () => FPA,
  [SEED.models.restricted]: () => RESTRICTED,
  [SEED.models.archived]: () => ARCHIVED,
  [SEED.models.bigCatalogue]: () => (hubCache ??= hubExports()),
  [SEED.models.salesPlanning]: () => SALES,
  [TERRITORY_MODEL]: () => TERRITORY,
  [WORKFORCE_MODEL]: () => WORKFORCE,
};

export function exportsOf(modelId: string): ExportDef[] {
  return CATALOGUE[modelId]?.() ?? [];
}

export function findExport(modelId: string, exportId: string): ExportDef | undefined {
  return exportsOf(modelId).find((e) => e.id === exportId);
}

export const FORMAT_MIME: Record<FileKind, string> = {
  csv: "text/csv",
  txt: "text/plain",
  xls: "application/vnd.ms-excel",
};
