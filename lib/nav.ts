// The console's navigation, one home for the sidebar, the mobile drawer and page titles.
import {
  AudioLines,
  BarChart3,
  CreditCard,
  Image as ImageIcon,
  KeyRound,
  LayoutDashboard,
  type LucideIcon,
  MessageSquare,
  Mic,
  ScrollText,
  ShieldCheck,
} from "lucide-react";

export interface NavItem {
  label: string;
  href: string;
  icon: LucideIcon;
  adminOnly?: boolean;
}

export interface NavSection {
  /** Shown above the section's items; omitted for the top section. */
  title?: string;
  items: NavItem[];
}

export const navSections: NavSection[] = [
  { items: [{ label: "Dashboard", href: "/dashboard", icon: LayoutDashboard }] },
  {
    title: "Playground",
    items: [
      { label: "Chat", href: "/playground/chat", icon: MessageSquare },
      { label: "Images", href: "/playground/images", icon: ImageIcon },
      { label: "Speech", href: "/playground/speech", icon: AudioLines },
      { label: "Transcribe", href: "/playground/transcribe", icon: Mic },
    ],
  },
  {
    title: "Manage",
    items: [
      { label: "API keys", href: "/keys", icon: KeyRound },
      { label: "Usage", href: "/usage", icon: BarChart3 },
      { label: "Logs", href: "/logs", icon: ScrollText },
      { label: "Billing", href: "/billing", icon: CreditCard },
    ],
  },
  { title: "Operator", items: [{ label: "Admin", href: "/admin", icon: ShieldCheck, adminOnly: true }] },
];

/** The sections a person may see: admin-only items are dropped for everyone else. */
export function visibleNav(isAdmin: boolean): NavSection[] {
  return navSections
    .map((s) => ({ ...s, items: s.items.filter((i) => !i.adminOnly || isAdmin) }))
    .filter((s) => s.items.length > 0);
}

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
