import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { useTeamStore } from './stores/team'

declare module 'vue-router' {
  interface RouteMeta {
    /** The i18n key of the screen's title (nav label and document title). */
    titleKey?: string
    /** Screens reachable without an open team. */
    isPublic?: boolean
  }
}

/** The screens, in the order of the navigation. */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'today' } },
  {
    path: '/welcome',
    name: 'welcome',
    component: () => import('./views/WelcomeView.vue'),
    meta: { titleKey: 'welcome.title', isPublic: true },
  },
  {
    path: '/today',
    name: 'today',
    component: () => import('./views/TodayView.vue'),
    meta: { titleKey: 'nav.today' },
  },
  {
    path: '/contacts',
    name: 'contacts',
    component: () => import('./views/ContactsView.vue'),
    meta: { titleKey: 'nav.contacts' },
  },
  {
    path: '/contacts/:id',
    name: 'contact',
    component: () => import('./views/ContactView.vue'),
    props: true,
    meta: { titleKey: 'nav.contacts' },
  },
  {
    path: '/intros/:id?',
    name: 'intros',
    component: () => import('./views/IntrosView.vue'),
    props: true,
    meta: { titleKey: 'nav.intros' },
  },
  {
    path: '/referrals/:id?',
    name: 'referrals',
    component: () => import('./views/ReferralsView.vue'),
    props: true,
    meta: { titleKey: 'nav.referrals' },
  },
  {
    path: '/leads/:id?',
    name: 'leads',
    component: () => import('./views/LeadsView.vue'),
    props: true,
    meta: { titleKey: 'nav.leads' },
  },
  {
    path: '/plans/:id?',
    name: 'plans',
    component: () => import('./views/PlansView.vue'),
    props: true,
    meta: { titleKey: 'nav.plans' },
  },
  {
    path: '/kpis',
    name: 'kpis',
    component: () => import('./views/KpisView.vue'),
    meta: { titleKey: 'nav.kpis' },
  },
  {
    path: '/network',
    name: 'network',
    component: () => import('./views/NetworkView.vue'),
    meta: { titleKey: 'nav.network' },
  },
  {
    path: '/io',
    name: 'io',
    component: () => import('./views/ImportExportView.vue'),
    meta: { titleKey: 'nav.io' },
  },
  {
    path: '/team',
    name: 'team',
    component: () => import('./views/TeamView.vue'),
    meta: { titleKey: 'nav.team' },
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'today' } },
]

/** The names of the screens in the navigation, in order. */
export const NAV_ROUTES = [
  'today',
  'contacts',
  'intros',
  'referrals',
  'leads',
  'plans',
  'kpis',
  'network',
  'io',
  'team',
] as const

/** Creates the router: a first run (no team on this device) goes to the welcome screen. */
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  const router = createRouter({ history, routes })
  router.beforeEach(async (to) => {
    const team = useTeamStore()
    await team.whenStarted()
    if (team.status === 'no-team' && !to.meta.isPublic) return { name: 'welcome' }
    if (team.status === 'open' && to.name === 'welcome') return { name: 'today' }
    return true
  })
  return router
}
