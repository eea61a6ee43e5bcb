package dev.mechanics.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * Counts the bytes read through it and stops at a limit, so an oversized body or upload is refused while it
 * streams instead of after it has filled memory or storage. What is thrown at the limit is the caller's: an
 * unchecked exception may be thrown from {@code tooLarge} itself.
 */
public final class SizeLimitedInputStream extends FilterInputStream {

  private final long limit;
  private final LongFunction<? extends IOException> tooLarge;
  private long count;
  private boolean exceeded;

  public SizeLimitedInputStream(InputStream in, long limit, LongFunction<? extends IOException> tooLarge) {
    super(in);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  /** Bytes read so far. */
  public long count() {
    return count;
  }

  /** Whether the stream was stopped at its limit. */
  public boolean exceeded() {
    return exceeded;
  }

  private void add(int n) throws IOException {
    count += n;
    if (count > limit) {
      exceeded = true;
      throw tooLarge.apply(limit);
    }
  }
}
