"use client";

import * as React from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import type { ApiClientError } from "@/lib/client/fetcher";

/** A dialog holding one form: Enter submits, the server's refusal shows in place, Cancel closes. */
export function FormDialog({
  title,
  description,
  submitLabel,
  pending,
  error,
  onSubmit,
  onClose,
  submitDisabled = false,
  className,
  children,
}: {
  title: string;
  description: React.ReactNode;
  submitLabel: string;
  pending: boolean;
  error: ApiClientError | Error | null;
  onSubmit: () => void;
  onClose: () => void;
  submitDisabled?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className={className}>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          {children}
          {error ? <ErrorCallout error={error} /> : null}
          <DialogFooter>
            <Button variant="outline" onClick={onClose} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
