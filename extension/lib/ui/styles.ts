/**
 * Styles of the capture button and panel. They live in shadow roots (WXT's `createShadowRootUi`
 * resets inherited styles with `all: initial`), so nothing leaks in from Gmail or LinkedIn, and
 * nothing leaks out. Logical properties only, so right-to-left pages work.
 */
const base = `
/* On the containers, not :host: WXT resets :host with 'all: initial !important'. */
.bar, .panel { font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2937; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #c7d2fe; background: #eef2ff;
  color: #3730a3; padding-block: 2px; padding-inline: 8px; }
button:hover { background: #e0e7ff; }
button.primary { background: #4338ca; border-color: #4338ca; color: #fff; }
button.primary:hover { background: #3730a3; }
button:disabled { opacity: 0.6; cursor: default; }
`

/** The button and badge beside the thread subject or the profile name. */
export const BUTTON_CSS = `${base}
.bar { display: inline-flex; align-items: center; gap: 6px; margin-inline-start: 8px; vertical-align: middle; }
.badge { display: inline-block; border-radius: 999px; background: #dcfce7; color: #166534; padding-block: 1px;
  padding-inline: 8px; font-size: 12px; }
.badge[hidden] { display: none; }
`

/** The capture panel. */
export const PANEL_CSS = `${base}
.panel { position: fixed; inset-block-start: 16px; inset-inline-end: 16px; z-index: 2147483646; width: 380px;
  max-block-size: calc(100vh - 32px); overflow: auto; background: #fff; border: 1px solid #d1d5db;
  border-radius: 10px; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18); padding: 12px; }
header { display: flex; align-items: center; justify-content: space-between; margin-block-end: 8px; }
h2 { font-size: 15px; margin: 0; }
details { border: 1px solid #e5e7eb; border-radius: 8px; padding: 6px 8px; margin-block-end: 8px; }
summary { cursor: pointer; display: flex; align-items: center; gap: 6px; }
.field { display: grid; grid-template-columns: 92px 1fr; gap: 6px; align-items: center; margin-block: 4px; }
.field span { color: #4b5563; font-size: 12px; }
input[type='text'], textarea { font: inherit; inline-size: 100%; border: 1px solid #d1d5db; border-radius: 4px;
  padding-block: 3px; padding-inline: 6px; color: inherit; background: #fff; }
.known { background: #f0fdf4; border: 1px solid #bbf7d0; border-radius: 6px; padding: 6px 8px; margin-block: 6px; }
.known strong { color: #166534; }
.known dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 4px 0 0; }
.known dt { color: #4b5563; }
.known dd { margin: 0; }
.intro { border: 1px solid #fde68a; background: #fffbeb; border-radius: 8px; padding: 6px 8px; margin-block-end: 8px; }
.notes { color: #6b7280; font-size: 12px; margin-block: 0 8px; padding-inline-start: 16px; }
.footer { position: sticky; inset-block-end: -12px; background: #fff; padding-block: 8px 4px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; align-items: center; }
.status { margin-block: 6px 0; font-size: 12px; }
.status:empty { display: none; }
.status.error { color: #b91c1c; }
.status.ok { color: #166534; }
`
