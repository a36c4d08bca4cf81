import type { Problem } from '../../shared/doc'

/** A refused write as the UI shows it: the form field it is about and why. */
export interface FieldProblem {
  field: string
  message: string
}

/** Where a repository problem's path points, as a form field: `emails.0.value` is `email`. */
const FIELD_OF: [RegExp, string][] = [
  [/^name\.(display|given|family)/, 'name'],
  [/^emails/, 'email'],
  [/^phones/, 'phone'],
  [/^work\.organisation/, 'organisation'],
  [/^work\.title/, 'title'],
  [/^tags/, 'tags'],
  [/^notes/, 'notes'],
  [/^class/, 'relationshipType'],
]

/** Names the form field of each problem; unknown paths are kept as written ('' for the whole input). */
export function fieldProblems(problems: readonly Problem[]): FieldProblem[] {
  return problems.map((p) => ({
    field: FIELD_OF.find(([re]) => re.test(p.path))?.[1] ?? p.path,
    message: p.message,
  }))
}

/** An unexpected error as a problem the UI can show (the caller logs it). */
export function errorProblem(error: unknown): FieldProblem[] {
  return [{ field: '', message: error instanceof Error ? error.message : String(error) }]
}
