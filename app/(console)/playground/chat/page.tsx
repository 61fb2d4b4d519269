import type { Metadata } from "next";
import { ChatPlayground } from "@/components/playground/chat/chat-playground";
import { apiBaseUrl } from "../../_lib/base-url";

export const metadata: Metadata = { title: "Chat playground" };

export default async function ChatPlaygroundPage() {
  return <ChatPlayground baseUrl={await apiBaseUrl()} />;
}
