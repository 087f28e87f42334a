/** Plausible values per list and per data type, including non-ASCII names. */
import type { Column } from "../seed/catalogue";
import type { RowRng } from "./prng";

const FIRST = [
  "Zoë",
  "Mateus",
  "Ingrid",
  "José",
  "Aiko",
  "Liam",
  "Fatima",
  "Søren",
  "Chloé",
  "Łukasz",
  "Priya",
  "Noah",
  "Élodie",
  "Kwame",
  "Björn",
  "Mei",
  "Anaïs",
  "Tomás",
  "Olivia",
  "Jürgen",
];
const LAST = [
  "Ångström",
  "Oliveira",
  "Müller",
  "Núñez",
  "Tanaka",
  "O'Connor",
  "Haddad",
  "Kierkegaard",
  "Martin",
  "Wójcik",
  "Sharma",
  "Smith",
  "Lefèvre",
  "Mensah",
  "Öberg",
  "Chen",
  "Dubois",
  "García",
  "Brown",
  "Schäfer",
];

export const LISTS: Record<string, readonly string[]> = {
  Regions: [
    "North America",
    "LATAM",
    "EMEA – Nordics",
    "EMEA – DACH",
    "EMEA – France & Benelux",
    "UK & Ireland",
    "APAC – ANZ",
    "APAC – Japan",
    "APAC – Southeast Asia",
    "Middle East & Africa",
    "India",
    "Greater China",
  ],
  Products: [
    "Planning Cloud – Enterprise",
    "Planning Cloud – Growth",
    "Data Connector",
    "Forecast AI add-on",
    "Professional Services",
    "Premium Support",
    "Training Credits",
    "Sandbox Workspace",
  ],
  "Cost Centers": [
    "CC-1000 Finance",
    "CC-1100 Controlling",
    "CC-2000 Sales",
    "CC-2100 Sales Ops",
    "CC-3000 Marketing & Brand",
    "CC-4000 R&D",
    "CC-4100 Platform",
    "CC-5000 Customer Success",
    "CC-6000 People",
    "CC-7000 IT & Security",
    "CC-8000 Facilities",
  ],
  Accounts: [
    "4000 Revenue",
    "4100 Services Revenue",
    "5000 COGS",
    "6000 Salaries",
    "6100 Bonuses",
    "6200 Benefits",
    "6300 Travel",
    "6400 Software",
    "6500 Rent",
    "6600 Consulting",
    "6700 Marketing Programs",
    "7000 Depreciation",
  ],
  Cities: [
    "São Paulo",
    "München",
    "Zürich",
    "Kraków",
    "Montréal",
    "Reykjavík",
    "London",
    "New York",
    "Tokyo",
    "Singapore",
    "Paris",
    "Córdoba",
    "Malmö",
    "Dublin",
  ],
  Departments: [
    "Finance",
    "Sales",
    "Marketing",
    "Engineering",
    "Customer Success",
    "People",
    "Legal",
    "IT",
    "Operations",
    "Product",
  ],
  "Legal Entities": [
    "Acme Corp (US)",
    "Acme GmbH (München)",
    "Acme SAS (Paris)",
    "Acme Ltd (London)",
    "Acme KK (Tokyo)",
    "Acme Pte Ltd (Singapore)",
    "Acme Ltda (São Paulo)",
    "Acme AB (Malmö)",
  ],
  "Cash Flow Lines": [
    "Receipts from customers",
    "Payroll",
    "Supplier payments",
    "Taxes paid",
    "Capex",
    "Interest",
    "FX gains/losses",
  ],
  "P&L Lines": [
    "Revenue",
    "Cost of Sales",
    "Gross Margin",
    "Opex – S&M",
    "Opex – R&D",
    "Opex – G&A",
    "EBITDA",
    "D&A",
    "EBIT",
    "Net Income",
  ],
  "Capex Projects": [
    "Data Center Refresh",
    "Office Fit-out München",
    "ERP Upgrade",
    "Laptop Replacement FY26",
    "Warehouse Automation",
    "Security Tooling",
  ],
  "Expense Categories": [
    "Airfare",
    "Hotel",
    "Meals",
    "Ground Transport",
    "Conferences",
    "Client Entertainment",
    "Per Diem",
  ],
  "Allocation Drivers": ["Headcount", "Square Metres", "Revenue Share", "IT Tickets", "Direct Hours"],
  Currencies: ["USD", "EUR", "GBP", "JPY", "SGD", "BRL", "SEK", "CHF", "PLN", "CAD", "AUD", "INR"],
  Customers: [
    "Globex Corporation",
    "Initech",
    "Umbrella Group",
    "Société Générale de Test",
    "Müller & Söhne KG",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Nakatomi Trading",
    "Cyberdyne Systems",
    "Açaí Brasil Ltda",
    "Vandelay Industries",
  ],
  "Pipeline Stages": [
    "1 – Qualify",
    "2 – Discover",
    "3 – Propose",
    "4 – Negotiate",
    "5 – Closed Won",
    "6 – Closed Lost",
  ],
  Territories: [
    "NA-East",
    "NA-West",
    "NA-Central",
    "LATAM-Brazil",
    "EMEA-DACH",
    "EMEA-Nordics",
    "EMEA-UKI",
    "APAC-ANZ",
    "APAC-Japan",
  ],
  Competitors: ["Competitor A", "Competitor B", "Spreadsheets", "In-house build", "No decision"],
  Grades: ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "M1", "M2", "M3", "E1"],
};

