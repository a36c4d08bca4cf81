/** Messages of the referrals screen, English then Arabic (same shape, checked by the type). */
export const en = {
  title: 'Referrals',
}

export const ar: typeof en = {
  title: 'Referrals',
}
