import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { exportGoogleCsv } from '../../../shared/io'
import { exportContacts } from './round-trip-contacts'

describe('exportGoogleCsv', () => {
  const text = exportGoogleCsv(exportContacts())
  const [header = [], ...rows] = Papa.parse<string[]>(text.trim()).data
  const cell = (row: string[] | undefined, name: string) => row?.[header.indexOf(name)]

  test("writes Google's current header layout", () => {
    expect(header.slice(0, 3)).toEqual(['First Name', 'Middle Name', 'Last Name'])
    expect(header).toContain('Labels')
    expect(header).toContain('E-mail 1 - Label')
    expect(header).toContain('E-mail 2 - Value')
    expect(header).toContain('Phone 3 - Value')
    expect(header).toContain('Website 2 - Value')
  })

  test('skips deleted contacts', () => {
    expect(rows).toHaveLength(3)
    expect(text).not.toContain('Deleted Person')
  })

  test('groups values by label into ` ::: ` cells and writes tags after `* myContacts`', () => {
    const jane = rows[0]
    expect(cell(jane, 'E-mail 1 - Label')).toBe('Work')
    expect(cell(jane, 'E-mail 2 - Label')).toBe('Home')
    expect(cell(jane, 'E-mail 2 - Value')).toBe('jane.doe@gmail.com ::: janed+listings@gmail.com')
    expect(cell(jane, 'Phone 3 - Label')).toBe('Assistant')
    expect(cell(jane, 'Labels')).toBe('* myContacts ::: Clients ::: Sphere')
    expect(cell(jane, 'Website 1 - Value')).toBe('https://www.linkedin.com/in/jane-doe-4b2a1c')
    expect(cell(jane, 'Notes')).toBe(
      'Met at the Elm St open house, wants 3BR.\nPrefers text; never call before 9.',
    )
  })

  test('writes an organisation contact with its name as Organization Name only', () => {
    const summit = rows[2]
    expect(cell(summit, 'First Name')).toBe('')
    expect(cell(summit, 'Organization Name')).toBe('Summit Title & Escrow')
  })
})
