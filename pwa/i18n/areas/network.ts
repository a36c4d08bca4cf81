/** Messages of the network screen, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Network',
}

export const ar: typeof en = {
  title: 'Network',
}
