"use client";

import * as React from "react";
import { Download, Maximize2, RotateCcw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { formatCost } from "@/lib/playground/cost";
import { formatMs } from "@/lib/format";
import { describeSize } from "@/lib/playground/models";

export interface ImageSettings {
  model: string;
  size: string;
  quality: string;
  style: string;
  n: number;
  format: "b64_json" | "url";
}

export interface GeneratedImage {
  src: string;
  revisedPrompt?: string;
  /** b64_json answers live in a same-origin blob: URL; url answers point at the provider. */
  inline: boolean;
}

export interface GenerationRecord {
  id: string;
  prompt: string;
  settings: ImageSettings;
  images: GeneratedImage[];
  ms: number;
  costUsd: number | null;
  createdAt: number;
}

function fileName(g: GenerationRecord, i: number): string {
  const slug = g.prompt.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "image";
  return `${slug}-${i + 1}.png`;
}

/** Saves the image; a provider URL that refuses a cross-origin fetch is opened instead. */
async function download(image: GeneratedImage, name: string) {
  let href = image.src;
  let revoke = false;
  if (!image.inline) {
    try {
      const res = await fetch(image.src, { mode: "cors" });
      if (!res.ok) throw new Error(String(res.status));
      href = URL.createObjectURL(await res.blob());
      revoke = true;
    } catch {
      window.open(image.src, "_blank", "noopener");
      return;
    }
  }
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (revoke) setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** One request's images with what made them, and what can be done with each. */
export function Generation({ generation: g, onReuse }: { generation: GenerationRecord; onReuse: () => void }) {
  const [open, setOpen] = React.useState<number | null>(null);
  const s = g.settings;
  return (
    <article aria-label={`Images for: ${g.prompt}`} className="space-y-3">
      <header className="grid gap-2 sm:flex sm:items-start sm:justify-between sm:gap-4">
        <div className="min-w-0 flex-1">
          <p className="line-clamp-2 text-sm font-medium">{g.prompt}</p>
          <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            <Badge variant="secondary">{s.model}</Badge>
            <span>{describeSize(s.size)}</span>
            {s.quality ? <span>· {s.quality}</span> : null}
            {s.style ? <span>· {s.style}</span> : null}
            <span>· {formatMs(g.ms)}</span>
            {g.costUsd !== null ? <span>· {formatCost(g.costUsd)}</span> : null}
          </div>
        </div>
        <div className="-ml-2 flex items-center gap-1 sm:ml-0">
          <CopyButton value={g.prompt} label="Copy prompt" showText variant="ghost" />
          <Button variant="ghost" size="sm" onClick={onReuse}>
            <RotateCcw aria-hidden="true" /> Reuse settings
          </Button>
        </div>
      </header>
      {g.images.length === 0 ? <p className="text-sm text-muted-foreground">The model returned no image for this prompt.</p> : null}
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {g.images.map((image, i) => (
          <li key={i} className="overflow-hidden rounded-lg border bg-card">
            {/* The picture opens on click too; the keyboard path is the "Open full size" button. */}
            <img src={image.src} alt={image.revisedPrompt ?? g.prompt} onClick={() => setOpen(i)} className="aspect-square w-full cursor-zoom-in bg-muted object-cover" />
            <div className="flex items-center gap-1 border-t px-2 py-1.5">
              <span className="mr-auto text-xs text-muted-foreground">Image {i + 1}</span>
              <Button size="icon-sm" variant="ghost" aria-label={`Open image ${i + 1} full size`} title="Open full size" onClick={() => setOpen(i)}>
                <Maximize2 aria-hidden="true" />
              </Button>
              <Button size="icon-sm" variant="ghost" aria-label={`Download image ${i + 1}`} title="Download" onClick={() => void download(image, fileName(g, i))}>
                <Download aria-hidden="true" />
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <Dialog open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        <DialogContent className="max-w-[min(64rem,calc(100vw-2rem))] gap-3 p-3 sm:p-4">
          <DialogTitle className="pr-8 text-base">Image {open !== null ? open + 1 : ""} of {g.images.length}</DialogTitle>
          <DialogDescription className="line-clamp-3">{open !== null ? (g.images[open]?.revisedPrompt ?? g.prompt) : ""}</DialogDescription>
          {open !== null && g.images[open] ? (
            <>
              <img src={g.images[open].src} alt={g.images[open].revisedPrompt ?? g.prompt} className="max-h-[70vh] w-full rounded-md object-contain" />
              <div className="flex justify-end gap-2">
                {!g.images[open].inline ? (
                  <Button variant="ghost" size="sm" asChild>
                    <a href={g.images[open].src} target="_blank" rel="noreferrer noopener">
                      Open in new tab
                    </a>
                  </Button>
                ) : null}
                <Button size="sm" onClick={() => void download(g.images[open]!, fileName(g, open))}>
                  <Download aria-hidden="true" /> Download
                </Button>
              </div>
            </>
          ) : null}
        </DialogContent>
      </Dialog>
    </article>
  );
}
