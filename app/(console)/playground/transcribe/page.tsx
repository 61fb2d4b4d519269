import type { Metadata } from "next";
import { TranscribePlayground } from "@/components/playground/transcribe/transcribe-playground";
import { apiBaseUrl } from "../../_lib/base-url";

export const metadata: Metadata = { title: "Transcribe playground" };

export default async function TranscribePlaygroundPage() {
  return <TranscribePlayground baseUrl={await apiBaseUrl()} />;
}
