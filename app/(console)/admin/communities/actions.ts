"use server";

import { defineAction } from "@/lib/actions/define-action";
import { ChangeCommunityStationSchema, CreateCommunitySchema, DeleteCommunitySchema } from "@/lib/schemas/config";
import { changeCommunityStation, createCommunity, deleteCommunity } from "@/lib/server/config/communities";

const paths = () => ["/admin/communities"];

export const createCommunityAction = defineAction({
  schema: CreateCommunitySchema,
  run: (actor, input) => createCommunity(actor, input),
  success: (_, input) => ({ message: "adminConfig.communities.created", values: { name: input.name } }),
  revalidate: { paths },
});

export const changeCommunityStationAction = defineAction({
  schema: ChangeCommunityStationSchema,
  run: (actor, input) => changeCommunityStation(actor, input),
  success: () => ({ message: "adminConfig.communities.stationChanged" }),
  revalidate: { paths, always: true },
});

export const deleteCommunityAction = defineAction({
  schema: DeleteCommunitySchema,
  run: (actor, input) => deleteCommunity(actor, input),
  success: () => ({ message: "adminConfig.communities.deleted" }),
  revalidate: { paths, always: true },
});
