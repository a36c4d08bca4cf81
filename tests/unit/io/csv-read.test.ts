import { describe, expect, test } from 'vitest'
import { readCsv } from '../../../shared/io/csv-read'

describe('readCsv', () => {
  test('gives each row the physical line it starts on, across multi-line cells and blank lines', () => {
    const text = 'Name,Notes\r\nA,"one\r\ntwo\r\nthree"\r\n\r\nB,x\r\n,\r\nC,"a\r\nb"\r\nD,y'
    const table = readCsv(text)
    expect(table?.headers).toEqual(['Name', 'Notes'])
    expect(table?.rows.map((r) => [r.cells[0], r.line])).toEqual([
      ['A', 2],
      ['B', 6],
      ['C', 8],
      ['D', 10],
    ])
  })

  test('counts LF-only and CR-only files the same way', () => {
    expect(readCsv('Name\nA\n"B\nB"\nC')?.rows.map((r) => r.line)).toEqual([2, 3, 5])
    expect(readCsv('Name\rA\r"B\rB"\rC')?.rows.map((r) => r.line)).toEqual([2, 3, 5])
  })

  test("skips LinkedIn's Notes preamble and counts its lines", () => {
    const text = 'Notes:\n"Some text, with a comma."\n\nFirst Name,Last Name,URL\nJane,Doe,x\n'
    const table = readCsv(text)
    expect(table?.headerLine).toBe(4)
    expect(table?.rows).toEqual([{ cells: ['Jane', 'Doe', 'x'], line: 5 }])
  })

  test('reports a quote that is never closed on the line its row starts', () => {
    const table = readCsv('Name,Email\nA,a@x.com\nB,"b@x.com\nC,c@x.com\n')
    expect(table?.rows.map((r) => r.cells[0])).toEqual(['A'])
    expect(table?.errors).toEqual([{ line: 3, message: expect.stringContaining('never closed') }])
  })

  test('gives undefined for blank text', () => {
    expect(readCsv(' \n\n')).toBeUndefined()
  })
})
