"use client";

import * as React from "react";
import { ImagePlus, Send, Square, X } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { formatBytes } from "@/lib/format";
import { cn } from "@/lib/utils";

export interface Attachment {
  id: string;
  name: string;
  url: string;
}

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_IMAGES = 4;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

/** The message box: Ctrl/Cmd+Enter sends, images attach by button, paste or drop (vision models). */
export function Composer({
  value,
  onChange,
  attachments,
  onAttachments,
  onSend,
  onStop,
  running,
  canAttach,
  model,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  attachments: Attachment[];
  onAttachments: (a: Attachment[]) => void;
  onSend: () => void;
  onStop: () => void;
  running: boolean;
  canAttach: boolean;
  model: string;
  disabled?: boolean;
}) {
  const fileRef = React.useRef<HTMLInputElement>(null);
  const areaRef = React.useRef<HTMLTextAreaElement>(null);
  const [dragging, setDragging] = React.useState(false);
  // Read after hydration: the server cannot know the platform, and the two renders must match.
  const [sendKey, setSendKey] = React.useState("Ctrl Enter");
  React.useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform)) setSendKey("⌘ Enter");
  }, []);

  // Grows with the text up to about ten lines, then scrolls.
  React.useLayoutEffect(() => {
    const el = areaRef.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 240)}px`;
  }, [value]);

  const add = async (files: File[]) => {
    if (!canAttach) {
      toast.error(`${model || "This model"} does not take images. Choose a model marked Vision.`);
      return;
    }
    const next = [...attachments];
    for (const file of files) {
      if (!IMAGE_TYPES.includes(file.type)) {
        toast.error(`${file.name} is not a PNG, JPEG, WebP or GIF image.`);
        continue;
      }
      if (file.size > MAX_IMAGE_BYTES) {
        toast.error(`${file.name} is ${formatBytes(file.size)}; images are limited to 5 MB.`);
        continue;
      }
      if (next.length >= MAX_IMAGES) {
        toast.error(`Up to ${MAX_IMAGES} images per message.`);
        break;
      }
      next.push({ id: `${file.name}-${file.size}-${Date.now()}`, name: file.name, url: await readAsDataUrl(file) });
    }
    onAttachments(next);
  };

  const canSend = !disabled && !running && (value.trim().length > 0 || attachments.length > 0);

  return (
    <div
      className={cn("rounded-lg border bg-background shadow-xs transition-colors focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/30", dragging && "border-primary ring-2 ring-primary/30")}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void add([...e.dataTransfer.files]);
      }}
    >
      {attachments.length ? (
        <ul className="flex flex-wrap gap-2 px-3 pt-3" aria-label="Attached images">
          {attachments.map((a) => (
            <li key={a.id} className="relative">
              <img src={a.url} alt={a.name} className="size-16 rounded-md border object-cover" />
              <button
                type="button"
                aria-label={`Remove ${a.name}`}
                onClick={() => onAttachments(attachments.filter((x) => x.id !== a.id))}
                className="absolute -right-1.5 -top-1.5 rounded-full border bg-background p-0.5 text-muted-foreground shadow-sm hover:text-foreground"
              >
                <X className="size-3" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor="pg-message" className="sr-only">
        Message
      </label>
      <textarea
        id="pg-message"
        ref={areaRef}
        rows={2}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        onPaste={(e) => {
          const files = [...e.clipboardData.files].filter((f) => f.type.startsWith("image/"));
          if (files.length) {
            e.preventDefault();
            void add(files);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (canSend) onSend();
          }
        }}
        placeholder={`Message ${model || "the model"}…`}
        aria-describedby="pg-message-hint"
        className="block max-h-60 min-h-14 w-full resize-none bg-transparent px-3.5 pt-3 text-sm leading-relaxed outline-none placeholder:text-muted-foreground/80"
      />
      <div className="flex items-center gap-2 px-2 pb-2">
        <input
          ref={fileRef}
          type="file"
          accept={IMAGE_TYPES.join(",")}
          multiple
          className="hidden"
          aria-hidden="true"
          tabIndex={-1}
          onChange={(e) => {
            void add([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
        <Tooltip content={canAttach ? "Attach images (or paste / drop them)" : `${model || "This model"} does not take images`}>
          <span tabIndex={canAttach ? -1 : 0}>
            <Button variant="ghost" size="icon-sm" aria-label="Attach images" disabled={!canAttach || running || disabled} onClick={() => fileRef.current?.click()}>
              <ImagePlus aria-hidden="true" />
            </Button>
          </span>
        </Tooltip>
        <p id="pg-message-hint" className="hidden text-xs text-muted-foreground sm:block">
          <kbd className="rounded border bg-muted px-1 font-sans text-[11px]">{sendKey}</kbd> to send · Enter for a new line
        </p>
        <div className="ml-auto">
          {running ? (
            <Button size="sm" variant="outline" onClick={onStop}>
              <Square className="fill-current" aria-hidden="true" /> Stop
            </Button>
          ) : (
            <Button size="sm" onClick={onSend} disabled={!canSend}>
              <Send aria-hidden="true" /> Send
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
