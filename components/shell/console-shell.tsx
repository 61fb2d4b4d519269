import * as React from "react";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar-nav";
import { SimulatedBadge } from "./simulated-badge";
import { UserMenu, type MenuUser } from "./user-menu";

/** Sidebar + top bar around every console page. Who is admin is decided by the server layout. */
export function ConsoleShell({ user, simulated, children }: { user: MenuUser; simulated: boolean; children: React.ReactNode }) {
  const isAdmin = user.role === "ADMIN";
  return (
    <div className="min-h-screen bg-background">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 flex-col border-r bg-muted/30 md:flex">
        <div className="flex h-14 items-center px-4">
          <Logo href="/dashboard" />
        </div>
        <div className="flex-1 overflow-y-auto px-3 py-3">
          <SidebarNav isAdmin={isAdmin} />
        </div>
      </aside>
      <div className="md:pl-60">
        <header className="sticky top-0 z-20 flex h-14 items-center gap-2 border-b bg-background/85 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/70 sm:px-6">
          <MobileNav isAdmin={isAdmin} />
          <Logo href="/dashboard" className="md:hidden" />
          <div className="ml-auto flex items-center gap-2 sm:gap-3">
            {simulated ? <SimulatedBadge className="hidden sm:inline-flex" /> : null}
            <UserMenu user={user} />
          </div>
        </header>
        {simulated ? (
          <div className="border-b bg-warning/8 px-4 py-1.5 text-center sm:hidden">
            <SimulatedBadge className="border-none bg-transparent px-0 py-0" />
          </div>
        ) : null}
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 sm:py-8 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
