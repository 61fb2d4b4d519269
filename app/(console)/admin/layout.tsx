import { requirePageAdmin } from "@/lib/auth/session";

// Everyone but an admin gets the 404 page for /admin and below: the area's existence is not revealed.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageAdmin();
  return children;
}
