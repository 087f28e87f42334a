import { signInBasic, signOut } from "@/lib/bff/auth-routes";
import { route } from "@/lib/bff/handler";
import { jsonOk } from "@/lib/bff/http-errors";
import { toSessionInfo } from "@/lib/session";

export const dynamic = "force-dynamic";

// sign in (basic)
export const POST = signInBasic;

// read the session: user, auth method, end of session — never the token
export const GET = route({}, async ({ session }) => jsonOk(toSessionInfo(session)));

// sign out
export const DELETE = signOut;
