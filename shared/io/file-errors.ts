import type { ImportFormat, ImportResult } from './types'

/**
 * The result for a file that holds no contacts at all: no drafts and one error naming the problem.
 * @param format - what the file was recognized as (`unknown` when nothing)
 * @param message - the problem, e.g. "not a CSV or vCard file"
 * @param line - the line the problem is on; 0 for the whole file
 * @returns the result
 */
export function fileError(format: ImportFormat, message: string, line = 0): ImportResult {
  return { format, contacts: [], errors: [{ line, message }] }
}
