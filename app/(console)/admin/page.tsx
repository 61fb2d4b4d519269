import type { Metadata } from "next";
import { Suspense } from "react";
import { AdminView } from "@/components/admin/admin-view";
import { requirePageAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  // The admin layout already 404s anyone else; the page needs the admin's id (no self-suspension).
  const admin = await requirePageAdmin();
  return (
    <Suspense>
      <AdminView selfId={admin.id} />
    </Suspense>
  );
}
