package dev.mechanics.platform.documents;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of documents and charts: Liberation Sans (SIL Open Font License 1.1; Latin, Greek and
 * Cyrillic, so Spanish and the other Latin languages print as written), read once from the
 * {@code openpdf-fonts-extra} jar of Maven Central and embedded (subset) in every PDF. Charts measure and draw
 * with the same font, created from the same bytes, so nothing depends on fonts installed on the machine.
 */
public final class DocumentFonts {

  /** The CSS font-family of the templates. */
  public static final String FAMILY = "Liberation Sans";

  static final byte[] REGULAR = load("LiberationSans-Regular.ttf");
  static final byte[] BOLD = load("LiberationSans-Bold.ttf");
  static final byte[] ITALIC = load("LiberationSans-Italic.ttf");

  private static final Font AWT_REGULAR = awt(REGULAR);
  private static final Font AWT_BOLD = awt(BOLD);

  private DocumentFonts() {
  }

  /** The chart font at {@code size} points. */
  static Font chart(boolean bold, float size) {
    return (bold ? AWT_BOLD : AWT_REGULAR).deriveFont(size);
  }

  private static byte[] load(String file) {
    try (InputStream in = DocumentFonts.class.getClassLoader().getResourceAsStream("liberation/" + file)) {
      if (in == null) {
        throw new IllegalStateException("font liberation/" + file + " is missing (openpdf-fonts-extra jar)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Font awt(byte[] ttf) {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
    } catch (FontFormatException | IOException e) {
      throw new IllegalStateException("Liberation Sans cannot be read", e);
    }
  }
}
