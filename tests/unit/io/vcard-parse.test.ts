import { describe, expect, test } from 'vitest'
import { decodeValue, parseVCardText } from '../../../shared/io/vcard-parse'

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n')

describe('parseVCardText', () => {
  test('unfolds RFC 6350 continuation lines (space or tab) and keeps the start line', () => {
    const { cards } = parseVCardText(card('VERSION:4.0', 'NOTE:Closes fa', ' st and', '\t well', 'FN:X'))
    const note = cards[0]?.properties.find((p) => p.name === 'NOTE')
    expect(note?.raw).toBe('Closes fast and well')
    expect(note?.line).toBe(3)
    expect(cards[0]?.version).toBe('4.0')
  })

  test('joins 2.1 quoted-printable soft line breaks and decodes UTF-8', () => {
    const { cards } = parseVCardText(
      card(
        'VERSION:2.1',
        'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D9=85=D8=AD=D9=85=D8=AF =D8=A7=',
        '=D9=84=D8=B4=D9=85=D8=B1=D9=8A',
      ),
    )
    const fn = cards[0]?.properties[0]
    expect(fn && decodeValue(fn)).toEqual(['محمد الشمري'])
  })

  test('decodes quoted-printable in a declared single-byte charset', () => {
    const { cards } = parseVCardText(card('VERSION:2.1', 'FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Jos=E9 =80'))
    const fn = cards[0]?.properties[0]
    expect(fn && decodeValue(fn)).toEqual(['José €'])
  })

  test('reads groups and every form of TYPE', () => {
    const { cards } = parseVCardText(
      card(
        'VERSION:3.0',
        'item1.EMAIL;type=INTERNET:a@x.com',
        'TEL;TYPE=WORK,VOICE:1',
        'TEL;TYPE=work;TYPE=voice:2',
        'TEL;WORK;VOICE:3',
        'TEL;TYPE="cell,voice";PREF=1:4',
      ),
    )
    const [email, t1, t2, t3, t4] = cards[0]?.properties ?? []
    expect(email).toMatchObject({ group: 'item1', name: 'EMAIL', types: ['internet'] })
    expect(t1?.types).toEqual(['work', 'voice'])
    expect(t2?.types).toEqual(['work', 'voice'])
    expect(t3?.types).toEqual(['work', 'voice'])
    expect(t4?.types).toEqual(['cell', 'voice', 'pref'])
  })

  test('splits structured values on unescaped separators and unescapes', () => {
    const { cards } = parseVCardText(
      card('VERSION:3.0', 'ADR:;;1 Main St\\, Apt 4\\nRear;Town;;;', 'NOTE:a\\;b\\\\c'),
    )
    const [adr, note] = cards[0]?.properties ?? []
    expect(adr && decodeValue(adr, ';')).toEqual(['', '', '1 Main St, Apt 4\nRear', 'Town', '', '', ''])
    expect(note && decodeValue(note)).toEqual(['a;b\\c'])
  })

  test('skips indented base64 blocks without breaking the next property', () => {
    const { cards } = parseVCardText(
      card(
        'VERSION:2.1',
        'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQ',
        '  SkZJRgABAQ',
        '  AASABIAAD',
        '',
        'TEL;CELL:+1 555 0100',
      ),
    )
    expect(cards[0]?.properties.map((p) => p.name)).toEqual(['PHOTO', 'TEL'])
  })

  test('reports a card left open on its BEGIN line and drops it', () => {
    const text = ['BEGIN:VCARD', 'FN:A', 'BEGIN:VCARD', 'FN:B', 'END:VCARD', 'BEGIN:VCARD', 'FN:C'].join('\n')
    const { cards, errors } = parseVCardText(text)
    expect(cards.map((c) => c.line)).toEqual([3])
    expect(errors.map((e) => e.line)).toEqual([1, 6])
  })
})
