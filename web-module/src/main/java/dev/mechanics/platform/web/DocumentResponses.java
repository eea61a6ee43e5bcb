package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Languages;
import dev.mechanics.platform.documents.RenderedDocument;
import jakarta.ws.rs.core.Response;

/** What every {@code GET …/pdf} shares: its {@code ?lang=} and its answer. */
public final class DocumentResponses {

  private DocumentResponses() {
  }

  /** {@code ?lang=}: null when absent, else a supported language tag (en, es, es-MX, ...), else 400. */
  public static String language(String lang) {
    if (lang == null || lang.isBlank()) {
      return null;
    }
    try {
      return Languages.check("lang", lang);
    } catch (DomainException.InvalidInput e) {
      throw new DomainException.Malformed("lang", "lang must be a language tag such as en, es or es-MX (documents "
          + "are written in " + String.join(", ", Languages.SUPPORTED.stream().sorted().toList()) + ")");
    }
  }

  /** The PDF, shown in the browser, saved under its document's name; never cached by shared caches. */
  public static Response pdf(RenderedDocument document) {
    return Response.ok(document.content(), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + document.fileName() + "\"")
        .header("Cache-Control", "private, no-store").build();
  }
}
