import { describe, expect, it } from 'vitest'
import { splitMessageBody } from '../../../shared/capture/gmail-body'
import { pageFrom } from './helpers'

const body = (html: string) =>
  pageFrom(`<div class="a3s aiL">${html}</div>`, 'https://mail.google.com/').querySelector('.a3s')!

describe('splitMessageBody', () => {
  it('takes div.gmail_signature as the signature and drops the sign-off from the text', () => {
    const split = splitMessageBody(
      body(
        '<div>See you at 3.</div><div>Best,</div><div>Omar</div><div class="gmail_signature"><div>Omar Haddad</div><div>Harbor Lending</div></div>',
      ),
      'Omar Haddad',
    )
    expect(split).toEqual({ lines: ['See you at 3.'], signature: ['Omar Haddad', 'Harbor Lending'] })
  })

  it('takes the lines after a "-- " delimiter', () => {
    const split = splitMessageBody(body('Done.<br><br>-- <br>Priya Raman<br>Escrow Officer'), 'Priya Raman')
    expect(split).toEqual({ lines: ['Done.'], signature: ['Priya Raman', 'Escrow Officer'] })
  })

  it('takes the lines after a sign-off only when the next line is the sender', () => {
    const html = 'Booked.<br>Thanks,<br>Luis Ortega<br>Home Inspector<br>Cell 512-555-0177'
    expect(splitMessageBody(body(html), 'Luis Ortega').signature).toEqual([
      'Luis Ortega',
      'Home Inspector',
      'Cell 512-555-0177',
    ])
    expect(splitMessageBody(body(html), 'Priya Raman').signature).toBeUndefined()
    expect(splitMessageBody(body('Booked.<br>Thanks,<br>Luis'), 'Luis Ortega').signature).toBeUndefined()
  })

  it('reads an Arabic sign-off', () => {
    const split = splitMessageBody(body('تم.<br>مع تحياتي،<br>خالد العمري<br>مصرف الواحة'), 'خالد العمري')
    expect(split).toEqual({ lines: ['تم.'], signature: ['خالد العمري', 'مصرف الواحة'] })
  })

  it('never reads quoted history: gmail_quote, blockquote, or an unmarked "On … wrote:"', () => {
    const quoted =
      'Yes.<div class="gmail_quote"><div class="gmail_signature">Omar Haddad<br>Harbor Lending</div></div>'
    expect(splitMessageBody(body(quoted), 'Dana Whitfield')).toEqual({ lines: ['Yes.'] })
    expect(splitMessageBody(body('Yes.<blockquote>-- <br>Omar</blockquote>'), 'Dana')).toEqual({
      lines: ['Yes.'],
    })
    const plain = 'Yes.<br>On Mon, Mar 4, 2024 at 9:12 AM Omar Haddad wrote:<br>-- <br>Omar Haddad'
    expect(splitMessageBody(body(plain), 'Dana')).toEqual({ lines: ['Yes.'] })
  })
})
