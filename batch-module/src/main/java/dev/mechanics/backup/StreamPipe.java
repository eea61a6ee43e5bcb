package dev.mechanics.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Bytes written on one thread, read on another, through a few fixed-size chunks (at most 8 x 256 KiB in
 * flight). Unlike java.io's piped streams it carries a failure across: an aborted writer makes the reader fail
 * (so the store discards the upload), and a failed reader makes the writer fail instead of blocking forever.
 */
final class StreamPipe {

  private static final int CHUNK = 256 * 1024;
  private static final byte[] END = new byte[0];
  private static final byte[] ABORTED = new byte[0];

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(8);
  private volatile Throwable abortCause;

  InputStream source() {
    return new InputStream() {
      private byte[] current = new byte[0];
      private int pos;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (pos == current.length) {
          if (ended) {
            return -1;
          }
          byte[] next;
          try {
            next = chunks.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("backup upload interrupted");
          }
          if (next == ABORTED) {
            throw new IOException("the backup was aborted: " + abortCause, abortCause);
          }
          if (next == END) {
            ended = true;
            return -1;
          }
          current = next;
          pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  /** The writing end; closing it waits until {@code upload} has stored the object. */
  BackupStorage.Upload sink(Future<?> upload) {
    return new BackupStorage.Upload() {
      private byte[] buffer = new byte[CHUNK];
      private int count;
      private boolean done;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (done) {
          throw new IOException("upload already ended");
        }
        while (len > 0) {
          int n = Math.min(len, CHUNK - count);
          System.arraycopy(b, off, buffer, count, n);
          count += n;
          off += n;
          len -= n;
          if (count == CHUNK) {
            hand(buffer);
            buffer = new byte[CHUNK];
            count = 0;
          }
        }
      }

      private void hand(byte[] chunk) throws IOException {
        try {
          while (!chunks.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
            if (upload.isDone()) {
              await();
              throw new IOException("the store stopped reading the backup");
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("backup upload interrupted");
        }
      }

      private void await() throws IOException {
        try {
          upload.get();
        } catch (ExecutionException e) {
          throw new IOException("storing the backup failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("backup upload interrupted");
        }
      }

      @Override
      public void close() throws IOException {
        if (done) {
          return;
        }
        done = true;
        if (count > 0) {
          byte[] last = new byte[count];
          System.arraycopy(buffer, 0, last, 0, count);
          hand(last);
        }
        hand(END);
        await();
      }

      @Override
      public void abort(Throwable cause) {
        if (done) {
          return;
        }
        done = true;
        abortCause = cause;
        chunks.clear();
        if (!chunks.offer(ABORTED)) {
          upload.cancel(true);
        }
        try {
          upload.get(30, TimeUnit.SECONDS);
        } catch (Exception expected) {
          // the upload fails on the aborted marker: that is the point
        }
      }
    };
  }
}
