import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata: Metadata = { title: "API keys" };

export default function KeysPage() {
  return (
    <NotBuiltYet
      title="API keys"
      summary="You will create, limit, rotate and revoke your sk- keys here, with quotas, budgets, model and IP allowlists. Until then an operator can create keys from the command line (npm run console -- key:create)."
    />
  );
}
