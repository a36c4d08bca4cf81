import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { importContacts } from '../../../shared/io'
import { PersonDraft } from '../../../shared/model/person'
import { fixture } from './helpers'

const numRuns = Number(process.env.FC_NUM_RUNS ?? 150)
const fixtures = [
  'linkedin-connections.csv',
  'google-contacts.csv',
  'outlook-contacts.csv',
  'apple-3.0.vcf',
  'android-2.1.vcf',
]

async function checkResult(input: string | Uint8Array): Promise<void> {
  const r = await importContacts(input)
  for (const c of r.contacts) expect(v.parse(PersonDraft, c)).toEqual(c)
  for (const e of r.errors) {
    expect(Number.isInteger(e.line) && e.line >= 0).toBe(true)
    expect(e.message).not.toBe('')
  }
}

describe('importContacts property', () => {
  test('never throws, and only returns valid drafts, on random text and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 300 })),
        checkResult,
      ),
      { numRuns },
    )
  })

  test('never throws on truncated or corrupted real exports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.nat(),
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        async (name, cut, at, junk) => {
          const bytes = fixture(name)
          const truncated = bytes.slice(0, cut % (bytes.length + 1))
          const i = at % (truncated.length + 1)
          await checkResult(new Uint8Array([...truncated.slice(0, i), ...junk, ...truncated.slice(i)]))
        },
      ),
      { numRuns },
    )
  })
})
