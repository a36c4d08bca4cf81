import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { generateContactsCsv } from '../../../shared/demo'
import { buildPwaOnce, launchPwa, pageScript } from '../browser/launch'
import type { RapportBench } from '../browser/page-api'
import { median, percentile } from '../measure'
import type { BenchContext, Metric } from '../types'

/** The team's id on the benchmark device (the updates are the cache's `bench-team`). */
const TEAM_ID = 'bench-team'
/** Rows of the imported Google Contacts CSV, at every team size. */
const IMPORT_ROWS = 10_000
/** Animation frames the scroll from top to bottom takes. */
const SCROLL_FRAMES = 600
/** Keystrokes the search figure takes at least. */
const MIN_KEYSTROKES = 50

/** Every figure of one browser run at one size. */
interface PwaFigures {
  seed: number
  coldStart: number
  keystrokeP95: number
  scrollFrameP95: number
  import10k: number
  rawRead: number
  rawBulkPut: number
}

declare global {
  interface Window {
    rapportBench: RapportBench
    /** `performance.now()` when the first contact row showed a contact (set by the init script). */
    benchFirstRow?: number
  }
}

/** Records, from navigation start, when the Contacts list first shows a contact row. */
function watchFirstRow() {
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="contact-row"] a')) {
      window.benchFirstRow = performance.now()
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true })
}

async function inject(page: Page): Promise<void> {
  await page.addScriptTag({ content: await pageScript() })
}

/**
 * One Chromium run at a size: seeds the team into IndexedDB through the app's own storage code,
 * then opens the app afresh and measures it from inside the page (every figure is page time:
 * `--clock` does not apply). The import comes last, as it grows the team.
 */
async function runPwa(ctx: BenchContext): Promise<PwaFigures> {
  const log = (line: string) => process.stderr.write(`  pwa @ ${ctx.size}: ${line}\n`)
  const team = await ctx.team()
  await buildPwaOnce(log)
  const browser = await launchPwa(team.updates)
  const csvDir = mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-csv-'))
  try {
    const setUp = (p: Page) => {
      p.setDefaultTimeout(600_000)
      p.on('pageerror', (e) => log(`page error: ${e.message}`))
      return p
    }
    let page = setUp(browser.context.pages()[0] ?? (await browser.context.newPage()))
    await browser.context.addInitScript(watchFirstRow)

    // First visit: the app starts with no team and registers its service worker.
    await page.goto(browser.appUrl)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
      if (navigator.serviceWorker.controller) return
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      )
    })
    await inject(page)
    const { rebuildMs } = await page.evaluate(([url, id, n]) => window.rapportBench.seed(url, id, n), [
      browser.dataUrl,
      TEAM_ID,
      team.updates.length,
    ] as const)
    log(`seeded (read model rebuilt in ${rebuildMs.toFixed(0)} ms)`)

    // Cold starts: the Contacts screen opened in a new tab each time, the tab before closed first;
    // the first load is the warm-up. A reload in the same tab is not a cold start: its renderer
    // also collects the page before, which at 50k took 1.3-1.9 s of the renderer's worker
    // threads during the load. Each load is left to finish (documents, index, a quiet page)
    // before the next, or it keeps IndexedDB and both cores busy into the next start.
    const loads: number[] = []
    for (let i = 0; i < (ctx.size >= 50_000 ? 4 : 6); i++) {
      const next = setUp(await browser.context.newPage())
      await page.close()
      page = next
      await page.goto(new URL('contacts', browser.appUrl).href)
      await page.waitForFunction(() => window.benchFirstRow !== undefined)
      loads.push(await page.evaluate(() => window.benchFirstRow!))
      await inject(page)
      await page.evaluate(() => window.rapportBench.settle())
    }
    log(`cold starts ${loads.map((t) => t.toFixed(0)).join(', ')} ms`)

    const names = await page.evaluate((id) => window.rapportBench.sampleNames(id, 5), TEAM_ID)
    const queries = names.latin.flatMap((n, i) => [n, names.arabic[i]].filter((q): q is string => !!q))
    const typed: { text: string; ms: number }[] = []
    while (typed.length < MIN_KEYSTROKES) {
      typed.push(...(await page.evaluate((qs) => window.rapportBench.typeQueries(qs), queries)))
    }
    const keystrokes = typed.map((k) => k.ms)
    log(`${keystrokes.length} keystrokes (${queries.join(', ')})`)
    const slowest = [...typed].sort((a, b) => b.ms - a.ms).slice(0, 6)
    log(`slowest keystrokes: ${slowest.map((k) => `"${k.text}" ${k.ms.toFixed(1)} ms`).join(', ')}`)

    const frames = await page.evaluate((n) => window.rapportBench.scrollList(n), SCROLL_FRAMES)
    const rawReads: number[] = []
    for (let i = 0; i < 4; i++)
      rawReads.push((await page.evaluate((id) => window.rapportBench.rawRead(id), TEAM_ID)).ms)

    // Import through the Import & export screen (reached in the app, not by a reload).
    const csvFile = path.join(csvDir, 'contacts.csv')
    writeFileSync(csvFile, generateContactsCsv(IMPORT_ROWS, 7))
    await page.getByTestId('nav-io').click()
    await page.getByTestId('file-input').setInputFiles(csvFile)
    await page.getByTestId('apply-import').waitFor()
    const imported = await page.evaluate(() => window.rapportBench.timeImport())
    log(`imported ${imported.created} contacts in ${imported.ms.toFixed(0)} ms`)
    const puts: number[] = []
    for (let i = 0; i < 3; i++) {
      const put = await page.evaluate(([id, n]) => window.rapportBench.rawBulkPut(id, n), [
        TEAM_ID,
        IMPORT_ROWS,
      ] as const)
      puts.push(put.ms)
    }

    return {
      seed: rebuildMs,
      coldStart: median(loads.slice(1)),
      keystrokeP95: percentile(keystrokes, 95),
      scrollFrameP95: percentile(frames, 95),
      import10k: imported.ms,
      rawRead: median(rawReads.slice(1)),
      rawBulkPut: median(puts),
    }
  } finally {
    await browser.close()
    rmSync(csvDir, { recursive: true, force: true })
  }
}

const figures = (ctx: BenchContext) => ctx.memo('pwa.run', () => runPwa(ctx))

/**
 * The PWA in Chromium on a device that already holds the team (`pwa.*`), beside the raw
 * IndexedDB floor of the same reads and writes (`idb.*`).
 */
export const pwaMetrics: Metric[] = [
  { name: 'pwa.seed', unit: 'ms', run: async (ctx) => (await figures(ctx)).seed },
  { name: 'pwa.cold_start', unit: 'ms', run: async (ctx) => (await figures(ctx)).coldStart },
  { name: 'pwa.search_keystroke.p95', unit: 'ms', run: async (ctx) => (await figures(ctx)).keystrokeP95 },
  { name: 'pwa.scroll_frame.p95', unit: 'ms', run: async (ctx) => (await figures(ctx)).scrollFrameP95 },
  { name: 'pwa.import_10k', unit: 'ms', run: async (ctx) => (await figures(ctx)).import10k },
  {
    name: 'pwa.import_10k.raw_ratio',
    unit: 'ratio',
    run: async (ctx) => {
      const f = await figures(ctx)
      return f.import10k / f.rawBulkPut
    },
  },
  { name: 'idb.raw_read', unit: 'ms', run: async (ctx) => (await figures(ctx)).rawRead },
  { name: 'idb.raw_bulkput', unit: 'ms', run: async (ctx) => (await figures(ctx)).rawBulkPut },
]
