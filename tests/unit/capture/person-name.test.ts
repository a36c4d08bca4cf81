import { describe, expect, it } from 'vitest'
import { isNameLine, isPronouns, splitDisplayName } from '../../../shared/capture/person-name'

describe('splitDisplayName', () => {
  it('splits pronouns, credentials and emoji off a LinkedIn name', () => {
    expect(splitDisplayName('Rosa Delgado-Marín (She/Her), CRS, GRI 🏡✨')).toEqual({
      displayName: 'Rosa Delgado-Marín',
      givenName: 'Rosa',
      familyName: 'Delgado-Marín',
      pronouns: 'She/Her',
      credentials: 'CRS, GRI',
    })
  })

  it('recognises a known credential without a comma, and keeps generational suffixes in the name', () => {
    expect(splitDisplayName('Omar Haddad MBA')).toMatchObject({
      displayName: 'Omar Haddad',
      credentials: 'MBA',
    })
    expect(splitDisplayName('John Smith, Jr., Ph.D.')).toMatchObject({
      displayName: 'John Smith, Jr.',
      credentials: 'Ph.D.',
    })
  })

  it('leaves a name alone when what follows the comma is not credentials', () => {
    expect(splitDisplayName('Haddad, Omar')).toEqual({ displayName: 'Haddad, Omar' })
    expect(splitDisplayName('OMAR AL HADDAD')).toEqual({ displayName: 'OMAR AL HADDAD' })
  })

  it('drops flags, skin tones and joined emoji, and a tagline after " | "', () => {
    expect(splitDisplayName('نورة الشمري 🇸🇦')).toMatchObject({
      displayName: 'نورة الشمري',
      givenName: 'نورة',
    })
    expect(splitDisplayName('Sam 👩🏽‍💼 Patel | Austin Realtor')).toEqual({
      displayName: 'Sam Patel',
      givenName: 'Sam',
      familyName: 'Patel',
    })
    expect(splitDisplayName('🏡')).toEqual({})
  })

  it('splits given and family names only for two-word names', () => {
    expect(splitDisplayName('Mary Ann Smith')).toEqual({ displayName: 'Mary Ann Smith' })
    expect(splitDisplayName('عبد الله الحربي')).toEqual({ displayName: 'عبد الله الحربي' })
  })
})

describe('isPronouns and isNameLine', () => {
  it('tells a pronoun label from other text', () => {
    expect(isPronouns('She/Her')).toBe(true)
    expect(isPronouns('(they/them)')).toBe(true)
    expect(isPronouns('2nd')).toBe(false)
  })

  it('accepts the full name, the first name or the name with credentials, folded', () => {
    expect(isNameLine('Omar Haddad, MBA', 'Omar Haddad')).toBe(true)
    expect(isNameLine('omar', 'Omar Haddad')).toBe(true)
    expect(isNameLine('سارة القحطاني', 'ساره القحطاني')).toBe(true)
    expect(isNameLine('The Harbor team', 'Omar Haddad')).toBe(false)
    expect(isNameLine('Omar', undefined)).toBe(false)
  })
})
