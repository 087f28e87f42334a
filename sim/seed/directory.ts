/** Seed users, workspaces and models, and who may see what. */
import { SEED } from "./ids";

export interface SeedUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Workspaces the user is a member of. */
  workspaceIds: readonly string[];
  /** Workspaces where the user is workspace admin (GET /workspaces/{id} answers only them). */
  adminWorkspaceIds: readonly string[];
  /** Models listed to the user where the user has the NO ACCESS role. */
  noAccessModelIds: readonly string[];
  lastLoginDate: string;
}

export interface SeedWorkspace {
  id: string;
  name: string;
  active: boolean;
  sizeAllowance: number;
  currentSize: number;
}

export interface SeedModel {
  id: string;
  name: string;
  activeState: "UNLOCKED" | "ARCHIVED" | "LOCKED" | "MAINTENANCE" | "PRODUCTION" | "PRODUCTION_MAINTENANCE";
  workspaceId: string;
  isoCreationDate: string;
  lastModified: string;
  lastSavedSerialNumber: number;
  memoryUsage: number;
  categoryValues: { id: string; attribute: string; categoryId: string; categoryName: string; customerId: string }[];
}

export const CUSTOMER_ID = "8a81b09c5f2e4d7a9b3c1e6f0a2d4b8c";
export const PEOPLE_WORKSPACE = "8a81948846e4f0bf01471239562c5966";
export const TERRITORY_MODEL = "6D203BA7549241C7BEE26C93DE987F12";
export const WORKFORCE_MODEL = "616FFCEA5CBE4A1C81EF0B72DF7DA2CA";

const allWorkspaces = [SEED.workspaces.finance, SEED.workspaces.sales, PEOPLE_WORKSPACE];

export const USERS: readonly SeedUser[] = [
  {
    ...SEED.users.ada,
    workspaceIds: allWorkspaces,
    adminWorkspaceIds: allWorkspaces,
    noAccessModelIds: [],
    lastLoginDate: "2026-11-27T08:14:05.000Z",
  },
  {
    ...SEED.users.bruno,
    workspaceIds: allWorkspaces,
    adminWorkspaceIds: [],
    noAccessModelIds: [SEED.models.restricted],
    lastLoginDate: "2026-11-26T16:41:37.000Z",
  },
  {
    ...SEED.users.chloe,
    workspaceIds: [SEED.workspaces.finance],
    adminWorkspaceIds: [],
    noAccessModelIds: [],
    lastLoginDate: "2026-11-25T10:02:51.000Z",
  },
];

export const WORKSPACES: readonly SeedWorkspace[] = [
  {
    id: SEED.workspaces.finance,
    name: "Finance",
    active: true,
    sizeAllowance: 64_424_509_440,
    currentSize: 21_730_385_920,
  },
  {
    id: SEED.workspaces.sales,
    name: "Sales Operations",
    active: true,
    sizeAllowance: 32_212_254_720,
    currentSize: 9_126_805_504,
  },
  {
    id: PEOPLE_WORKSPACE,
    name: "People & Workforce",
    active: true,
    sizeAllowance: 21_474_836_480,
    currentSize: 4_294_967_296,
  },
];

const category = (id: string, attribute: string, categoryName: string) => ({
  id,
  attribute,
  categoryId: `cat${id.slice(0, 6)}`,
  categoryName,
  customerId: CUSTOMER_ID,
});