const EMPLOYEES: string[] = [];
for (let i = 0; i < FIRST.length * 3; i++) {
  EMPLOYEES.push(`${FIRST[i % FIRST.length]} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]}`);
}
EMPLOYEES[0] = "Zoë Ångström";
LISTS.Employees = EMPLOYEES;

const COMMENTS = [
  "",
  "",
  "",
  "On track",
  "Includes Q3 true-up, per Finance review",
  'Reclass from "Other" bucket',
  "FX impact; see note 4",
  "Pending approval",
  "Revised after München offsite",
  "Zoë's adjustment",
  "One-off, non-recurring",
  "Line 1\nline 2 (multi-line note)",
  "Budget cut 5%, agreed",
];
const MEMOS = [
  "Accrual",
  "Invoice posted",
  "Payment run",
  "Intercompany recharge",
  "Manual journal",
  "Reversal",
  "Depreciation run",
  "Payroll batch",
  "Expense claim",
  "FX revaluation",
];
const LINE_ITEMS = [
  "Salaries",
  "Contractors",
  "Travel",
  "Software Licences",
  "Rent",
  "Training",
  "Recruiting",
  "Events",
];
const AUDIT_ACTIONS = [
  "Modified cell",
  "Ran import",
  "Ran export",
  "Created list item",
  "Deleted list item",
  "Changed formula",
];
const MODULES = ["REV01 Revenue Input", "OPX02 Opex Plan", "HC01 Headcount", "CF03 Cash Flow", "SYS01 Time Settings"];
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function listItem(list: string, rng: RowRng): string {
  const items = LISTS[list];
  return items ? rng.pick(items) : `${list || "Item"} ${rng.int(500) + 1}`;
}

/** The list member at a position (grid rows); wraps with a suffix past the end of the list. */
export function listMember(list: string, index: number): string {
  const items = LISTS[list] ?? [];
  if (items.length === 0) return `${list || "Item"} ${index + 1}`;
  const item = items[index % items.length] ?? "";
  const round = Math.floor(index / items.length);
  return round === 0 ? item : `${item} (${round + 1})`;
}

function timeValue(header: string, row: number, rng: RowRng): string {
  const h = header.toLowerCase();
  if (h.includes("week")) return `W${String((row % 52) + 1).padStart(2, "0")} FY26`;
  if (h.includes("quarter")) return `Q${(row % 4) + 1} FY27`;
  if (h.includes("year")) return `FY${24 + (row % 3)}`;
  const m = row % 12;
  return `${MONTH_NAMES[m]} ${rng.next() < 0.8 ? "26" : "27"}`;
}

function dateValue(rng: RowRng): string {
  const month = rng.int(12) + 1;
  const day = rng.int(28) + 1;
  return `${2025 + rng.int(2)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function numberValue(header: string, rng: RowRng): string {
  const h = header.toLowerCase();
  if (h.includes("fte")) return (rng.int(10) / 10 + (rng.next() < 0.8 ? 1 : 0)).toFixed(1).replace(/\.0$/, "");
  if (h.includes("%") || h.includes("rate")) return (rng.next() * 1.5).toFixed(4);
  if (h.includes("units") || h.includes("dso") || h.includes("dpo") || h.includes("dio"))
    return String(rng.int(900) + 10);
  const magnitude = rng.next() < 0.1 ? 1_000_000 : 250_000;
  const value = rng.next() * magnitude - magnitude * 0.08;
  return value.toFixed(2);
}

function textValue(header: string, row: number, rng: RowRng): string {
  const h = header.toLowerCase();
  if (h.includes("transaction")) return `TX-${String(row + 1).padStart(10, "0")}`;
  if (h === "contract") return `CT-${String(10_000 + (row % 90_000))}`;
  if (h === "opportunity")
    return `OPP-${String(40_000 + row)} ${rng.pick(LISTS.Customers ?? [])} – ${rng.pick(["New", "Renewal", "Upsell"])}`;
  if (h === "requisition") return `REQ-${String(2_000 + row)}`;
  if (h === "currency") return rng.pick(LISTS.Currencies ?? []);
  if (h === "code") return `C${String(1000 + rng.int(9000))}`;
  if (h === "key") return `K-${row.toString(36).toUpperCase().padStart(6, "0")}`;
  if (h === "line item") return rng.pick(LINE_ITEMS);
  if (h === "vesting") return rng.pick(["4y, 25% cliff", "3y ratable", "Performance-based"]);
  if (h === "action") return rng.pick(AUDIT_ACTIONS);
  if (h === "module") return rng.pick(MODULES);
  if (h === "segment") return rng.pick(["Enterprise", "Mid-Market", "SMB", "Public Sector"]);
  if (h === "outcome") return rng.pick(["Won", "Lost", "No decision"]);
  if (h === "memo") return rng.pick(MEMOS);
  return rng.pick(COMMENTS);
}

/** One cell of row `row` in column `col`. */
export function cellValue(col: Column, row: number, rng: RowRng): string {
  switch (col.type) {
    case "ENTITY":
      return listItem(col.list, rng);
    case "TIME_ENTITY":
      return timeValue(col.header, row, rng);
    case "DATE":
      return dateValue(rng);
    case "NUMBER":
      return numberValue(col.header, rng);
    case "BOOLEAN":
      return rng.next() < 0.85 ? "true" : "false";
    default:
      return textValue(col.header, row, rng);
  }
}
