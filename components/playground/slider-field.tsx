"use client";

import * as React from "react";
import { Slider } from "radix-ui";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** A labelled slider with a number box beside it; both stay inside [min, max]. */
export function SliderField({
  id,
  label,
  value,
  onChange,
  min,
  max,
  step,
  hint,
  format = (v) => String(v),
  defaultValue,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
  min: number;
  max: number;
  step: number;
  hint?: string;
  format?: (v: number) => string;
  /** Shown as a reset link when the value differs from it. */
  defaultValue?: number;
}) {
  const [text, setText] = React.useState(String(value));
  React.useEffect(() => setText(String(value)), [value]);
  const commit = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) {
      setText(String(value));
      return;
    }
    const clamped = Math.min(max, Math.max(min, Math.round(n / step) * step));
    const rounded = Number(clamped.toFixed(4));
    onChange(rounded);
    setText(String(rounded));
  };
  const changed = defaultValue !== undefined && value !== defaultValue;
  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={`${id}-input`} id={`${id}-label`} title={hint}>
          {label}
        </Label>
        <div className="flex items-center gap-1.5">
          {changed ? (
            <button type="button" className="text-xs text-muted-foreground underline-offset-2 hover:text-foreground hover:underline" onClick={() => onChange(defaultValue)}>
              Reset
            </button>
          ) : null}
          <input
            id={`${id}-input`}
            inputMode="decimal"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={(e) => commit(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") commit((e.target as HTMLInputElement).value);
            }}
            aria-describedby={hint ? `${id}-hint` : undefined}
            className="h-7 w-16 rounded-md border border-input bg-background px-2 text-right text-sm tabular-nums focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40"
          />
        </div>
      </div>
      <Slider.Root
        className="relative flex h-4 w-full touch-none select-none items-center"
        min={min}
        max={max}
        step={step}
        value={[value]}
        onValueChange={([v]) => v !== undefined && onChange(Number(v.toFixed(4)))}
        aria-labelledby={`${id}-label`}
      >
        <Slider.Track className="relative h-1.5 grow overflow-hidden rounded-full bg-muted">
          <Slider.Range className="absolute h-full bg-primary/70" />
        </Slider.Track>
        <Slider.Thumb
          aria-label={label}
          aria-valuetext={format(value)}
          className={cn("block size-4 rounded-full border-2 border-primary bg-background shadow-sm transition-colors", "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/50")}
        />
      </Slider.Root>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
