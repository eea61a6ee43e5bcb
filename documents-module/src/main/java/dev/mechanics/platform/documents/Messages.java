package dev.mechanics.platform.documents;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of documents and mails in one language: {@code documents/messages_<language>.properties} (UTF-8),
 * English when a key or language is missing. Templates read the same bundle as {@code t}.
 */
public record Messages(ResourceBundle bundle, Locale locale) {

  static final String BUNDLE = "documents/messages";

  public static Messages of(Locale locale) {
    return new Messages(ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
  }

  /** The text of {@code key} with {@code args} in its {0}, {1} ... (MessageFormat). */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no text for " + key + " in " + locale, e);
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
