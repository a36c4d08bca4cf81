import { ensureExitTouch } from '../../shared/care'
import { reconcileMerges } from '../../shared/contacts'
import { allDocs, type Repo, type TeamDocs } from '../../shared/doc'
import { reconcileLead } from '../../shared/leads'
import { reconcilePlans } from '../../shared/plans'
import { reconcileReferral } from '../../shared/referrals'
import { isSyncOrigin } from '../../shared/sync'
import type { TeamSession } from './team-session'

/** What one pass of `reconcileAfterSync` looked at, and what failed. */
export interface AfterSyncReport {
  referrals: number
  leads: number
  intros: number
  /** Problems of records that could not be reconciled (the pass goes on with the others). */
  problems: string[]
}

/**
 * Re-establishes what a merge of another device's work can leave unmet: each referral's and
 * lead's derived stage (`reconcileReferral`, `reconcileLead`), the plan rules (`reconcilePlans`),
 * the follow-up touch of intros whose two consents came from different devices
 * (`ensureExitTouch`), and what another device did to a contact merged meanwhile
 * (`reconcileMerges`). Every step is idempotent and writes nothing when all is in order, so
 * devices running it at once agree and a pass after a pass changes nothing.
 * @param options.day - the user's today: the start day of follow-on enrollments
 */
export function reconcileAfterSync(repo: Repo, options: { day: string }): AfterSyncReport {
  const problems: string[] = []
  const note = (r: { ok: boolean; problems?: { path: string; message: string }[] }) => {
    if (!r.ok) for (const p of r.problems ?? []) problems.push(`${p.path}: ${p.message}`)
  }
  // First, so that records another device still pointed at a merged contact are reconciled
  // under the contact they now belong to.
  reconcileMerges(repo)
  const referrals = repo.list('referrals')
  const leads = repo.list('leads')
  const intros = repo.list('intros').filter((i) => i.consentA && i.consentB && i.exit)
  for (const r of referrals) note(reconcileReferral(repo, r.id))
  for (const l of leads) note(reconcileLead(repo, l.id))
  for (const i of intros) note(ensureExitTouch(repo, i.id))
  reconcilePlans(repo, { day: options.day })
  return { referrals: referrals.length, leads: leads.length, intros: intros.length, problems }
}

/** What `reconcileOnSync` needs. */
export interface ReconcileOnSyncOptions {
  repo: Repo
  docs: TeamDocs
  /** The user's today (`useTeamStore().today`). */
  day: () => string
  /** Quiet time after the last applied update before the pass runs. @default 250 */
  delayMs?: number
  onError?: (error: unknown) => void
  /** Told after each pass (tests, diagnostics). */
  onReconciled?: (report: AfterSyncReport) => void
}

/**
 * Runs `reconcileAfterSync` after updates from another device arrived: once the documents have
 * been quiet for `delayMs` after updates whose transaction origin is `origin` (a sync session's
 * `origin`, or for which `origin` as a predicate holds). A first sync arrives as many updates; one pass covers them all. Any sync (the
 * extension bridge, WebRTC) can use it with its session's origin.
 * @returns the function that stops watching (a pending pass is dropped)
 */
export function reconcileOnSync(
  origin: unknown | ((origin: unknown) => boolean),
  options: ReconcileOnSyncOptions,
): () => void {
  const isWatched =
    typeof origin === 'function' ? (origin as (o: unknown) => boolean) : (o: unknown) => o === origin
  const { repo, docs, delayMs = 250 } = options
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    timer = undefined
    try {
      const report = reconcileAfterSync(repo, { day: options.day() })
      if (report.problems.length) options.onError?.(new Error(report.problems.join('; ')))
      options.onReconciled?.(report)
    } catch (error) {
      options.onError?.(error)
    }
  }
  const onUpdate = (_update: Uint8Array, from: unknown) => {
    if (!isWatched(from)) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(run, delayMs)
  }
  const list = allDocs(docs)
  for (const doc of list) doc.on('update', onUpdate)
  return () => {
    if (timer !== undefined) clearTimeout(timer)
    for (const doc of list) doc.off('update', onUpdate)
  }
}

/**
 * Reconciles a team after updates from peers, paired devices, bundles and (per `isOtherOrigin`)
 * other carriers such as open rooms; the extension bridge runs its own pass on its origin.
 * @returns the function that stops watching
 */
export function reconcileTeamSyncs(
  s: Pick<TeamSession, 'repo' | 'docs'>,
  day: () => string,
  isOtherOrigin: (origin: unknown) => boolean,
): () => void {
  return reconcileOnSync(
    (o: unknown) => o === 'bundle' || (isSyncOrigin(o) && o.via !== 'bridge') || isOtherOrigin(o),
    { repo: s.repo, docs: s.docs, day, onError: (e) => console.warn('Rapport: after sync:', e) },
  )
}
