// The app's one route table (docs/ui.md, "Add a screen"). One line per screen:
//   path     the address; ":name" is a parameter the screen gets as params.name
//   tag      the screen's custom element, defined by the module load() imports (screens/<folder>/<tag>.js)
//   roles    who may open it (signed in, any role they hold); omit for any signed-in user
//   public   true: no sign-in needed (links mailed to customers and new users)
//   bare     true: no shell around it (no header, no navigation): pages for people outside the staff
//   nav      a label: the screen appears in the navigation for those roles
//   title    the document's title
import { DESK, ROLES } from './session.js';

const ALL_STAFF = [ROLES.OWNER, ROLES.MANAGER, ROLES.ADVISOR, ROLES.TECHNICIAN];

export const routes = [
  { path: '/', tag: 'home-screen', load: () => import('./screens/home/home-screen.js'), title: 'Mechanics' },
  { path: '/sign-in', tag: 'sign-in-screen', load: () => import('./screens/sign-in/sign-in-screen.js'),
    public: true, bare: true, title: 'Sign in' },
  { path: '/invitations/:token', tag: 'invitation-screen',
    load: () => import('./screens/invitation/invitation-screen.js'), public: true, bare: true,
    title: 'Set your password' },
  { path: '/password', tag: 'password-screen', load: () => import('./screens/password/password-screen.js'),
    roles: ALL_STAFF, title: 'Change password' },
  { path: '/board', tag: 'board-screen', load: () => import('./screens/board/board-screen.js'), roles: DESK,
    nav: 'Board', title: 'Board' },
  { path: '/work-orders/new', tag: 'new-work-order-screen',
    load: () => import('./screens/new-work-order/new-work-order-screen.js'), roles: DESK, nav: 'New work order',
    title: 'New work order' },
  { path: '/work-orders/:id', tag: 'work-order-screen',
    load: () => import('./screens/work-order/work-order-screen.js'), roles: DESK, title: 'Work order' },
  { path: '/my-jobs', tag: 'my-jobs-screen', load: () => import('./screens/bay/my-jobs-screen.js'),
    roles: [ROLES.TECHNICIAN], nav: 'My jobs', title: 'My jobs' },
  { path: '/my-jobs/:id', tag: 'my-job-screen', load: () => import('./screens/bay/my-job-screen.js'),
    roles: [ROLES.TECHNICIAN], title: 'Job' },
  { path: '/approvals/:token', tag: 'approval-screen', load: () => import('./screens/approval/approval-screen.js'),
    public: true, bare: true, title: 'Your estimate' },
  { path: '/email-verifications/:token', tag: 'email-verification-screen',
    load: () => import('./screens/email-verification/email-verification-screen.js'), public: true, bare: true,
    title: 'Confirm your e-mail address' },
];
