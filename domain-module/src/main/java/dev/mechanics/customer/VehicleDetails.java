package dev.mechanics.customer;

import java.util.UUID;

/** What a client may set on a vehicle. */
public record VehicleDetails(UUID customerId, Vin vin, String plate, String make, String model, Integer year,
                             Integer mileage) {
}
