// Every screen of the app: its path, the tab it belongs to, and the module that draws it.
// Modules load on first use, so the first visit downloads only the screen it shows.
export const routes = [
  { path: '/', tab: 'today', load: () => import('./views/today.js') },
  { path: '/signin', tab: 'settings', load: () => import('./views/signin.js') },
  { path: '/signup', tab: 'settings', load: () => import('./views/signup.js') },
  { path: '/settings', tab: 'settings', load: () => import('./views/settings.js') },
  { path: '/articles', tab: 'articles', load: () => import('./views/articles.js') },
  { path: '/articles/:slug', tab: 'articles', load: () => import('./views/article.js') },
  { path: '/search', tab: 'articles', load: () => import('./views/search.js') },
  { path: '/settings/goals', tab: 'settings', load: () => import('./views/goals.js') },
  { path: '/settings/data', tab: 'settings', load: () => import('./views/data.js') },
  { path: '/breathe', tab: 'today', load: () => import('./views/breathe.js') },
  { path: '/breathe/:exercise', tab: 'today', load: () => import('./views/breathe.js') },
  { path: '/check', tab: 'check', load: () => import('./views/check.js') },
  { path: '/doctor-summary', tab: 'check', load: () => import('./views/doctor-summary.js') },
  { path: '/reminders', tab: 'settings', load: () => import('./views/reminders.js') },
  { path: '/history', tab: 'history', load: () => import('./views/history.js') },
  { path: '/insights', tab: 'history', load: () => import('./views/insights.js') },
  { path: '/log/water', tab: 'today', load: () => import('./views/log-water.js') },
  { path: '/log/caffeine', tab: 'today', load: () => import('./views/log-caffeine.js') },
  { path: '/log/sleep', tab: 'today', load: () => import('./views/log-sleep.js') },
  { path: '/log/twitch', tab: 'today', load: () => import('./views/log-twitch.js') },
];
