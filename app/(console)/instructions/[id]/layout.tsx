import { ClientMessages } from "@/components/i18n/client-messages";

// This section's client forms read their words in the browser (lib/i18n/client-messages.ts).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages section="app/(console)/instructions/[id]">{children}</ClientMessages>;
}
