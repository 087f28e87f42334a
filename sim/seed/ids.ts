/**
 * Fixed identifiers of the simulator's seed data. Tests in every part of the project import these,
 * so the values never change between runs.
 */
export const SEED = {
  password: "export-desk-demo",
  users: {
    ada: {
      email: "ada.lovelace@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      id: "8a80da7c7e5b4a1f9d3c2b1a0f9e8d7c",
    },
    bruno: {
      email: "bruno.diaz@example.com",
      firstName: "Bruno",
      lastName: "Díaz",
      id: "8a80da7c7e5b4a1f9d3c2b1a0f9e8e21",
    },
    chloe: {
      email: "chloe.martin@example.com",
      firstName: "Chloé",
      lastName: "Martin",
      id: "8a80da7c7e5b4a1f9d3c2b1a0f9e8f36",
    },
  },
  workspaces: {
    finance: "8a81948849b9c4e2014a30802f5a02e4",
    sales: "8a81948844c715b401452aee2e6b4015",
  },
  models: {
    fpa: "75A40874E6B64FA3AE0743278996850F",
    restricted: "3C1E9B2D7A4F4E8B9D6C5A1F2E3B4C7D",
    archived: "9F8E7D6C5B4A49382716F5E4D3C2B1A0",
    bigCatalogue: "B16CA7A1060E4F2A8D3B5C7E9F1A2B3C",
    salesPlanning: "5A1E5F0C3A2B4D6E8F9A1B2C3D4E5F60",
  },
  exports: {
    revenueCsv: "116000000001",
    opexTxt: "116000000002",
    gridXls: "116000000003",
    failing: "116000000004",
    slow: "116000000005",
    uncancellable: "116000000006",
    huge: "116000000007",
    nonAscii: "116000000008",
  },
  oauthClient: {
    clientId: "4f7d2c9e1b8a46d3a5e0c7b9f2d1e8a6",
    clientSecret: "sim-secret-4c1f9e7a2d",
  },
} as const;

export type SeedUserKey = keyof typeof SEED.users;
