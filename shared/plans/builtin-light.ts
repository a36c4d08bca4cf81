import type { PlanInput } from '../model'

/**
 * 12 Direct (002, 003): twelve direct-mail pieces a year, for Haven't Met contacts (a farm
 * area or list) and the low-cost plan for the non-responsive. One monthly mail step.
 */
export const PLAN_12_DIRECT: PlanInput = {
  name: '12 Direct',
  builtin: '12-direct',
  description: "Twelve monthly direct-mail pieces for Haven't Met and non-responsive contacts.",
  steps: [
    {
      id: 'mail',
      recurrence: { everyDays: 30, count: 12 },
      channel: 'mail',
      title: 'Monthly direct-mail piece',
      assigneeRole: 'assistant',
      script: [
        "Mail this month's piece to {fullName}. Rotate the themes through the year: the {city}",
        'market snapshot, Just Listed / Just Sold, seasonal home tips, a client story, the',
        'community calendar, the year in review.',
        '',
        'Call to action: "Thinking of buying or selling? Call {agentName} at {agentPhone} for a',
        'free, no-obligation home value estimate. {teamName}"',
        'Always print: "To stop receiving mail from us, call or email and we will remove you at once."',
      ].join('\n'),
    },
  ],
}

/**
 * Email only: the lightest plan for non-responsive contacts (team setting `noResponsePlan`),
 * a monthly newsletter email that costs nothing to send.
 */
export const PLAN_EMAIL_ONLY: PlanInput = {
  name: 'Email only',
  builtin: 'email-only',
  description: 'A monthly newsletter email for non-responsive contacts.',
  steps: [
    {
      id: 'newsletter',
      recurrence: { everyDays: 30, count: 12 },
      channel: 'email',
      title: 'Monthly newsletter',
      assigneeRole: 'assistant',
      script: [
        'Subject: {city} real estate this month',
        '',
        'Hi {firstName},',
        '',
        "This month's {city} numbers, one local story and one home tip. [Insert the newsletter]",
        '',
        '{agentName} · {teamName} · {agentPhone}',
        'Prefer not to hear from us? Reply STOP and we will not email you again.',
      ].join('\n'),
    },
  ],
}
