"use client";

import * as React from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/utils";
import "./playground.css";

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

/** The plain text under a hast node: what the copy button of a code block copies. */
function textOf(node: HastNode | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

function languageOf(node: HastNode | undefined): string | null {
  const code = node?.children?.find((c) => c.tagName === "code");
  const classes = code?.properties?.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  const lang = list.find((c) => c.startsWith("language-"));
  return lang ? lang.slice("language-".length) : null;
}

const components: Components = {
  pre({ node, children }) {
    const hast = node as unknown as HastNode | undefined;
    const lang = languageOf(hast);
    const text = textOf(hast).replace(/\n$/, "");
    return (
      <div className="pg-code not-prose my-3 overflow-hidden rounded-md border bg-muted/40">
        <div className="flex h-8 items-center justify-between border-b bg-muted/60 pl-3 pr-1 text-xs text-muted-foreground">
          <span className="font-mono">{lang ?? "text"}</span>
          <CopyButton value={text} label="Copy code" className="size-7" />
        </div>
        <pre className="overflow-x-auto p-3 font-mono text-[13px] leading-relaxed">{children}</pre>
      </div>
    );
  },
  a({ children, href }) {
    return (
      <a href={href} target="_blank" rel="noreferrer noopener">
        {children}
      </a>
    );
  },
};

const remarkPlugins = [remarkGfm];
// Only fenced blocks that name their language are highlighted (rehype-highlight's default):
// guessing on every streamed chunk is slow and flickers between languages.
const rehypePlugins = [rehypeHighlight];

/** A model's reply as Markdown (GFM tables, lists, code) with highlighted, copyable code blocks. */
export const Markdown = React.memo(function Markdown({ children, className, streaming }: { children: string; className?: string; streaming?: boolean }) {
  return (
    <div className={cn("pg-markdown text-sm", streaming && "pg-caret", className)}>
      <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components} skipHtml>
        {children}
      </ReactMarkdown>
    </div>
  );
});

/** One highlighted block of code with a copy button (for "View code"). */
export function CodeBlock({ code, language }: { code: string; language: string }) {
  const fence = "`".repeat(Math.max(3, (code.match(/`+/g) ?? []).reduce((n, m) => Math.max(n, m.length + 1), 3)));
  return <Markdown className="[&_.pg-code]:my-0 [&_pre]:max-h-[55vh]">{`${fence}${language}\n${code}\n${fence}`}</Markdown>;
}
