/**
 * The single description of every record: valibot schemas, with types inferred from them.
 */
export * from './common'
export * from './person'
export * from './contact'
export * from './interaction'
export * from './referral'
export * from './intro'
export * from './plan'
export * from './lead'
export * from './member'
export * from './collections'
export * from './ids'
export * from './settings'
