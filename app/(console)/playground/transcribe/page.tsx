import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Transcribe playground" };

export default function TranscribePlaygroundPage() {
  return (
    <NotBuiltYet
      title="Transcribe"
      summary="Record from your microphone or upload an audio file and get its transcript from a speech-to-text model, here."
    />
  );
}
