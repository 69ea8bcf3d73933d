/** Form schemas keep the API's rule (from lib/lambda-model) but speak to people, not in regexes. */
import { z } from "zod";

/** A string schema that accepts exactly what `schema` accepts, with `message` as its only complaint. */
export function friendly(schema: z.ZodType, message: string) {
  return z.string().refine((v) => schema.safeParse(v).success, { error: message });
}
