import type { Channel, LabeledValue } from '../model'

/** Links that open the phone, messages or mail app on a contact. */
export interface ContactLinks {
  tel?: string
  sms?: string
  mailto?: string
}

const SIMPLE_EMAIL = /^[^\s@?&#]+@[^\s@?&#]+$/

/** A phone number for a `tel:`/`sms:` URI: digits, with a leading `+` kept. */
function dialable(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '')
  return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '')
}

/** Splits a `Subject: …` first line off an email script. */
function emailParts(title: string, script: string): { subject: string; body: string } {
  const m = /^Subject:[ \t]*(.*)\r?\n/i.exec(script)
  if (!m) return { subject: title, body: script }
  return { subject: m[1]!.trim() || title, body: script.slice(m[0].length).replace(/^\s*\n/, '') }
}

const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'))

/**
 * The contact's phone (a mobile one first) and email, and the links to use them. An email
 * touch's `mailto:` carries its subject and body (RFC 6068); a text touch's `sms:` its body
 * (RFC 5724). Numbers and addresses that cannot make a link are left out.
 */
export function contactLinks(
  contact: { phones?: readonly LabeledValue[]; emails?: readonly LabeledValue[] },
  touch: { channel: Channel; title: string; script: string },
): { phone?: string; email?: string; links: ContactLinks } {
  const phones = contact.phones ?? []
  const phone = (phones.find((p) => /mobile|cell/i.test(p.label ?? '')) ?? phones[0])?.value
  const email = contact.emails?.find((e) => SIMPLE_EMAIL.test(e.value.trim()))?.value.trim()
  const links: ContactLinks = {}
  const number = phone ? dialable(phone) : ''
  if (number.replace('+', '').length > 0) {
    links.tel = `tel:${number}`
    links.sms =
      touch.channel === 'text' && touch.script ? `sms:${number}?body=${enc(touch.script)}` : `sms:${number}`
  }
  if (email) {
    if (touch.channel === 'email') {
      const { subject, body } = emailParts(touch.title, touch.script)
      links.mailto = `mailto:${email}?subject=${enc(subject)}&body=${enc(body)}`
    } else links.mailto = `mailto:${email}`
  }
  return { phone, email, links }
}
