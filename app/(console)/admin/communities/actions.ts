"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/get-actor";
import { ChangeCommunityStationSchema, CreateCommunitySchema, DeleteCommunitySchema } from "@/lib/schemas/config";
import { changeCommunityStation, createCommunity, deleteCommunity } from "@/lib/server/config/communities";
import { parseForm, errorState, type ActionState } from "@/lib/actions/action-state";

const PATH = "/admin/communities";

export async function createCommunityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(CreateCommunitySchema, {
    street: formData.get("street"),
    name: formData.get("name"),
    stationId: formData.get("stationId"),
  });
  if (!parsed.ok) return parsed.state;
  try {
    await createCommunity(actor, parsed.data);
  } catch (error) {
    return errorState(error);
  }
  revalidatePath(PATH);
  return { ok: true, message: (await getTranslations("adminConfig.communities"))("created", { name: parsed.data.name }) };
}

export async function changeCommunityStationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(ChangeCommunityStationSchema, {
    communityId: formData.get("communityId"),
    stationId: formData.get("stationId"),
  });
  if (!parsed.ok) return parsed.state;
  try {
    await changeCommunityStation(actor, parsed.data);
  } catch (error) {
    revalidatePath(PATH);
    return errorState(error);
  }
  revalidatePath(PATH);
  return { ok: true, message: (await getTranslations("adminConfig.communities"))("stationChanged") };
}

export async function deleteCommunityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = await parseForm(DeleteCommunitySchema, { communityId: formData.get("communityId") });
  if (!parsed.ok) return parsed.state;
  try {
    await deleteCommunity(actor, parsed.data);
  } catch (error) {
    revalidatePath(PATH);
    return errorState(error);
  }
  revalidatePath(PATH);
  return { ok: true, message: (await getTranslations("adminConfig.communities"))("deleted") };
}
