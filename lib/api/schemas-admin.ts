import { z } from "zod";

export const apiKeyInputSchema = z.object({
  name: z.string().trim().min(1, "Name the key after what uses it").max(80, "At most 80 characters"),
});
