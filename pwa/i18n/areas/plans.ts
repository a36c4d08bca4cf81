/** Messages of the plans screen, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Plans',
}

export const ar: typeof en = {
  title: 'Plans',
}
