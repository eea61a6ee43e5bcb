package dev.mechanics.customer;

import dev.mechanics.platform.TenantOwnedEntity;
import dev.mechanics.platform.crypto.EncryptedString;
import dev.mechanics.platform.crypto.PersonalDataCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.UUID;

/** A person or fleet that brings vehicles to the chain's shops. Shared by all shops of the organization. */
@Entity
@Table(name = "customers")
public class Customer extends TenantOwnedEntity {

  @Column(name = "first_name", nullable = false, length = 100)
  private String firstName;

  @Column(name = "last_name", nullable = false, length = 100)
  private String lastName;

  // Contact data is personal data: encrypted at rest (AES-GCM, key id stored with each value); exact search
  // goes through keyed hashes of the normalized e-mail and phone digits (blind indexes)
  @Convert(converter = EncryptedString.class)
  @Column(name = "email")
  private String email;

  @Convert(converter = EncryptedString.class)
  @Column(name = "phone")
  private String phone;

  @Convert(converter = EncryptedString.class)
  @Column(name = "address")
  private String address;

  /** BCP 47 tag overriding the shop's document language on what this customer receives; null: the shop's. */
  @Column(name = "preferred_language", length = 16)
  private String preferredLanguage;

  @Column(name = "email_index", length = 64)
  private String emailIndex;

  @Column(name = "phone_index", length = 64)
  private String phoneIndex;

  protected Customer() {
  }

  public Customer(UUID organizationId, CustomerDetails details) {
    super(organizationId);
    apply(details);
  }

  public void apply(CustomerDetails details) {
    this.firstName = details.firstName();
    this.lastName = details.lastName();
    this.email = details.email() == null ? null : details.email().trim().toLowerCase(Locale.ROOT);
    this.phone = details.phone();
    this.address = details.address();
    this.preferredLanguage = details.preferredLanguage();
    reindex();
  }

  /** Recomputes the blind indexes (after a change, or after a key rotation). */
  public void reindex() {
    this.emailIndex = PersonalDataCipher.blindIndex(email);
    this.phoneIndex = PersonalDataCipher.blindIndex(digitsOf(phone));
  }

  /** The index value that finds an e-mail address exactly. */
  public static String emailIndexOf(String email) {
    return PersonalDataCipher.blindIndex(email == null ? null : email.trim().toLowerCase(Locale.ROOT));
  }

  /** The index value that finds a phone number exactly, whatever its punctuation. */
  public static String phoneIndexOf(String phone) {
    return PersonalDataCipher.blindIndex(digitsOf(phone));
  }

  static String digitsOf(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    return digits.isEmpty() ? null : digits;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getAddress() {
    return address;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }
}
