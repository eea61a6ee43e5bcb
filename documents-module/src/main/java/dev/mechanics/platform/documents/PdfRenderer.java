package dev.mechanics.platform.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a rendered XHTML template into an archival PDF (PDF/A-2b: every font embedded, an sRGB output intent,
 * XMP metadata) with openhtmltopdf on PDFBox: CSS paged media for the page header and footer ("Page 2 of 3" and
 * the document number on every page), the Liberation fonts, SVG logos through Batik with scripts and external
 * resources off, and JFreeChart charts. Nothing outside the document is ever fetched: only {@code data:} URIs
 * load.
 */
public final class PdfRenderer {

  private static final Logger LOG = Logger.getLogger(PdfRenderer.class.getName());
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private PdfRenderer() {
  }

  public static byte[] render(String xhtml, Map<String, Chart> charts, String accentColor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    render(xhtml, charts, accentColor, out);
    return out.toByteArray();
  }

  public static void render(String xhtml, Map<String, Chart> charts, String accentColor, OutputStream out) {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
    builder.useColorProfile(SRGB);
    builder.useFont(() -> new ByteArrayInputStream(DocumentFonts.REGULAR), DocumentFonts.FAMILY, 400,
        BaseRendererBuilder.FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(DocumentFonts.BOLD), DocumentFonts.FAMILY, 700,
        BaseRendererBuilder.FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(DocumentFonts.ITALIC), DocumentFonts.FAMILY, 400,
        BaseRendererBuilder.FontStyle.ITALIC, true);
    builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
        BatikSVGDrawer.SvgExternalResourceMode.SECURE));
    builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
    drawers.registerDrawer("chart", new ChartDrawer(charts, color(accentColor)));
    builder.useObjectDrawerFactory(drawers);
    builder.withDiagnosticConsumer(PdfRenderer::log);
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering a PDF failed", e);
    }
  }

  /** "#1f6f43" as a colour; the default accent when unset. */
  static Color color(String hex) {
    return Color.decode(hex == null || !hex.matches("#[0-9A-Fa-f]{6}") ? DocumentStyle.DEFAULT_ACCENT : hex);
  }

  private static void log(Diagnostic diagnostic) {
    if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
      LOG.log(Level.WARNING, "PDF rendering: " + diagnostic.getFormattedMessage(), diagnostic.getError());
    }
  }
}
