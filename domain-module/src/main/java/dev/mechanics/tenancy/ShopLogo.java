package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A shop's logo as uploaded: a PNG or an SVG, checked before it is stored, since it ends up in every document
 * and mail the shop sends. A PNG must decode, within {@link #MAX_PIXELS} a side; an SVG must be plain drawing:
 * no DOCTYPE (no entities), no scripts, event handlers, foreign objects, animations or links, and no reference
 * to anything outside itself except embedded PNG/JPEG images.
 */
public record ShopLogo(byte[] content, String contentType) {

  public static final String PNG = "image/png";
  public static final String SVG = "image/svg+xml";
  /** Bytes; a logo is small. */
  public static final int MAX_BYTES = 512 * 1024;
  public static final int MAX_PIXELS = 2000;

  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed",
      "object", "animate", "animatemotion", "animatetransform", "set", "a", "handler", "listener", "use");
  private static final Pattern SAFE_REFERENCE = Pattern.compile(
      "#[A-Za-z_][\\w.-]*|data:image/(png|jpeg);base64,[A-Za-z0-9+/=\\s]+");
  private static final Pattern URL_IN_STYLE = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*(?!#)", Pattern.CASE_INSENSITIVE);

  /** The logo if {@code content} is an acceptable PNG or SVG, else 422 saying why. */
  public static ShopLogo check(byte[] content) {
    if (content.length == 0) {
      throw DomainException.InvalidInput.field("logo", "is empty");
    }
    if (content.length > MAX_BYTES) {
      throw DomainException.InvalidInput.field("logo", "is larger than " + MAX_BYTES + " bytes");
    }
    if (isPng(content)) {
      checkPng(content);
      return new ShopLogo(content, PNG);
    }
    checkSvg(content);
    return new ShopLogo(content, SVG);
  }

  private static boolean isPng(byte[] b) {
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (b.length < 24) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static void checkPng(byte[] content) {
    // the size from the header first, so that a small file claiming a huge image is never decoded
    int width = ByteBuffer.wrap(content, 16, 4).getInt();
    int height = ByteBuffer.wrap(content, 20, 4).getInt();
    if (width <= 0 || height <= 0 || width > MAX_PIXELS || height > MAX_PIXELS) {
      throw DomainException.InvalidInput.field("logo", "a PNG logo is at most " + MAX_PIXELS + " x " + MAX_PIXELS
          + " pixels");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no reader");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        if (reader.getWidth(0) != width || reader.getHeight(0) != height || reader.read(0) == null) {
          throw new IOException("inconsistent");
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw DomainException.InvalidInput.field("logo", "is not a readable PNG image");
    }
  }

  private static void checkSvg(byte[] content) {
    Document svg;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      svg = builder.parse(new ByteArrayInputStream(content));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw DomainException.InvalidInput.field("logo", "must be a PNG image or an SVG drawing (well-formed XML "
          + "without a DOCTYPE)");
    }
    Element root = svg.getDocumentElement();
    if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
      throw DomainException.InvalidInput.field("logo", "must be a PNG image or an SVG drawing (root element svg "
          + "in the SVG namespace)");
    }
    checkNode(root);
  }

  private static void checkNode(Element element) {
    String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    if (FORBIDDEN_ELEMENTS.contains(name.toLowerCase(Locale.ROOT))) {
      throw unsafe("the element <" + name + ">");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String attribute = (a.getLocalName() == null ? a.getName() : a.getLocalName()).toLowerCase(Locale.ROOT);
      String value = a.getValue().trim();
      if (attribute.startsWith("on")) {
        throw unsafe("the event handler " + attribute);
      }
      if (attribute.equals("href") && !SAFE_REFERENCE.matcher(value).matches()) {
        throw unsafe("a reference to something outside the drawing");
      }
      if ((attribute.equals("style") || value.contains("url(")) && URL_IN_STYLE.matcher(value).find()) {
        throw unsafe("a reference to something outside the drawing");
      }
    }
    if ("style".equalsIgnoreCase(name) && (URL_IN_STYLE.matcher(element.getTextContent()).find()
        || element.getTextContent().contains("@import"))) {
      throw unsafe("a style sheet that loads something");
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        checkNode(e);
      }
    }
  }

  private static DomainException unsafe(String what) {
    return DomainException.InvalidInput.field("logo", "an SVG logo must be a plain drawing; it contains " + what);
  }
}
