"use client";

import * as React from "react";
import { Tabs as TabsPrimitive } from "radix-ui";
import { cn } from "@/lib/utils";

// The console's two tab looks: "pill" (segmented, inside cards and dialogs) and "underline" (page
// sections). Radix gives keyboard arrows and roles; these only style.
type Variant = "pill" | "underline" | "pill-sm";

const VariantContext = React.createContext<Variant>("pill");

const listClass: Record<Variant, string> = {
  pill: "inline-flex rounded-md bg-muted p-1",
  "pill-sm": "inline-flex rounded-md border bg-muted/40 p-0.5",
  underline: "flex gap-1 overflow-x-auto border-b",
};

const triggerClass: Record<Variant, string> = {
  pill: "rounded-sm px-3 py-1 text-sm data-[state=active]:bg-background data-[state=active]:shadow-xs",
  "pill-sm": "rounded px-2.5 py-1 text-xs data-[state=active]:bg-background data-[state=active]:shadow-xs",
  underline: "-mb-px whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm data-[state=active]:border-primary",
};

export const Tabs = TabsPrimitive.Root;

export function TabsList({ variant = "pill", className, ...props }: React.ComponentProps<typeof TabsPrimitive.List> & { variant?: Variant }) {
  return (
    <VariantContext.Provider value={variant}>
      <TabsPrimitive.List className={cn(listClass[variant], className)} {...props} />
    </VariantContext.Provider>
  );
}

export function TabsTrigger({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Trigger>) {
  const variant = React.useContext(VariantContext);
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "font-medium text-muted-foreground transition-colors hover:text-foreground data-[state=active]:text-foreground",
        "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
        triggerClass[variant],
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Content>) {
  return <TabsPrimitive.Content className={cn("focus-visible:outline-none", className)} {...props} />;
}
