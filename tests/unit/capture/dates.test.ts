import { describe, expect, it } from 'vitest'
import { parseMonthDay, parseShownDateTime } from '../../../shared/capture/dates'

describe('parseShownDateTime', () => {
  it('reads Gmail header dates in English (US and UK order) and Arabic', () => {
    expect(parseShownDateTime('Mon, Mar 4, 2024, 9:12 AM')).toBe('2024-03-04T09:12')
    expect(parseShownDateTime('Tue, Mar 5, 2024, 12:30 PM')).toBe('2024-03-05T12:30')
    expect(parseShownDateTime('Wed, Mar 6, 2024, 12:05 AM')).toBe('2024-03-06T00:05')
    expect(parseShownDateTime('Mon, 4 March 2024, 21:40')).toBe('2024-03-04T21:40')
    expect(parseShownDateTime('الثلاثاء، ٥ مارس ٢٠٢٤، ٣:٠٥ م')).toBe('2024-03-05T15:05')
    expect(parseShownDateTime('الأحد، ١٠ نوفمبر ٢٠٢٤، ١١:٥٩ ص')).toBe('2024-11-10T11:59')
  })

  it('returns undefined without a full date and time', () => {
    expect(parseShownDateTime('9:12 AM (2 hours ago)')).toBeUndefined()
    expect(parseShownDateTime('Mar 4, 2024')).toBeUndefined()
    expect(parseShownDateTime('')).toBeUndefined()
  })
})

describe('parseMonthDay', () => {
  it('reads a LinkedIn birthday as --MM-DD', () => {
    expect(parseMonthDay('March 14')).toBe('--03-14')
    expect(parseMonthDay('14 Sept')).toBe('--09-14')
    expect(parseMonthDay('١٤ مارس')).toBe('--03-14')
    expect(parseMonthDay('Connected')).toBeUndefined()
  })
})
