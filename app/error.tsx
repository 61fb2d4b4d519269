"use client";

import { Button } from "@/components/ui/button";

// Unexpected failures while rendering a page. The message is generic on purpose: production builds
// hide server error details from the browser, and `digest` ties this view to the server log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center px-6 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-2 max-w-sm text-sm text-muted-foreground">
        This page could not be shown. Try again; if it keeps failing, tell the operator of this console
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
