import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/get-actor";
import { landingPath } from "@/lib/auth/permissions";

export default async function Home() {
  const actor = await requireActor();
  redirect(landingPath(actor.role));
}
