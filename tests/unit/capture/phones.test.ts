import { describe, expect, it } from 'vitest'
import { findPhones } from '../../../shared/capture/phones'

describe('findPhones', () => {
  it('reads labelled numbers, before or after, and makes E.164 when it can', () => {
    expect(findPhones('Mobile: (512) 555-0188 | Office: 512.555.0100', { defaultCountry: 'US' })).toEqual([
      { value: '+15125550188', label: 'mobile' },
      { value: '+15125550100', label: 'work' },
    ])
    expect(findPhones('512-555-0142 (Mobile)', { defaultCountry: 'US' })).toEqual([
      { value: '+15125550142', label: 'mobile' },
    ])
    expect(findPhones('F: 512 555 0101')).toEqual([{ value: '512 555 0101', label: 'fax' }])
  })

  it('normalizes Arabic-Indic digits and reads Arabic labels', () => {
    expect(findPhones('جوال: \u200E+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧')).toEqual([{ value: '+966501234567', label: 'mobile' }])
    expect(findPhones('هاتف المكتب: ۰۱۱ ۴۶۵ ۷۸۹۰', { defaultCountry: 'SA' })).toEqual([
      { value: '+966114657890', label: 'work' },
    ])
  })

  it('ignores licence numbers, dates and short numbers unless the field holds phones', () => {
    expect(findPhones('NMLS #482913')).toEqual([])
    expect(findPhones('DRE# 01234567')).toEqual([])
    expect(findPhones('Since 2024-03-04')).toEqual([])
    expect(findPhones('5125550142')).toEqual([])
    expect(findPhones('5125550142', { isPhoneField: true, defaultCountry: 'US' })).toEqual([
      { value: '+15125550142' },
    ])
  })
})
