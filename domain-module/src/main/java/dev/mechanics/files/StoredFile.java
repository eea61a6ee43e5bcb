package dev.mechanics.files;

import java.time.Instant;

/** A stored file as the store describes it. */
public record StoredFile(String key, String contentType, long size, Instant lastModified) {
}
