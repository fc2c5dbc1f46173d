import { NotFoundNotice } from "@/components/ui/not-found-notice";

// A console page's notFound() renders inside the shell's <main>: a second main landmark here
// would leave screen readers with two.
export default function ConsoleNotFound() {
  return (
    <div className="mx-auto max-w-lg p-10 text-center">
      <NotFoundNotice />
    </div>
  );
}
