package dev.mechanics.tenancy;

import static dev.mechanics.tenancy.Role.MANAGER;
import static dev.mechanics.tenancy.Role.OWNER;
import static dev.mechanics.tenancy.Role.PLATFORM_OPERATOR;
import static dev.mechanics.tenancy.Role.SERVICE_ADVISOR;
import static dev.mechanics.tenancy.Role.TECHNICIAN;

import java.util.EnumSet;
import java.util.Set;

/**
 * The access policy: every right of the application, named after what it lets a person do, and the roles that
 * hold it. This table is the one place where roles turn into rights; services ask the {@link Caller}
 * ({@code caller.may(...)}, {@code caller.mayIn(..., shop)}), views hide what a capability does not show, and
 * resources name the capability a route needs ({@code @Requires}). {@code docs/permissions.md} is the matrix
 * this table produces, route by route.
 *
 * <p>A capability is held organization-wide by whoever holds one of its roles in any shop ({@link Caller#may});
 * a per-shop check ({@link Caller#mayIn}) needs the role in that shop, and an owner holds every owner right in
 * every shop.
 */
public enum Capability {

  /** Every work order; a technician sees only the work assigned to them. */
  SEE_ALL_WORK(OWNER, MANAGER, SERVICE_ADVISOR),
  /** Part costs, total cost and gross profit. */
  SEE_COSTS(OWNER, MANAGER, SERVICE_ADVISOR),
  /** A customer's e-mail, phone and address (and searching by them). */
  SEE_CUSTOMER_CONTACT(OWNER, MANAGER, SERVICE_ADVISOR),
  /** Register and change customers and their vehicles. */
  EDIT_CUSTOMERS(OWNER, MANAGER, SERVICE_ADVISOR),
  /** Delete a customer with their vehicles. */
  REMOVE_CUSTOMERS(OWNER, MANAGER),
  /** Write estimates: work orders, their lines, canned jobs, repair orders, approval links and answers. */
  EDIT_WORK(OWNER, MANAGER, SERVICE_ADVISOR),
  /** Read invoices, their PDFs and payments. */
  READ_INVOICES(OWNER, MANAGER, SERVICE_ADVISOR),
  /** Issue invoices, take payments and refunds, issue and read credit notes (changes: in that shop). */
  MANAGE_MONEY(OWNER, MANAGER),
  /** Change a shop's details, its board and its tax rates (in that shop). */
  CONFIGURE_SHOP(OWNER, MANAGER),
  /** Open a new shop. */
  OPEN_SHOPS(OWNER),
  /** See and manage the staff of one's shops (a manager: service advisors and technicians only). */
  MANAGE_STAFF(OWNER, MANAGER),
  /** See every staff member and grant any role, ownership included. */
  MANAGE_ALL_STAFF(OWNER),
  /** Disable a user account (its sessions end at once). */
  DISABLE_STAFF(OWNER),
  /**
   * Follow a shop's board live (its events): the staff of that shop, owners everywhere. A technician hears only
   * of work assigned to them.
   */
  WATCH_BOARD(OWNER, MANAGER, SERVICE_ADVISOR, TECHNICIAN),
  /** Read the audit trail and verify its chain. */
  READ_AUDIT(OWNER),
  /** Run and schedule the organization's jobs (reports) and read their runs. */
  RUN_ORGANIZATION_JOBS(OWNER, MANAGER),
  /** Run and schedule the installation's jobs (backups, restore, retention) and read every run. */
  RUN_PLATFORM_JOBS(PLATFORM_OPERATOR);

  /** The roles a manager may grant or take away in the shops they manage. */
  static final Set<Role> GRANTED_BY_MANAGERS = EnumSet.of(SERVICE_ADVISOR, TECHNICIAN);

  private final Set<Role> roles;

  Capability(Role first, Role... more) {
    this.roles = EnumSet.of(first, more);
  }

  /** The roles that hold this capability. */
  public Set<Role> roles() {
    return roles;
  }
}
