/**
 * The input of a server action. Actions resolve to results (never throw on AWS errors), so a failure is
 * the mutation's `data` with `ok: false`, rendered in place by the form.
 */
export type ActionInput<A> = A extends (input: infer I) => Promise<unknown> ? I : never;
