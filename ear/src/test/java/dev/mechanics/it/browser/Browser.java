package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium (/usr/bin/chromium driven by /usr/bin/chromedriver; Selenium Manager never
 * runs) with a fresh profile, at desktop or phone size. {@link #check} saves a screenshot under
 * target/screenshots/, runs axe (0 serious or critical violations) and fails on console errors and CSP
 * violations. Lit renders into shadow roots: {@link #deep} finds an element through all of them.
 */
public final class Browser implements AutoCloseable {

  public enum Size {
    DESKTOP(1280, 800), PHONE(390, 844);

    final int width;
    final int height;

    Size(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  /** Finds the first element matching a CSS selector in the document or any open shadow root. */
  private static final String DEEP_QUERY = """
      const selector = arguments[0], all = arguments[1];
      const found = [];
      const visit = (root) => {
        for (const el of root.querySelectorAll(selector)) found.push(el);
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
      };
      visit(document);
      return all ? found : (found[0] ?? null);""";

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final String baseUrl;
  private final String name;
  private final Size size;
  private final Path profile;
  private final List<String> consoleSeen = new ArrayList<>();

  public Browser(String baseUrl, String name, Size size) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.name = name;
    this.size = size;
    try {
      profile = Files.createTempDirectory("chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=" + size.width + "," + size.height,
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    // each browser is its own client address, as the other tests' X-Forwarded-For: sign-in limits are per address
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
        Map.of("X-Forwarded-For", dev.mechanics.it.support.Api.randomClientAddress())));
  }

  /** Requests to URLs matching these patterns fail (e.g. "*&#47;events" to keep a screen from live updates). */
  public void block(String... urlPatterns) {
    driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(urlPatterns)));
  }

  /** Signs in on the sign-in page the app shows for the path (a staff page sends there first). */
  public void signIn(String path, String email, String password) {
    open(path);
    type("#email", email);
    type("#password", password);
    click("button[type=submit]");
    waitFor(() -> path.equals(path()) && !present("sign-in-screen") ? Boolean.TRUE : null, "signed in at " + path);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Size size() {
    return size;
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  public String path() {
    return (String) js("return location.pathname");
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The first element matching the selector anywhere (through shadow roots), waiting up to 10 s for it. */
  public WebElement deep(String css) {
    return waitFor(() -> (WebElement) js(DEEP_QUERY, css, false), "an element " + css);
  }

  @SuppressWarnings("unchecked")
  public List<WebElement> deepAll(String css) {
    return (List<WebElement>) js(DEEP_QUERY, css, true);
  }

  /** The first element matching the selector whose text contains the given text (through shadow roots). */
  public WebElement deepWithText(String css, String text) {
    return waitFor(() -> deepAll(css).stream().filter(e -> {
      try {
        return e.getText().contains(text);
      } catch (StaleElementReferenceException stale) {
        return false;
      }
    }).findFirst().orElse(null), css + " with the text " + text);
  }

  public boolean present(String css) {
    return js(DEEP_QUERY, css, false) != null;
  }

  /** Clears an input (found through shadow roots) and types into it. */
  public void type(String css, String text) {
    WebElement input = deep(css);
    input.clear();
    input.sendKeys(text);
  }

  public void click(String css) {
    deep(css).click();
  }

  public void clickText(String css, String text) {
    deepWithText(css, text).click();
  }

  /** The visible text of the whole app (through shadow roots). */
  public String text() {
    return (String) js("return document.querySelector('mechanics-app').shadowRoot?.textContent"
        + " ?? document.body.innerText");
  }

  public void waitForText(String text) {
    waitFor(() -> deepText().contains(text) ? Boolean.TRUE : null, "the text \"" + text + "\"");
  }

  /** The text of the document and every shadow root, with the inputs' values (textContent pierces nothing). */
  public String deepText() {
    return (String) js("""
        const parts = [];
        const visit = (root) => {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement?.localName;
            if (parent !== 'style' && parent !== 'script') parts.push(node.textContent);
          }
          for (const el of root.querySelectorAll('*')) {
            if (el.shadowRoot) visit(el.shadowRoot);
            if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) parts.push(el.value);
          }
        };
        visit(document);
        return parts.join('').replace(/\\s+/g, ' ');""");
  }

  public <T> T waitFor(Supplier<T> condition, String what) {
    return new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "waited for " + what
        + " on " + driver.getCurrentUrl())
        .ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class)
        .until(d -> condition.get());
  }

  /**
   * Checks the screen as it is now: a screenshot (target/screenshots/&lt;test&gt;-&lt;screen&gt;-&lt;size&gt;.png), axe
   * (no serious or critical violation) and the console (no errors, no CSP violations).
   */
  public void check(String screen) {
    check(screen, new String[0]);
  }

  /** {@link #check(String)}, allowing console messages that contain one of {@code allowed} (a refusal shown). */
  public void check(String screen, String... allowed) {
    screenshot(screen);
    Results results = new AxeBuilder().analyze(driver);
    List<String> serious = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        serious.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
            + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")));
      }
    }
    assertThat(serious).as("axe: serious or critical violations on %s (%s)", screen, size).isEmpty();
    assertNoConsoleErrors(screen, allowed);
  }

  public void screenshot(String screen) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + screen + "-" + size.name().toLowerCase() + ".png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every console message since the last call (errors, warnings, CSP reports). */
  public List<String> console() {
    List<String> messages = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      messages.add(entry.getLevel() + " " + entry.getMessage());
    }
    consoleSeen.addAll(messages);
    return messages;
  }

  /** Console errors allowed by the test (e.g. a 412 the screen handles shows as a failed request). */
  public void assertNoConsoleErrors(String screen, String... allowed) {
    List<String> errors = console().stream()
        .filter(m -> m.startsWith("SEVERE") || m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .filter(m -> java.util.Arrays.stream(allowed).noneMatch(m::contains))
        .toList();
    assertThat(errors).as("console errors on %s (%s)", screen, size).isEmpty();
  }

  public Map<String, Object> performance() {
    @SuppressWarnings("unchecked")
    Map<String, Object> timing = (Map<String, Object>) js(
        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.toJSON() : {};");
    return timing;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
