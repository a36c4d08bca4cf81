import * as v from 'valibot'

/** One reason an input was refused: the field (a dotted path, `''` for the whole input) and why. */
export interface Problem {
  path: string
  message: string
}

/** Expected failures are values: `{ ok: true, value }` or `{ ok: false, problems }`. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

/** A refused write, thrown by `unwrap`; `problems` name the fields. */
export class ValidationError extends Error {
  override name = 'ValidationError'
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '))
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (path: string, message: string): { ok: false; problems: Problem[] } => ({
  ok: false,
  problems: [{ path, message }],
})

/** Returns the value of a successful result, or throws a `ValidationError` naming the fields. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ValidationError(result.problems)
  return result.value
}

/** Validates `input` against a valibot schema, turning its issues into named problems. */
export function check<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  prefix = '',
): Result<v.InferOutput<S>> {
  const r = v.safeParse(schema, input)
  if (r.success) return ok(r.output)
  return {
    ok: false,
    problems: r.issues.map((issue) => {
      const path = [prefix, v.getDotPath(issue)].filter(Boolean).join('.')
      return { path, message: issue.message }
    }),
  }
}
