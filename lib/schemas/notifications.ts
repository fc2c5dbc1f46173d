import { z } from "zod";

// The notification centre's inputs. The notification's id is bound on the server side of its form;
// what it opens is read from the actor's own row, never taken from the client.

export const OpenNotificationSchema = z.object({ notificationId: z.uuid() });
export type OpenNotificationInput = z.infer<typeof OpenNotificationSchema>;

export const MarkAllNotificationsSchema = z.object({});
