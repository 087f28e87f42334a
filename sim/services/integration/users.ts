/** GET /users/me */
import { CUSTOMER_ID } from "../../seed/directory";
import { type Handler, sendOne } from "./common";

export const usersMe: Handler = (ctx, user) => {
  sendOne(ctx, "/objects/user", "user", {
    id: user.id,
    active: true,
    email: user.email,
    emailOptIn: false,
    firstName: user.firstName,
    lastName: user.lastName,
    lastLoginDate: user.lastLoginDate,
    customerId: CUSTOMER_ID,
  });
};
