import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-[70vh] flex-col items-center justify-center px-6 py-16 text-center">
      <p className="font-mono text-sm font-medium text-primary">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">The page you asked for does not exist, or you do not have access to it.</p>
      <Button asChild className="mt-6">
        <Link href="/dashboard">Go to the dashboard</Link>
      </Button>
    </div>
  );
}
