import { describe, expect, it } from 'vitest'
import { foldName, nameTokens, queryTokens } from '../../../shared/db'

describe('foldName', () => {
  it.each([
    ['José', 'jose'],
    ['MÜLLER', 'muller'],
    ['François Nuñez-Çelik', 'francois nunez-celik'],
    ['Łukasz Søren Straße', 'lukasz soren strasse'],
    ['Ｊｏｓｅ', 'jose'],
  ])('folds Latin case and diacritics: %s → %s', (input, folded) => {
    expect(foldName(input)).toBe(folded)
  })

  it.each([
    ['سارة', 'ساره'],
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['ٱلله', 'الله'],
    ['مصطفى', 'مصطفي'],
    ['مُحَمَّد', 'محمد'],
    ['محـــمد', 'محمد'],
    ['رحمٰن', 'رحمن'],
    ['ﻻ', 'لا'],
    ['علی', 'علي'],
  ])('unifies Arabic spelling variants: %s → %s', (input, folded) => {
    expect(foldName(input)).toBe(folded)
  })

  it('makes Arabic-Indic digits ASCII', () => {
    expect(foldName('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789')
  })
})

describe('tokens', () => {
  it('splits queries on spaces and punctuation, deduplicated', () => {
    expect(queryTokens('  Sara, AL-Ali  sara ')).toEqual(['sara', 'al', 'ali'])
    expect(queryTokens(' — ')).toEqual([])
    expect(queryTokens('kpark2024')).toEqual(['kpark', '2024'])
  })

  it('indexes joined forms of hyphenated and apostrophe names', () => {
    expect(nameTokens("Seán O'Brien-Smith")).toEqual(['brien', 'o', 'obriensmith', 'sean', 'smith'])
  })

  it('indexes Arabic words with and without the article', () => {
    expect(nameTokens('سارة العلي')).toEqual(['ساره', 'العلي', 'علي'].sort())
    // A bare article or a two-letter word keeps its only form.
    expect(nameTokens('ال الم')).toEqual(['ال', 'الم'])
  })

  it('skips empty and missing parts, and does not join on other punctuation', () => {
    expect(nameTokens(undefined, '', 'Dana', 'dana.whitfield')).toEqual(['dana', 'whitfield'])
  })
})
