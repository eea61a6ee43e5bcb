package dev.mechanics.backup;

import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Row count and an order-independent checksum of a table's COPY text output: each row (one line; COPY escapes
 * line breaks inside values) is hashed with CRC-32C and CRC-32 into 64 bits, and the row hashes are summed.
 * A restored table has the same checksum exactly when it holds the same rows, whatever their physical order.
 */
final class TableChecksum extends OutputStream {

  private final CRC32C crcC = new CRC32C();
  private final CRC32 crc = new CRC32();
  private long sum;
  private long rows;
  private long bytes;

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes += len;
    int start = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (b[i] == '\n') {
        crcC.update(b, start, i - start);
        crc.update(b, start, i - start);
        sum += (crcC.getValue() << 32) | crc.getValue();
        rows++;
        crcC.reset();
        crc.reset();
        start = i + 1;
      }
    }
    if (start < end) {
      crcC.update(b, start, end - start);
      crc.update(b, start, end - start);
    }
  }

  long rows() {
    return rows;
  }

  long bytes() {
    return bytes;
  }

  String checksum() {
    return String.format("%016x", sum);
  }
}
