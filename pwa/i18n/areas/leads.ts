/** Messages of the leads screen, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Leads',
}

export const ar: typeof en = {
  title: 'Leads',
}
