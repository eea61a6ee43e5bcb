// Who is signed in, the shops they work in and the shop they are looking at. Screens read it; the shell
// loads it after sign-in and offers the shop switcher. Roles decide what the app offers; the API still decides.
import { api, listAll } from './api.js';

export const ROLES = { OWNER: 'OWNER', MANAGER: 'MANAGER', ADVISOR: 'SERVICE_ADVISOR', TECHNICIAN: 'TECHNICIAN',
  PLATFORM_OPERATOR: 'PLATFORM_OPERATOR' };
/** The roles of the service desk (board, estimates, customers). */
export const DESK = [ROLES.OWNER, ROLES.MANAGER, ROLES.ADVISOR];
const SHOP_KEY = 'mechanics.shop'; // the chosen shop's id only: never a token

class Session extends EventTarget {
  me = null;
  shops = [];
  shopId = null; // null: all shops (owners)

  async load() {
    const [{ data: me }, shops] = await Promise.all([api.get('/me'), listAll('/shops')]);
    this.me = me;
    const mine = new Set(me.memberships.map((m) => m.shopId));
    this.shops = this.isOwner ? shops : shops.filter((s) => mine.has(s.id));
    const saved = sessionStorage.getItem(SHOP_KEY);
    const known = this.shops.some((s) => s.id === saved);
    this.shopId = known ? saved : (this.shops[0]?.id ?? null);
    this.changed();
  }

  clear() {
    this.me = null;
    this.shops = [];
    this.shopId = null;
    this.changed();
  }

  chooseShop(shopId) {
    this.shopId = shopId || null;
    if (shopId) sessionStorage.setItem(SHOP_KEY, shopId);
    else sessionStorage.removeItem(SHOP_KEY);
    this.changed();
  }

  changed() {
    this.dispatchEvent(new Event('change'));
  }

  get isOwner() {
    return !!this.me?.memberships.some((m) => m.role === ROLES.OWNER);
  }

  /** Every role the user holds anywhere (rights are organization-wide, see docs/permissions.md). */
  get roles() {
    const roles = new Set(this.me?.memberships.map((m) => m.role) ?? []);
    if (this.me?.platformOperator) roles.add(ROLES.PLATFORM_OPERATOR); // every run and backup (reports screen)
    return roles;
  }

  /** The user's role in the chosen shop (owners are owners everywhere). */
  get role() {
    if (this.isOwner) return ROLES.OWNER;
    return this.me?.memberships.find((m) => m.shopId === this.shopId)?.role ?? null;
  }

  hasAnyRole(roles) {
    return roles.some((r) => this.roles.has(r));
  }

  /** Owners, and managers of that shop, take money (MANAGE_MONEY in docs/permissions.md). */
  mayTakeMoney(shopId) {
    return this.isOwner || !!this.me?.memberships.some((m) => m.shopId === shopId && m.role === ROLES.MANAGER);
  }

  /** Owners and managers read credit notes. */
  get readsCreditNotes() {
    return this.hasAnyRole([ROLES.OWNER, ROLES.MANAGER]);
  }

  get shop() {
    return this.shops.find((s) => s.id === this.shopId) ?? null;
  }

  shopById(id) {
    return this.shops.find((s) => s.id === id) ?? null;
  }

  get currency() {
    return this.me?.organization.currency ?? 'USD';
  }

  /** The chosen shop's time zone, else the organization's. */
  get timeZone() {
    return this.shop?.timeZone ?? this.me?.organization.timeZone ?? 'UTC';
  }
}

export const session = new Session();
