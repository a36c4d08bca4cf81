import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { importContacts } from '../../../shared/io'
import { PersonDraft } from '../../../shared/model/person'
import { fixture } from './helpers'

describe('Apple vCard 3.0', async () => {
  const result = await importContacts(fixture('apple-3.0.vcf'), 'Contacts.vcf')
  const [jane, sara, summit, wei] = result.contacts

  test('imports every card, skipping the folded base64 PHOTO', () => {
    expect(result.format).toBe('vcard-3.0')
    expect(result.errors).toEqual([])
    expect(result.contacts).toHaveLength(4)
    for (const c of result.contacts) expect(v.parse(PersonDraft, c)).toEqual(c)
  })

  test('reads N, FN, ORG, TITLE, NOTE, BDAY and CATEGORIES', () => {
    expect(jane).toMatchObject({
      displayName: 'Jane Marie Doe',
      givenName: 'Jane',
      familyName: 'Doe',
      organisation: 'Harbor Realty',
      title: 'Broker Associate',
      notes: 'Met at the Elm St open house, wants 3BR; budget 1.2M\nPrefers text',
      birthday: '1985-03-14',
      tags: ['Clients', 'Sphere'],
    })
  })

  test('labels values from TYPE params and from item groups with X-ABLabel', () => {
    expect(jane?.emails).toEqual([
      { value: 'jane.doe@harborrealty.com', label: 'work' },
      { value: 'jane.doe@gmail.com', label: 'home' },
      { value: 'jane@janedoehomes.example', label: 'other' },
    ])
    expect(jane?.phones).toEqual([
      { value: '(415) 555-0132', label: 'mobile' },
      { value: '+1 415 555 0199', label: 'work' },
      { value: '+1 415 555 0177', label: 'Assistant' },
    ])
    expect(jane?.addresses).toEqual([
      {
        label: 'home',
        street: '123 Main St\nApt 4',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94110',
        country: 'United States',
      },
    ])
    expect(jane?.websites).toEqual(['https://www.harborrealty.example/jane'])
  })

  test('takes LinkedIn from X-SOCIALPROFILE, Arabic slugs decoded', () => {
    expect(jane?.linkedinUrl).toBe('linkedin.com/in/jane-doe-4b2a1c')
    expect(sara).toMatchObject({
      displayName: 'سارة العتيبي',
      linkedinUrl: 'linkedin.com/in/سارة-العتيبي-7a1b2c',
    })
  })

  test('imports a company card and a birthday without a year', () => {
    expect(summit).toMatchObject({
      displayName: 'Summit Title & Escrow',
      organisation: 'Summit Title & Escrow',
    })
    expect(wei?.birthday).toBe('--07-04')
  })
})

describe('Android vCard 2.1', async () => {
  const result = await importContacts(fixture('android-2.1.vcf'))
  const [mohammed, jose, dad, abdulrahman] = result.contacts

  test('imports every card', () => {
    expect(result.format).toBe('vcard-2.1')
    expect(result.errors).toEqual([])
    expect(result.contacts).toHaveLength(4)
  })

  test('decodes quoted-printable UTF-8 Arabic across soft line breaks', () => {
    expect(mohammed).toMatchObject({
      displayName: 'محمد الشمري',
      givenName: 'محمد',
      familyName: 'الشمري',
      organisation: 'الشمري للعقارات',
      notes: 'Prefers WhatsApp\nCall after 5pm',
    })
    expect(abdulrahman).toMatchObject({ displayName: 'عبدالرحمن بن فيصل آل سعود', familyName: 'آل سعود' })
  })

  test("reads 2.1's bare TYPE params", () => {
    expect(mohammed?.phones).toEqual([
      { value: '+966501234567', label: 'mobile' },
      { value: '011 456 7890', label: 'work' },
    ])
    expect(mohammed?.emails).toEqual([{ value: 'm.alshammari@example.sa', label: 'home' }])
  })

  test('reads a quoted-printable address and the URL after an indented PHOTO', () => {
    expect(jose).toMatchObject({
      displayName: 'José Martínez',
      addresses: [
        {
          label: 'home',
          street: '742 Evergreen Terrace',
          city: 'Springfield',
          region: 'OR',
          postalCode: '97403',
          country: 'USA',
        },
      ],
      linkedinUrl: 'linkedin.com/in/jose-martinez-builder',
    })
    expect(dad).toMatchObject({ displayName: 'Dad', phones: [{ value: '0501234567', label: 'mobile' }] })
  })
})

describe('vCard 4.0', async () => {
  const result = await importContacts(fixture('google-4.0.vcf'))
  const [priya, abdullah, old] = result.contacts

  test('reports the majority version of a mixed file', () => {
    expect(result.format).toBe('vcard-4.0')
    expect(result.contacts).toHaveLength(3)
    expect(old?.displayName).toBe('Old Card')
  })

  test('reads tel: URIs, quoted TYPE lists, escapes, --MMDD birthdays and a LinkedIn URL', () => {
    expect(priya).toMatchObject({
      displayName: 'Priya Raman',
      phones: [
        { value: '+1-555-555-0144', label: 'work' },
        { value: '+1 555 555 0145', label: 'mobile' },
      ],
      notes: 'Closes fast; very responsive, prefers email.\nCell after hours.',
      birthday: '--07-04',
      linkedinUrl: 'linkedin.com/in/priyaraman',
      websites: ['https://firstam.example/priya'],
      tags: ['Title & Escrow', 'Vendors'],
    })
    expect(abdullah).toMatchObject({
      displayName: 'عبدالله الحربي',
      birthday: '1980-01-15',
      tags: ['عملاء', 'مستثمرين'],
      phones: [{ value: '+966 11 234 5678', label: 'work' }],
    })
  })
})

describe('broken vCard file', async () => {
  const result = await importContacts(fixture('broken.vcf'))

  test('imports the good cards', () => {
    expect(result.contacts.map((c) => c.displayName)).toEqual(['Good One', 'Kim Last'])
  })

  test('reports unclosed cards and a card with no name on their BEGIN lines', () => {
    expect(result.errors).toEqual([
      { line: 6, message: 'this card has no END:VCARD, so it was not imported' },
      { line: 10, message: 'no name, organisation, email or phone, so it was not imported' },
      { line: 20, message: 'this card has no END:VCARD, so it was not imported' },
    ])
  })
})
