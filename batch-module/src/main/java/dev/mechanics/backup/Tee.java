package dev.mechanics.backup;

import java.io.IOException;
import java.io.OutputStream;

/** Writes to a sink and to a checksum; closing it closes neither (the snapshot stream goes on). */
final class Tee extends OutputStream {
  private final OutputStream sink;
  private final OutputStream copy;

  Tee(OutputStream sink, OutputStream copy) {
    this.sink = sink;
    this.copy = copy;
  }

  @Override
  public void write(int b) throws IOException {
    sink.write(b);
    copy.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    sink.write(b, off, len);
    copy.write(b, off, len);
  }

  @Override
  public void close() {
    // the owner of the sink closes it
  }
}
