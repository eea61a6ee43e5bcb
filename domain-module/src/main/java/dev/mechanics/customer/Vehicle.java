package dev.mechanics.customer;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A customer's vehicle, known by its VIN (unique within the organization). */
@Entity
@Table(name = "vehicles")
public class Vehicle extends TenantOwnedEntity {

  @Column(name = "customer_id", nullable = false)
  private UUID customerId;

  @Column(nullable = false, length = 17)
  private String vin;

  @Column(length = 20)
  private String plate;

  @Column(length = 60)
  private String make;

  @Column(length = 60)
  private String model;

  @Column(name = "model_year")
  private Integer year;

  @Column
  private Integer mileage;

  protected Vehicle() {
  }

  public Vehicle(UUID organizationId, VehicleDetails details) {
    super(organizationId);
    apply(details);
  }

  public void apply(VehicleDetails details) {
    this.customerId = details.customerId();
    this.vin = details.vin().value();
    this.plate = details.plate();
    this.make = details.make();
    this.model = details.model();
    this.year = details.year();
    this.mileage = details.mileage();
  }

  public UUID getCustomerId() {
    return customerId;
  }

  public String getVin() {
    return vin;
  }

  public String getPlate() {
    return plate;
  }

  public String getMake() {
    return make;
  }

  public String getModel() {
    return model;
  }

  public Integer getYear() {
    return year;
  }

  public Integer getMileage() {
    return mileage;
  }
}
