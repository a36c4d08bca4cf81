/**
 * Short texts for generated records: what people need, what happened on a call, what a
 * client said in a survey. Kept plain so a demo reads like a real agent's notes.
 */

/** Needs of people referred to the team. */
export const HOME_NEEDS = [
  'Relocating from Seattle; needs a 3-bedroom near good schools by summer',
  'First-time buyers, pre-approved, looking for a condo under $450k',
  'Selling a condo to move up to a house with a yard',
  'Downsizing after the kids moved out; wants single-level living',
  'Inherited a house and wants to sell it as-is',
  'Investor looking for a duplex to rent out',
  'Growing family, needs a fourth bedroom and a home office',
  'Listing expired with another agent; wants a second opinion on price',
  'Moving closer to aging parents in Vancouver',
  'Wants to buy and sell at the same time without moving twice',
] as const

/** Topics of calls, emails and meetings. */
export const TOPICS = [
  'checking in after the move',
  'market update for their neighbourhood',
  'a question about property taxes',
  'recommendation for a contractor',
  'planning to list in the spring',
  'their refinance options',
  'the client appreciation event',
  'a friend who may be moving',
  'school boundaries in the area',
  'what their home is worth now',
  'the home warranty renewal',
  'an open house they visited',
] as const

/** Notes an agent leaves on a contact. */
export const CONTACT_NOTES = [
  'Two kids, a golden retriever; loves the farmers market.',
  'Prefers texts over calls, evenings only.',
  'Works from home; asked about ADU rules.',
  'Sent a referral last spring; send a thank-you card.',
  'Met at the open house; renting now, lease ends in the fall.',
  'Very active in the neighbourhood association.',
  'Bought with us in 2021; happy with the house.',
  'Do not call before 10am.',
  'Coaches youth soccer; knows many families in the area.',
] as const

/** Survey comments by how the client scored us. */
export const SURVEY_COMMENTS = {
  promoter: [
    'Responsive and honest the whole way.',
    'Made a stressful move easy.',
    'Already told my sister about you!',
  ],
  passive: ['Good overall; closing felt rushed.', 'Fine, a few slow replies.', ''],
  detractor: ['Communication dropped off after we signed.', 'Expected more help with the inspection.'],
} as const

/** Email subjects. */
export const EMAIL_SUBJECTS = [
  'Quick market update',
  'Following up',
  'Your home value this quarter',
  'Invitation: client appreciation night',
  'Great to meet you',
  'Homes that just listed near you',
] as const

/** The summary of a generated interaction of the given kind. */
export function summaryFor(kind: string, topic: string): string {
  switch (kind) {
    case 'call':
      return `Call about ${topic}`
    case 'email':
      return `Email about ${topic}`
    case 'text':
      return `Texted about ${topic}`
    case 'meeting':
      return `Coffee meeting: ${topic}`
    case 'note':
      return `Note: ${topic}`
    case 'mail':
      return 'Mailed the monthly market postcard'
    case 'card':
      return 'Sent a handwritten card'
    case 'event':
      return 'Came to the client appreciation event'
    default:
      return `Touched base about ${topic}`
  }
}