export const MODELS: readonly SeedModel[] = [
  {
    id: SEED.models.fpa,
    name: "FP&A Planning",
    activeState: "UNLOCKED",
    workspaceId: SEED.workspaces.finance,
    isoCreationDate: "2023-02-14T09:30:11.000Z",
    lastModified: "2026-11-27T17:05:42.000Z",
    lastSavedSerialNumber: 2_004_281,
    memoryUsage: 4_831_838_208,
    categoryValues: [category("a1f2c3", "Finance", "Business Function")],
  },
  {
    id: SEED.models.restricted,
    name: "Executive Compensation",
    activeState: "PRODUCTION",
    workspaceId: SEED.workspaces.finance,
    isoCreationDate: "2024-01-08T13:02:45.000Z",
    lastModified: "2026-11-20T11:48:09.000Z",
    lastSavedSerialNumber: 412_907,
    memoryUsage: 612_368_384,
    categoryValues: [category("b4e5d6", "Human Resources", "Business Function")],
  },
  {
    id: SEED.models.archived,
    name: "FY2023 Budget (Archive)",
    activeState: "ARCHIVED",
    workspaceId: SEED.workspaces.finance,
    isoCreationDate: "2022-06-30T08:00:00.000Z",
    lastModified: "2024-03-31T22:10:17.000Z",
    lastSavedSerialNumber: 1_250_033,
    memoryUsage: 0,
    categoryValues: [],
  },
  {
    id: SEED.models.bigCatalogue,
    name: "Finance Data Hub",
    activeState: "PRODUCTION",
    workspaceId: SEED.workspaces.finance,
    isoCreationDate: "2021-09-01T07:45:00.000Z",
    lastModified: "2026-11-28T06:00:03.000Z",
    lastSavedSerialNumber: 9_870_112,
    memoryUsage: 11_811_160_064,
    categoryValues: [category("c7a8b9", "Data Hub", "Model Type")],
  },
  {
    id: SEED.models.salesPlanning,
    name: "Sales Performance Management",
    activeState: "UNLOCKED",
    workspaceId: SEED.workspaces.sales,
    isoCreationDate: "2023-10-02T12:20:00.000Z",
    lastModified: "2026-11-27T15:31:26.000Z",
    lastSavedSerialNumber: 733_590,
    memoryUsage: 2_147_483_648,
    categoryValues: [category("d1e2f3", "Sales", "Business Function")],
  },
  {
    id: TERRITORY_MODEL,
    name: "Territory & Quota Planning",
    activeState: "LOCKED",
    workspaceId: SEED.workspaces.sales,
    isoCreationDate: "2024-04-17T10:00:00.000Z",
    lastModified: "2026-11-01T09:12:44.000Z",
    lastSavedSerialNumber: 98_221,
    memoryUsage: 805_306_368,
    categoryValues: [category("d1e2f3", "Sales", "Business Function")],
  },
  {
    id: WORKFORCE_MODEL,
    name: "Workforce Planning",
    activeState: "PRODUCTION",
    workspaceId: PEOPLE_WORKSPACE,
    isoCreationDate: "2022-11-21T14:40:00.000Z",
    lastModified: "2026-11-26T18:22:10.000Z",
    lastSavedSerialNumber: 1_555_010,
    memoryUsage: 1_610_612_736,
    categoryValues: [category("b4e5d6", "Human Resources", "Business Function")],
  },
];

export const findUserByEmail = (email: string): SeedUser | undefined =>
  USERS.find((u) => u.email.toLowerCase() === email.toLowerCase());
export const findUserById = (id: string): SeedUser | undefined => USERS.find((u) => u.id === id);
export const findModel = (id: string): SeedModel | undefined => MODELS.find((m) => m.id === id);
export const findWorkspace = (id: string): SeedWorkspace | undefined => WORKSPACES.find((w) => w.id === id);
export const fullName = (u: SeedUser): string => `${u.firstName} ${u.lastName}`;

export type ModelAccess = "invisible" | "noAccess" | "full";

/** invisible: not in the user's workspaces (404 everywhere); noAccess: listed, but its sub-resources 404. */
export function modelAccess(user: SeedUser, model: SeedModel): ModelAccess {
  if (!user.workspaceIds.includes(model.workspaceId)) return "invisible";
  if (user.noAccessModelIds.includes(model.id)) return "noAccess";
  return "full";
}
