import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "Image playground" };

export default function ImagesPlaygroundPage() {
  return (
    <NotBuiltYet
      title="Images"
      summary="Generate images from a prompt with a choice of model, size and quality, and download the results, here."
    />
  );
}
