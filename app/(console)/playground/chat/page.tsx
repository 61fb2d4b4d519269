import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Chat playground" };

export default function ChatPlaygroundPage() {
  return (
    <NotBuiltYet
      title="Chat"
      summary="A streaming chat with any chat model, system prompt and parameters, showing tokens, cost and latency per reply, will be here."
    />
  );
}
