import { Construction } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "./page-header";

/**
 * An honest placeholder for a section whose issue has not landed: it says what will be here and
 * offers nothing that pretends to work.
 */
export function NotBuiltYet({ title, summary }: { title: string; summary: string }) {
  return (
    <>
      <PageHeader title={title} />
      <section aria-label={`${title} status`} className="rounded-lg border border-dashed bg-muted/20 px-6 py-14 text-center">
        <div className="mx-auto mb-4 flex size-11 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <Construction className="size-5" aria-hidden="true" />
        </div>
        <Badge variant="secondary" className="mb-3">
          Not built yet
        </Badge>
        <p className="mx-auto max-w-lg text-sm text-muted-foreground">{summary}</p>
      </section>
    </>
  );
}
