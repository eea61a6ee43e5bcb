package dev.mechanics.it.browser;

import java.util.function.Predicate;
import org.openqa.selenium.TimeoutException;

/**
 * All the text a person sees, through every shadow root, including text beside child elements (a sentence with
 * a link or a bold word in it), which {@link Browser#deepText} leaves out.
 */
final class PageText {

  private static final String TEXT = """
      const parts = [];
      const visit = (root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.nodeType === Node.TEXT_NODE) {
            const parent = node.parentElement?.localName;
            if (parent !== 'script' && parent !== 'style' && parent !== 'noscript') parts.push(node.data);
          } else if (node.shadowRoot) {
            visit(node.shadowRoot);
          }
        }
      };
      visit(document.body);
      return parts.join(' ').replace(/\\s+/g, ' ');""";

  private PageText() {
  }

  static String of(Browser browser) {
    return (String) browser.js(TEXT);
  }

  static void waitFor(Browser browser, String text) {
    waitUntil(browser, page -> page.contains(text), "the text \"" + text + "\"");
  }

  static void waitForNo(Browser browser, String text) {
    waitUntil(browser, page -> !page.contains(text), "no text \"" + text + "\"");
  }

  /** A wait that gives up says what the page showed and logged then, so that a failure on CI explains itself. */
  private static void waitUntil(Browser browser, Predicate<String> shown, String what) {
    try {
      browser.waitFor(() -> shown.test(of(browser)) ? Boolean.TRUE : null, what);
    } catch (TimeoutException gaveUp) {
      String seen;
      try {
        String page = of(browser);
        seen = "\nthe page showed: " + (page.length() > 3000 ? page.substring(0, 3000) + "…" : page)
            + "\nthe console: " + browser.console();
      } catch (RuntimeException unreadable) {
        gaveUp.addSuppressed(unreadable);
        throw gaveUp;
      }
      throw new TimeoutException(gaveUp.getMessage() + seen, gaveUp);
    }
  }
}
