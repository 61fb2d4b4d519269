import { Badge } from "@/components/ui/badge";

/** HTTP status of a logged request: green 2xx, amber 4xx (the caller's to fix), red 5xx and 499. */
export function StatusBadge({ status, errorCode }: { status: number; errorCode?: string | null }) {
  const variant = status < 400 ? "success" : status >= 500 || status === 499 ? "destructive" : "warning";
  return (
    <Badge variant={variant} title={errorCode ?? undefined}>
      {status}
      {errorCode ? <span className="font-normal">{errorCode}</span> : null}
    </Badge>
  );
}
