import Link from "next/link";
import { cn } from "@/lib/utils";

/** The mark: an "A" opening like an aperture, in the primary colour. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn("size-7", className)} aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path d="M16 6.5 25 25.5h-4.2L16 15l-4.8 10.5H7Z" className="fill-primary-foreground" />
      <circle cx="16" cy="22.2" r="2.1" className="fill-primary-foreground" opacity="0.75" />
    </svg>
  );
}

export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cn("flex items-center gap-2.5 rounded-md font-semibold tracking-tight focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring", className)}>
      <LogoMark />
      <span className="text-[15px]">
        Apertis <span className="font-normal text-muted-foreground">Console</span>
      </span>
    </Link>
  );
}
