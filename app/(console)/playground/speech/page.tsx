import type { Metadata } from "next";
import { SpeechPlayground } from "@/components/playground/speech/speech-playground";
import { apiBaseUrl } from "../../_lib/base-url";

export const metadata: Metadata = { title: "Speech playground" };

export default async function SpeechPlaygroundPage() {
  return <SpeechPlayground baseUrl={await apiBaseUrl()} />;
}
