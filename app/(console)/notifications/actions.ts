"use server";

import { defineAction } from "@/lib/actions/define-action";
import { MarkAllNotificationsSchema, OpenNotificationSchema } from "@/lib/schemas/notifications";
import { openNotification } from "@/lib/server/notifications/open-notification";
import { markNotificationsRead } from "@/lib/server/notifications/mark-notifications-read";

// The notification centre. Opening a notification marks it read and goes to its instruction or request to a bank (when
// the actor's unit still holds it); "mark all read" empties the header's count. The header reads
// the count on every page, so the list and the layout are revalidated together.
const revalidate = { paths: () => ["/notifications"], always: true };

export const openNotificationAction = defineAction({
  schema: OpenNotificationSchema,
  bound: ["notificationId"] as const,
  run: (actor, input) => openNotification(actor, input.notificationId),
  success: ({ instructionId, bankRequestId }) =>
    instructionId ? { redirectTo: `/instructions/${instructionId}` } : bankRequestId ? { redirectTo: `/requests/${bankRequestId}` } : { message: "notifications.gone" },
  revalidate,
});

export const markAllNotificationsReadAction = defineAction({
  schema: MarkAllNotificationsSchema,
  run: (actor) => markNotificationsRead(actor, {}),
  success: ({ marked }) => ({ message: marked > 0 ? "notifications.markedAll" : "notifications.nothingToMark" }),
  revalidate,
});
