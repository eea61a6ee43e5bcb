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
const OFFICE = [ROLES.OWNER, ROLES.MANAGER]; // the office screens (issue 14): money, staff, settings, reports

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
  { path: '/purchase-orders', tag: 'purchase-orders-screen',
    load: () => import('./screens/purchase-orders/purchase-orders-screen.js'), roles: DESK, nav: 'Receive parts',
    title: 'Receive parts' },
  { path: '/transfers', tag: 'transfers-screen', load: () => import('./screens/transfers/transfers-screen.js'),
    roles: DESK, nav: 'Transfers', title: 'Transfers' },
  { path: '/calendar', tag: 'calendar-screen', load: () => import('./screens/calendar/calendar-screen.js'),
    roles: DESK, nav: 'Calendar', title: 'Bay calendar' },
  // office (issue 14)
  { path: '/invoices', tag: 'invoices-screen', load: () => import('./screens/invoices/invoices-screen.js'),
    roles: OFFICE, nav: 'Invoices', title: 'Invoices' },
  { path: '/invoices/:id', tag: 'invoice-screen', load: () => import('./screens/invoices/invoice-screen.js'),
    roles: OFFICE, title: 'Invoice' },
  { path: '/customers', tag: 'customers-screen', load: () => import('./screens/customers/customers-screen.js'),
    roles: OFFICE, nav: 'Customers', title: 'Customers' },
  { path: '/staff', tag: 'staff-screen', load: () => import('./screens/staff/staff-screen.js'), roles: OFFICE,
    nav: 'Staff', title: 'Staff' },
  { path: '/shop-settings', tag: 'shop-settings-screen',
    load: () => import('./screens/shop-settings/shop-settings-screen.js'), roles: OFFICE, nav: 'Shop settings',
    title: 'Shop settings' },
  { path: '/reports', tag: 'reports-screen', load: () => import('./screens/reports/reports-screen.js'),
    roles: [...OFFICE, ROLES.PLATFORM_OPERATOR], nav: 'Reports', title: 'Reports' },
  { path: '/audit', tag: 'audit-screen', load: () => import('./screens/audit/audit-screen.js'),
    roles: [ROLES.OWNER], nav: 'Audit', title: 'Audit trail' },
];
