/** The police blue of the console's header (police-900 in app/globals.css): the phone's browser bar and the home-screen app take it. */
export const THEME_COLOR = "#0f2350";
