import type { Metadata } from "next";
import { ImagePlayground } from "@/components/playground/images/image-playground";
import { apiBaseUrl } from "../../_lib/base-url";

export const metadata: Metadata = { title: "Image playground" };

export default async function ImagesPlaygroundPage() {
  return <ImagePlayground baseUrl={await apiBaseUrl()} />;
}
