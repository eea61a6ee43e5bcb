package dev.mechanics.platform.documents;

/** What every document's CSS shares: the accent colour and the page footer's text as a CSS string. */
public final class DocumentStyle {

  /** A dark blue, readable on white and in black and white print. */
  public static final String DEFAULT_ACCENT = "#1f5f8b";

  private DocumentStyle() {
  }

  /** The shop's accent colour if it is one ("#rrggbb"), else the default. */
  public static String accent(String color) {
    return color != null && color.matches("#[0-9A-Fa-f]{6}") ? color : DEFAULT_ACCENT;
  }

  /**
   * {@code text} as a quoted CSS string for {@code content:}: quotes, backslashes and anything outside printable
   * ASCII as CSS escapes, so no value can end the string or the rule.
   */
  public static String cssString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        out.append((char) c);
      } else {
        out.append('\\').append(Integer.toHexString(c)).append(' ');
      }
      i += Character.charCount(c);
    }
    return out.append('"').toString();
  }
}
