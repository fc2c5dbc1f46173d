import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { TIME_ZONE } from "@/lib/time";
import { loadMessages } from "@/lib/i18n/load-messages";

// No locale in the URL: the console is Chinese first and the choice is a per-browser cookie.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
  const messages = await loadMessages(locale);
  return { locale, messages, timeZone: TIME_ZONE };
});
