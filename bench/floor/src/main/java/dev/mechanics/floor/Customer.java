package dev.mechanics.floor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A customer's shape as the API answers it, made up on the spot: the floor reads and writes no database. */
public record Customer(UUID id, @NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
    String email, String phone) {}
