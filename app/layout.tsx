import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { THEME_COLOR } from "@/lib/theme";
import { ClientMessages } from "@/components/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: t("name"), robots: { index: false, follow: false }, appleWebApp: { capable: true, title: t("name"), statusBarStyle: "black" } };
}

// The phone's width, and its browser bar in the header's colour.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: THEME_COLOR };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ClientMessages>{children}</ClientMessages>
      </body>
    </html>
  );
}
