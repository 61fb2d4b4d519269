"use client";

import * as React from "react";
import { Check, Copy } from "lucide-react";
import { cn } from "@/lib/utils";
import { Button, type ButtonSize, type ButtonVariant } from "./button";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API missing (plain http on a LAN address) or denied: fall back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** Copies `value`; its accessible name is "Copy" (or `label`), and it reads "Copied" for 2 s after. */
export function CopyButton({
  value,
  label = "Copy",
  showText = false,
  variant = "ghost",
  size = "icon-sm",
  className,
}: {
  value: string;
  label?: string;
  showText?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}) {
  const [state, setState] = React.useState<"idle" | "copied" | "failed">("idle");
  React.useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);

  const text = state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label;
  return (
    <>
      <Button
      variant={variant}
      size={showText ? "sm" : size}
      className={cn(state === "copied" && "text-success", className)}
      aria-label={showText ? undefined : text}
      title={text}
      onClick={async () => setState((await copyText(value)) ? "copied" : "failed")}
    >
      {state === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      {showText ? <span>{text}</span> : null}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied to clipboard" : ""}
      </span>
    </>
  );
}
