/** Messages of the kpis screen, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Kpis',
}

export const ar: typeof en = {
  title: 'Kpis',
}
