package dev.mechanics.platform.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/**
 * A logo as mail clients show it: PNG as it is; an SVG (which most mail clients do not display) drawn once into
 * a PNG by Batik, with scripts and outside resources off.
 */
public final class MailLogo {

  private static final Logger LOG = Logger.getLogger(MailLogo.class.getName());
  private static final float WIDTH = 400;

  private MailLogo() {
  }

  public static Optional<byte[]> png(byte[] content, String contentType) {
    if ("image/png".equals(contentType)) {
      return Optional.of(content);
    }
    try {
      PngOut transcoder = new PngOut();
      transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, WIDTH);
      transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
      transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
      transcoder.transcode(new TranscoderInput(new ByteArrayInputStream(content)), null);
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(transcoder.image, "png", png);
      return Optional.of(png.toByteArray());
    } catch (TranscoderException | IOException | RuntimeException e) {
      LOG.warning("An SVG logo could not be drawn for a mail (" + e.getMessage() + "); the mail goes without it");
      return Optional.empty();
    }
  }

  /** Keeps the drawn image instead of encoding it (ImageIO writes the PNG). */
  private static final class PngOut extends ImageTranscoder {
    private BufferedImage image;

    @Override
    public BufferedImage createImage(int width, int height) {
      return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    }

    @Override
    public void writeImage(BufferedImage img, TranscoderOutput output) {
      this.image = img;
    }
  }
}
