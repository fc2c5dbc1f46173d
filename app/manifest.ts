import type { MetadataRoute } from "next";
import app from "@/lib/i18n/messages/zh-CN/app.json";
import { THEME_COLOR } from "@/lib/theme";

/**
 * The web app manifest (/manifest.webmanifest), so officers can add the console to their phone's
 * home screen and open it full screen at their station's inbox. The browser fetches it without
 * cookies, so it is public (proxy.ts) and in the default language: it names the app, nothing more.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: app.name,
    short_name: app.name,
    description: app.tagline,
    lang: "zh-CN",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: THEME_COLOR,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
