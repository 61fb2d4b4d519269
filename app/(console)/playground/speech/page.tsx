import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Speech playground" };

export default function SpeechPlaygroundPage() {
  return (
    <NotBuiltYet
      title="Speech"
      summary="Turn text into speech with a choice of voice and format, play it in the browser and download it, here."
    />
  );
}
