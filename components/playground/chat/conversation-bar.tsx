"use client";

import * as React from "react";
import { ChevronDown, MessageSquarePlus, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import type { Conversation } from "@/lib/playground/conversations";

function when(ts: number): string {
  const d = new Date(ts);
  const today = new Date();
  return d.toDateString() === today.toDateString() ? d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" }) : d.toLocaleDateString(undefined, { month: "short", day: "numeric" });
}

/** Which conversation is open, and new / rename / delete. */
export function ConversationBar({
  conversations,
  active,
  onSelect,
  onNew,
  onRename,
  onDelete,
  disabled,
}: {
  conversations: Conversation[];
  active: Conversation | undefined;
  onSelect: (id: string) => void;
  onNew: () => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
  disabled?: boolean;
}) {
  const [renaming, setRenaming] = React.useState(false);
  const [deleting, setDeleting] = React.useState(false);
  const [title, setTitle] = React.useState("");
  return (
    <div className="flex items-center gap-1 border-b px-2 py-1.5 sm:px-3">
      <DropdownMenu>
        <DropdownMenuTrigger asChild disabled={disabled}>
          <Button variant="ghost" size="sm" className="min-w-0 shrink justify-start px-2" aria-label={`Conversation: ${active?.title ?? "New chat"}. Switch conversation`}>
            <span className="truncate font-medium">{active?.title ?? "New chat"}</span>
            <ChevronDown className="text-muted-foreground" aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="max-h-80 w-72 overflow-y-auto">
          <DropdownMenuLabel>Conversations in this browser</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={active?.id} onValueChange={onSelect}>
            {conversations.map((c) => (
              <DropdownMenuRadioItem key={c.id} value={c.id}>
                <span className="min-w-0 flex-1 truncate">{c.title}</span>
                <span className="shrink-0 text-xs text-muted-foreground">{when(c.updatedAt)}</span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      </DropdownMenu>
      <div className="ml-auto flex shrink-0 items-center gap-0.5">
        <Button variant="ghost" size="sm" onClick={onNew} disabled={disabled} className="px-2">
          <MessageSquarePlus aria-hidden="true" /> <span className="hidden sm:inline">New chat</span>
          <span className="sr-only sm:hidden">New chat</span>
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild disabled={disabled || !active}>
            <Button variant="ghost" size="icon-sm" aria-label="Conversation actions">
              <MoreHorizontal aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem
              onSelect={() => {
                setTitle(active?.title ?? "");
                setRenaming(true);
              }}
            >
              <Pencil aria-hidden="true" /> Rename
            </DropdownMenuItem>
            <DropdownMenuItem className="text-destructive data-[highlighted]:text-destructive" onSelect={() => setDeleting(true)}>
              <Trash2 aria-hidden="true" /> Delete
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </div>

      <Dialog open={renaming} onOpenChange={setRenaming}>
        <DialogContent className="max-w-md">
          <form
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (active) onRename(active.id, title);
              setRenaming(false);
            }}
          >
            <DialogHeader>
              <DialogTitle>Rename conversation</DialogTitle>
              <DialogDescription>Names are kept in this browser only.</DialogDescription>
            </DialogHeader>
            <Input aria-label="Conversation name" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} autoFocus />
            <DialogFooter>
              <Button variant="ghost" onClick={() => setRenaming(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={!title.trim()}>
                Rename
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <Dialog open={deleting} onOpenChange={setDeleting}>
        <DialogContent className="max-w-md">
          <DialogHeader>
            <DialogTitle>Delete “{active?.title}”?</DialogTitle>
            <DialogDescription>The conversation is removed from this browser. Usage already metered stays in your logs.</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="ghost" onClick={() => setDeleting(false)}>
              Cancel
            </Button>
            <Button
              variant="destructive"
              onClick={() => {
                if (active) onDelete(active.id);
                setDeleting(false);
              }}
            >
              Delete
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
