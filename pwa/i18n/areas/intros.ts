/** Messages of the intros screen, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Intros',
}

export const ar: typeof en = {
  title: 'Intros',
}
