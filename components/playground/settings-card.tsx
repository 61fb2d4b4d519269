import * as React from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/** The left-hand column of a playground: its inputs and the button that runs it. */
export function SettingsCard({ children, className, label }: { children: React.ReactNode; className?: string; label: string }) {
  return (
    <Card className={cn("h-fit p-4 sm:p-5", className)}>
      <section aria-label={label} className="grid grid-cols-1 gap-5 [&>*]:min-w-0">
        {children}
      </section>
    </Card>
  );
}
