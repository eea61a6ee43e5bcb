package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff and their roles per shop (docs/permissions.md): owners manage everyone; a manager sees the staff of
 * their shops and may add service advisors and technicians there; nobody else manages staff.
 */
@ApplicationScoped
@Transactional
public class StaffService {

  @Inject
  StaffMembers staff;

  @Inject
  Shops shops;

  @Inject
  PasswordPolicy policy;

  @Inject
  SessionService sessions;

  @Inject
  SystemTransactions system;

  @Inject
  AuditTrail audit;

  /**
   * A new staff member: with an initial {@code password}, or, with none, invited: they choose their password
   * through the signed link mailed to them, valid for {@code invitationLifetime}.
   */
  public record NewStaff(String email, String name, String password, Map<UUID, Role> memberships,
                         Duration invitationLifetime) {
    public NewStaff(String email, String name, String password, Map<UUID, Role> memberships) {
      this(email, name, password, memberships, null);
    }
  }

  /** An accepted invitation: who may now sign in. */
  public record Accepted(UUID userId, String email) {
  }

  public Page<StaffMember> list(Caller caller, PageRequest page) {
    requireStaffReader(caller);
    List<StaffMember> rows = staff.list(caller.may(Capability.MANAGE_ALL_STAFF) ? null
        : caller.shopsWhere(Capability.MANAGE_STAFF), page);
    return Page.of(rows, page.limit(), StaffMember::getId);
  }

  public StaffMember get(Caller caller, UUID id) {
    StaffMember member = staff.find(id).orElseThrow(() -> new DomainException.NotFound("user", id));
    requireStaffReader(caller);
    if (!caller.may(Capability.MANAGE_ALL_STAFF) && staff.membershipsOf(id).stream()
        .noneMatch(m -> caller.mayIn(Capability.MANAGE_STAFF, m.getShopId()))) {
      throw new DomainException.Forbidden("A manager sees only the staff of their shops");
    }
    return member;
  }

  /**
   * The shop's active technicians, to assign work and filter the board: whoever writes work in that shop (owners,
   * its managers and service advisors; others 403), 404 for an unknown shop.
   */
  public List<StaffMember> techniciansOf(Caller caller, UUID shopId) {
    shops.require(shopId);
    caller.requireIn(Capability.EDIT_WORK, shopId, "see its technicians");
    return staff.withRole(shopId, Role.TECHNICIAN);
  }

  public List<Membership> membershipsOf(UUID userId) {
    return staff.membershipsOf(userId);
  }

  /**
   * What {@link #create} checks before the costly hash (403, 409, 422), in a short transaction of its own, so that
   * a request refused anyway does not queue for the hasher ({@link StaffPasswords}).
   */
  public void vet(Caller caller, NewStaff request) {
    requireStaffReader(caller);
    if (request.memberships().isEmpty()) {
      throw DomainException.InvalidInput.field("memberships", "give the new user a role in at least one shop");
    }
    request.memberships().forEach((shopId, role) -> requireMayGrant(caller, shopId, role));
    boolean invited = request.password() == null;
    if (invited && request.invitationLifetime() == null) {
      throw DomainException.InvalidInput.field("password", "give an initial password or invite the user");
    }
    if (!invited) {
      policy.require("password", request.password(), request.email());
    }
    // e-mails are unique across organizations, which this tenant's session cannot see
    boolean taken = system.call(() -> staff.emailTaken(request.email()));
    if (taken) {
      throw new DomainException.Conflict("An account with this e-mail already exists",
          List.of(new DomainException.FieldProblem("email", "is already registered")));
    }
  }

  /**
   * Stores the new staff member with {@code passwordHash}, computed before this transaction began (ADR 0057) by
   * {@link StaffPasswords#forNewStaff}; the checks run again, as the world may have changed meanwhile.
   */
  public StaffMember create(Caller caller, NewStaff request, String passwordHash) {
    vet(caller, request);
    boolean invited = request.password() == null;
    StaffMember member = new StaffMember(Tenancy.current(), request.email(), request.name(), passwordHash);
    if (invited) {
      member.invite(Ids.newId(), Instant.now().plus(request.invitationLifetime()));
    }
    staff.add(member);
    audit.record("user.created", "user", member.getId(), null, null, Map.of("name", member.getName(),
        "email", member.getEmail(), "invited", Boolean.toString(invited)));
    request.memberships().forEach((shopId, role) -> {
      staff.add(new Membership(Tenancy.current(), member.getId(), shopId, role));
      audit.record("membership.assigned", "user", member.getId(), shopId, null, Map.of("shopId",
          shopId.toString(), "role", role.name()));
    });
    return member;
  }

