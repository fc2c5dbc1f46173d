import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type ClientSection } from "@/lib/i18n/client-messages";

/** Sends the browser the words its client components read: the shell's, and a section's own (lib/i18n/client-messages.ts). */
export async function ClientMessages({ section, children }: { section?: ClientSection; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={clientMessages(await getMessages(), section)}>{children}</NextIntlClientProvider>;
}
