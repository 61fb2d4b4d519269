import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Admin" };

export default function AdminPage() {
  return (
    <NotBuiltYet
      title="Admin"
      summary="Operators will manage users, roles and suspensions, plans, model prices, redemption codes and see console-wide usage here."
    />
  );
}
