import type { TRole } from "@beian/contract";
import type { PayloadRequest } from "payload";

type TUserLike = { role?: string | null; collection?: string } | null | undefined;

export function roleOf(user: TUserLike): TRole | undefined {
  const role = user?.role;
  return role === "admin" || role === "editor" || role === "sales" ? role : undefined;
}

export function hasRole(req: PayloadRequest, ...roles: TRole[]): boolean {
  const role = roleOf(req.user as TUserLike);
  return role !== undefined && roles.includes(role);
}
