package dev.mechanics.customer;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
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

  @Column(length = 320)
  private String email;

  @Column(length = 40)
  private String phone;

  /** Digits of the phone number, so "(555) 010-2030" is found by "5550102030". */
  @Column(name = "phone_digits", length = 40)
  private String phoneDigits;

  @Column(length = 500)
  private String address;

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
    this.phoneDigits = digitsOf(details.phone());
    this.address = details.address();
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
}
