package dev.mechanics.reporting;

import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Letterhead;
import dev.mechanics.tenancy.Letterheads;
import dev.mechanics.tenancy.StaffMember;
import dev.mechanics.tenancy.StaffMembers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's letterhead for its report, and who a recipient is. A job runs with no organization bound:
 * each call binds the run's organization before its transaction (and Hibernate session) opens.
 */
@ApplicationScoped
public class ReportLetterheads {

  @Inject
  Reads reads;

  /** In the language of the organization's first shop, or {@code readerLanguage} when set. */
  Letterhead of(UUID organizationId, String readerLanguage) {
    return Tenancy.callAs(organizationId, () -> reads.letterhead(organizationId, readerLanguage));
  }

  /** The staff member with this e-mail in the organization, if the recipient is one (their name, language). */
  Optional<StaffMember> staff(UUID organizationId, String email) {
    return Tenancy.callAs(organizationId, () -> reads.staff(email));
  }

  @ApplicationScoped
  @Transactional
  public static class Reads {

    @Inject
    Letterheads letterheads;

    @Inject
    StaffMembers staff;

    public Letterhead letterhead(UUID organizationId, String readerLanguage) {
      return letterheads.forOrganization(organizationId, readerLanguage);
    }

    public Optional<StaffMember> staff(String email) {
      return staff.findByEmail(email);
    }
  }
}
