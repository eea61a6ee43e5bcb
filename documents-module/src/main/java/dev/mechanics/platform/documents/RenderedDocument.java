package dev.mechanics.platform.documents;

/** A rendered PDF and the file name it is offered under ("INV-2026-000001.pdf"). */
public record RenderedDocument(String fileName, byte[] content) {
}
