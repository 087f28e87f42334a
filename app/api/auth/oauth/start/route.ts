import { oauthStart } from "@/lib/bff/auth-routes";

export const dynamic = "force-dynamic";

export const GET = oauthStart;
