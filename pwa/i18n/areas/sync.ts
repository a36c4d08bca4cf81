/** Messages of the sync screen, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Sync',
}

export const ar: typeof en = {
  title: 'Sync',
}
