import type { PlanInput, PlanStep } from '../model'

type Step = PlanInput['steps'][number]
const step = (
  id: string,
  offsetDays: number,
  channel: PlanStep['channel'],
  title: string,
  script: string[],
  assigneeRole: PlanStep['assigneeRole'] = 'assistant',
): Step => ({ id, offsetDays, channel, title, script: script.join('\n'), assigneeRole })

const mail = (n: number, offsetDays: number, title: string, body: string[]): Step =>
  step(`mail-${n}`, offsetDays, 'mail', `Mail: ${title}`, [
    ...body,
    '',
    'Sign it {agentName}, {teamName} · {agentPhone}. Add a handwritten line for {firstName} when you can.',
  ])

const call = (n: number, offsetDays: number, title: string, body: string[]): Step =>
  step(
    `call-${n}`,
    offsetDays,
    'call',
    `Personal call: ${title}`,
    [`Hi {firstName}, it's {agentName}.`, ...body],
    'owner',
  )

const card = (id: string, offsetDays: number, title: string, body: string[]): Step =>
  step(id, offsetDays, 'card', title, body, 'owner')

/**
 * 33 Touch (002, 003): 33 touches a year for the Met database. The chapters give no fixed
 * split, so this default (editable) mixes 12 monthly market-update emails, 9 mail pieces,
 * 4 personal calls, 2 event invitations and 6 cards (4 seasonal or holiday cards, a birthday
 * card and a home-anniversary card), spread over 365 days: the last touch is on day 345.
 */
export const PLAN_33_TOUCH: PlanInput = {
  name: '33 Touch',
  builtin: '33-touch',
  description: 'Thirty-three touches over twelve months for the Met database.',
  steps: [
    {
      id: 'newsletter',
      recurrence: { everyDays: 30, count: 12 },
      channel: 'email',
      title: 'Monthly market update',
      assigneeRole: 'assistant',
      script: [
        'Subject: Your {city} market update',
        '',
        'Hi {firstName},',
        '',
        "Here is this month's market update for {city}: median price, homes sold, days on market",
        "and mortgage rates at a glance. [Insert this month's figures]",
        '',
        "Curious what your home is worth today? Reply and I'll send a free, no-obligation estimate.",
        '',
        '{agentName} · {teamName} · {agentPhone}',
        'Prefer not to hear from us? Reply STOP and we will not email you again.',
      ].join('\n'),
    },
    mail(1, 10, 'welcome letter and trusted-vendor guide', [
      'Welcome {firstName} to our community of clients and friends: a one-page letter on how we',
      'stay in touch, plus the trusted-vendor guide (lenders, inspectors, movers, contractors).',
    ]),
    call(1, 20, 'welcome', [
      'Did the welcome letter arrive? I just wanted to make sure you have everything you need,',
      'and ask: what would be most useful for you to hear from me this year?',
    ]),
    card('card-season-1', 45, 'Occasion card: new season', [
      'Handwritten seasonal card: "Wishing you and yours a wonderful season, {firstName}. {agentName}"',
    ]),
    mail(2, 50, 'seasonal home-maintenance checklist', [
      'A one-page checklist of the jobs that protect a home this season, with the vendor to call for each.',
    ]),
    step('event-1', 75, 'event', 'Invitation: client appreciation event', [
      'Subject: You are invited, {firstName}',
      '',
      'Hi {firstName}, {teamName} is hosting our client appreciation [event] on [date] at [place].',
      'Bring a friend or two: the more the merrier. Please RSVP by replying or calling {agentPhone}.',
      '{agentName}',
    ]),
    mail(3, 90, 'Just Sold results near them', [
      'A postcard of recent sales near {city}, with what each one means for nearby home values.',
    ]),
    call(2, 110, 'check in', [
      'How have things been since [what they mentioned last time]? Anything on the house I can',
      'help with, or anyone you know who could use a hand buying or selling?',
    ]),
    mail(4, 130, 'seasonal home tips card', [
      'A tips card for the season (energy savings, curb appeal, garden) with a local vendor offer.',
    ]),
    card('card-season-2', 140, 'Occasion card: thank you', [
      'Handwritten thank-you card: "Thank you for being part of our community, {firstName}. It means a lot. {agentName}"',
    ]),
    card('card-birthday', 160, 'Birthday card', [
      'Reschedule this touch to their birthday if you know it. Handwritten: "Happy birthday, {firstName}!',
      'Wishing you a wonderful year ahead. {agentName}"',
    ]),
    mail(5, 170, 'mid-year market report', [
      'The mid-year {city} market report: prices, inventory and rates, with a free home-value offer.',
    ]),
    call(3, 200, 'mid-year review', [
      'I am doing my mid-year calls with the people I value most. How is the home treating you?',
      'Would a quick equity review be useful this year?',
    ]),
    mail(6, 210, 'community events calendar', [
      'A calendar of upcoming events in {city} (markets, festivals, school and charity dates).',
    ]),
    card('card-season-3', 225, 'Occasion card: autumn greetings', [
      'Handwritten card: "Happy autumn, {firstName}! Thinking of you. {agentName}"',
    ]),
    step('event-2', 235, 'event', 'Invitation: seasonal community event', [
      'Invite {firstName} and family to our seasonal community event ([pie pick-up, movie night,',
      'shred day]) on [date]. Ask them to bring a neighbour. RSVP to {agentName} at {agentPhone}.',
    ]),
    mail(7, 250, 'home value and equity review offer', [
      'A letter offering a free, no-obligation review of what their home is worth and how much equity they have.',
    ]),
    card('card-anniversary', 270, 'Home anniversary card', [
      'Reschedule this touch to the anniversary of their home purchase if you know it.',
      'Handwritten: "Happy home anniversary, {firstName}! Here is to many more years. {agentName}"',
    ]),
    mail(8, 290, 'a client success story', [
      'A short story of a family we helped this year (with their permission), ending with a thank-you to',
      'everyone who introduced us.',
    ]),
    call(4, 300, 'year-end check in and introductions', [
      'Thank you for a great year of staying in touch. If you hear of anyone thinking about buying',
      'or selling, would you be comfortable introducing us? I will look after them.',
    ]),
    mail(9, 330, 'year-in-review report and calendar', [
      'The year-in-review {city} market report with a fridge calendar or magnet carrying {agentPhone}.',
    ]),
    card('card-holiday', 345, 'Holiday card', [
      'Handwritten holiday card: "Warmest wishes for the holidays and the new year, {firstName}.',
      'With thanks, {agentName} and everyone at {teamName}"',
    ]),
  ],
}
