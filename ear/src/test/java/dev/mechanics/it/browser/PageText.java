package dev.mechanics.it.browser;

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
    browser.waitFor(() -> of(browser).contains(text) ? Boolean.TRUE : null, "the text \"" + text + "\"");
  }

  static void waitForNo(Browser browser, String text) {
    browser.waitFor(() -> of(browser).contains(text) ? null : Boolean.TRUE, "no text \"" + text + "\"");
  }
}
