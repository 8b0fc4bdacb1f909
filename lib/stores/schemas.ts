import { z } from "zod";

export const regionInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a region name").max(80, "At most 80 characters"),
});

export const storeInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a store name").max(120, "At most 120 characters"),
  code: z
    .string()
    .trim()
    .min(1, "Enter a store code")
    .max(32, "At most 32 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "Letters, digits, - and _ only"),
  city: z.string().trim().max(80, "At most 80 characters").optional().transform((v) => v || null),
  regionId: z.string().trim().optional().transform((v) => v || null),
});

export type RegionInput = z.infer<typeof regionInputSchema>;
export type StoreInput = z.infer<typeof storeInputSchema>;