  /** Gives the user {@code role} in the shop (replacing any role they held there). */
  public Membership assign(Caller caller, UUID userId, UUID shopId, Role role) {
    StaffMember member = get(caller, userId);
    requireMayGrant(caller, shopId, role);
    var existing = staff.membership(userId, shopId);
    if (existing.isPresent()) {
      Membership m = existing.get();
      requireMayGrant(caller, shopId, m.getRole());
      Role before = m.getRole();
      if (before == Role.OWNER && role != Role.OWNER) {
        requireAnotherOwner(member);
      }
      m.changeRole(role);
      audit.record("membership.changed", "user", userId, shopId, Map.of("role", before.name()),
          Map.of("role", role.name()));
      return m;
    }
    Membership created = new Membership(Tenancy.current(), userId, shopId, role);
    staff.add(created);
    audit.record("membership.assigned", "user", userId, shopId, null, Map.of("shopId", shopId.toString(),
        "role", role.name()));
    return created;
  }

  public void removeMembership(Caller caller, UUID userId, UUID shopId) {
    StaffMember member = get(caller, userId);
    Membership m = staff.membership(userId, shopId)
        .orElseThrow(() -> new DomainException.NotFound("membership of this user in shop", shopId));
    requireMayGrant(caller, shopId, m.getRole());
    if (m.getRole() == Role.OWNER) {
      requireAnotherOwner(member);
    }
    staff.remove(m);
    audit.record("membership.removed", "user", userId, shopId, Map.of("role", m.getRole().name()), null);
  }

  /** A new invitation link for a user who has not accepted one yet; earlier links stop working. */
  public StaffMember reinvite(Caller caller, UUID userId, Duration lifetime) {
    StaffMember member = get(caller, userId);
    staff.membershipsOf(userId).forEach(m -> requireMayGrant(caller, m.getShopId(), m.getRole()));
    if (!member.isInvitationPending()) {
      throw new DomainException.Conflict("This user has already accepted an invitation or was given a password");
    }
    if (!member.isEnabled()) {
      throw new DomainException.Conflict("This user is disabled");
    }
    member.invite(Ids.newId(), Instant.now().plus(lifetime));
    audit.record("user.reinvited", "user", userId, null, null, Map.of("expiresAt",
        member.getInvitationExpiresAt().toString()));
    return member;
  }

  /**
   * Public (the signed link is the credential): what accepting checks before the costly hash, changing nothing.
   * Runs in the user's organization, which {@link InvitationService} binds before this transaction starts.
   */
  public void checkInvitation(UUID userId, UUID nonce, String password) {
    StaffMember member = invited(staff.find(userId));
    // nonce and expiry before the policy: a used link answers the same whatever is sent
    member.requireInvitation(nonce, Instant.now());
    policy.require("password", password, member.getEmail());
  }

  /**
   * Sets the invited user's password to {@code passwordHash}, hashed after {@link #checkInvitation} with no
   * transaction open; the link is checked again under the row's lock, so a link used meanwhile answers 409.
   */
  public Accepted acceptInvitation(UUID userId, UUID nonce, String passwordHash) {
    StaffMember member = invited(staff.findForUpdate(userId));
    member.acceptInvitation(nonce, Instant.now(), passwordHash);
    audit.record("user.invitation-accepted", "user", userId, null, Map.of("invitationPending", "true"),
        Map.of("invitationPending", "false"));
    return new Accepted(userId, member.getEmail());
  }

  private static StaffMember invited(Optional<StaffMember> found) {
    StaffMember member = found.orElseThrow(() -> new DomainException.NotFound("invitation", "in this URL"));
    if (!member.isEnabled()) {
      throw new DomainException.Conflict("This invitation was already used or replaced by a newer one");
    }
    return member;
  }

  /** Disables the account and ends all its sessions at once. */
  public StaffMember disable(Caller caller, UUID userId) {
    StaffMember member = staff.find(userId).orElseThrow(() -> new DomainException.NotFound("user", userId));
    if (!caller.may(Capability.DISABLE_STAFF)) {
      throw new DomainException.Forbidden("Only an owner can disable a user");
    }
    if (member.getId().equals(caller.userId())) {
      throw DomainException.InvalidInput.field("id", "you cannot disable yourself");
    }
    if (member.isEnabled()) {
      member.disable();
      sessions.revokeAllOf(member.getId(), "user-disabled");
      audit.record("user.disabled", "user", userId, null, Map.of("enabled", "true"), Map.of("enabled", "false"));
    }
    return member;
  }

  private void requireStaffReader(Caller caller) {
    if (!caller.may(Capability.MANAGE_STAFF)) {
      throw new DomainException.Forbidden("Only owners and managers manage staff");
    }
  }

  private void requireMayGrant(Caller caller, UUID shopId, Role role) {
    if (shops.find(shopId).isEmpty()) {
      throw DomainException.InvalidInput.field("shopId", "no shop with id " + shopId + " in your organization");
    }
    if (!caller.mayGrant(role, shopId)) {
      throw new DomainException.Forbidden("A manager may only grant or remove service advisors and technicians "
          + "in their own shops");
    }
  }

  private void requireAnotherOwner(StaffMember member) {
    if (staff.ownersOf(member.getOrganizationId()) <= 1
        && staff.membershipsOf(member.getId()).stream().anyMatch(m -> m.getRole() == Role.OWNER)) {
      throw new DomainException.Conflict("The organization must keep at least one owner");
    }
  }
}
