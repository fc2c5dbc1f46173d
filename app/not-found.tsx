import { NotFoundNotice } from "@/components/ui/not-found-notice";

// An address outside the console's pages: no shell around it, so this is the page's <main>.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <NotFoundNotice />
    </main>
  );
}
