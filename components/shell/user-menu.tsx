"use client";

import * as React from "react";
import { LogOut, Monitor, Moon, Sun } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTheme } from "next-themes";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Badge } from "@/components/ui/badge";

export interface MenuUser {
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
}

function initials(user: MenuUser): string {
  const source = user.name?.trim() || user.email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (user.name ? (parts[1]?.[0] ?? "") : "")).toUpperCase();
}

/**
 * Signs out and makes sure it stuck. proxy.ts re-issues the session cookie on every request it
 * sees (Auth.js rolling sessions), so a link prefetch still in flight when the person clicks "Sign
 * out" can put the cookie back; checking the session and signing out again closes that window.
 */
async function signOutEverywhere() {
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      await signOut({ redirect: false });
      const res = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
      const session = (await res.json().catch(() => null)) as { user?: unknown } | null;
      if (!session?.user) break;
    }
  } finally {
    window.location.assign("/sign-in");
  }
}

export function UserMenu({ user }: { user: MenuUser }) {
  const { theme, setTheme } = useTheme();
  const [signingOut, setSigningOut] = React.useState(false);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label="Account menu"
        className="flex items-center gap-2 rounded-full p-0.5 pr-1 transition-colors hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring sm:pr-2.5"
      >
        <span className="flex size-8 items-center justify-center rounded-full bg-primary/12 text-xs font-semibold text-primary">{initials(user)}</span>
        <span className="hidden max-w-48 truncate text-sm text-muted-foreground sm:inline">{user.email}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <div className="px-2 py-2">
          <div className="flex items-center gap-2">
            <p className="truncate text-sm font-medium">{user.name || user.email.split("@")[0]}</p>
            {user.role === "ADMIN" ? <Badge>Admin</Badge> : null}
          </div>
          <p className="truncate text-xs text-muted-foreground">{user.email}</p>
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme ?? "system"} onValueChange={setTheme}>
          <DropdownMenuRadioItem value="light">
            <Sun aria-hidden="true" /> Light
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="dark">
            <Moon aria-hidden="true" /> Dark
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="system">
            <Monitor aria-hidden="true" /> System
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={signingOut}
          onSelect={(event) => {
            event.preventDefault();
            setSigningOut(true);
            void signOutEverywhere();
          }}
        >
          <LogOut aria-hidden="true" /> {signingOut ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
