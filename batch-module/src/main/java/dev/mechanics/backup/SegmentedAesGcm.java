package dev.mechanics.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Streaming authenticated encryption: AES-256-GCM over fixed-size segments (the "STREAM" construction of
 * Hoang, Reyhanitabar, Rogaway and Vizár, as in Tink's streaming AEAD). One-shot GCM cannot verify a
 * multi-gigabyte object before releasing plaintext; per-segment tags can, in constant memory.
 *
 * <p>Layout: {@code "MBK1" | segment size (int) | salt (16) | nonce prefix (8)} then segments of
 * {@code ciphertext + 16-byte tag}. Each object gets its own key, HMAC-SHA256(master key, salt), so nonces
 * never repeat across objects. Segment i uses nonce {@code prefix | i} and, as associated data, the header,
 * its index and whether it is the last segment: reordering, dropping, truncating or appending segments fails
 * authentication, as does any changed byte.
 */
public final class SegmentedAesGcm {

  static final byte[] MAGIC = "MBK1".getBytes(StandardCharsets.US_ASCII);
  static final int DEFAULT_SEGMENT = 1 << 20;
  private static final int TAG = 16;
  private static final int HEADER = 4 + 4 + 16 + 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] masterKey;

  public SegmentedAesGcm(byte[] masterKey) {
    if (masterKey.length != 32) {
      throw new IllegalArgumentException("the backup key must be 256 bits (32 bytes, base64)");
    }
    this.masterKey = masterKey.clone();
  }

  public OutputStream encrypt(OutputStream sink) throws IOException {
    return encrypt(sink, DEFAULT_SEGMENT);
  }

  OutputStream encrypt(OutputStream sink, int segmentSize) throws IOException {
    byte[] salt = new byte[16];
    byte[] prefix = new byte[8];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(prefix);
    byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).putInt(segmentSize).put(salt).put(prefix).array();
    sink.write(header);
    return new Encrypting(sink, header, fileKey(salt), prefix, segmentSize);
  }

  public InputStream decrypt(InputStream source) throws IOException {
    DataInputStream in = new DataInputStream(source);
    byte[] header = new byte[HEADER];
    try {
      in.readFully(header);
    } catch (EOFException e) {
      throw new BackupCorrupted("the object is shorter than its header");
    }
    ByteBuffer b = ByteBuffer.wrap(header);
    byte[] magic = new byte[4];
    b.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new BackupCorrupted("not an encrypted backup (bad magic)");
    }
    int segmentSize = b.getInt();
    if (segmentSize < 1024 || segmentSize > (64 << 20)) {
      throw new BackupCorrupted("implausible segment size " + segmentSize);
    }
    byte[] salt = new byte[16];
    byte[] prefix = new byte[8];
    b.get(salt).get(prefix);
    return new Decrypting(in, header, fileKey(salt), prefix, segmentSize);
  }

  private SecretKeySpec fileKey(byte[] salt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
      mac.update(salt);
      return new SecretKeySpec(mac.doFinal("mechanics-backup-v1".getBytes(StandardCharsets.US_ASCII)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Cipher cipher(int mode, SecretKeySpec key, byte[] header, byte[] prefix, long index, boolean last) {
    try {
      byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt((int) index).array();
      if (index > 0xFFFF_FFFFL) {
        throw new IllegalStateException("too many segments");
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
      c.updateAAD(header);
      c.updateAAD(ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array());
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Thrown when an object fails authentication or is malformed: restore refuses it. */
  public static final class BackupCorrupted extends IOException {
    public BackupCorrupted(String message) {
      super(message);
    }
  }

  private static final class Encrypting extends FilterOutputStream {
    private final byte[] header;
    private final SecretKeySpec key;
    private final byte[] prefix;
    private final byte[] buffer;
    private int filled;
    private long index;
    private boolean closed;

    Encrypting(OutputStream out, byte[] header, SecretKeySpec key, byte[] prefix, int segmentSize) {
      super(out);
      this.header = header;
      this.key = key;
      this.prefix = prefix;
      this.buffer = new byte[segmentSize];
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (filled == buffer.length) {
          // more data follows, so this full segment is not the last one
          seal(false);
        }
        int n = Math.min(len, buffer.length - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void seal(boolean last) throws IOException {
      try {
        out.write(cipher(Cipher.ENCRYPT_MODE, key, header, prefix, index++, last).doFinal(buffer, 0, filled));
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      }
      filled = 0;
    }

    @Override
    public void flush() {
      // segments are sealed when full or on close; flushing early would change the segmentation
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        seal(true);
        out.close();
      }
    }
  }

  private static final class Decrypting extends InputStream {
    private final DataInputStream in;
    private final byte[] header;
    private final SecretKeySpec key;
    private final byte[] prefix;
    private final byte[] sealed;
    private int pending = -1;
    private byte[] plain = new byte[0];
    private int position;
    private long index;
    private boolean done;

    Decrypting(DataInputStream in, byte[] header, SecretKeySpec key, byte[] prefix, int segmentSize) {
      this.in = in;
      this.header = header;
      this.key = key;
      this.prefix = prefix;
      this.sealed = new byte[segmentSize + TAG];
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (position == plain.length) {
        if (done) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, plain.length - position);
      System.arraycopy(plain, position, b, off, n);
      position += n;
      return n;
    }

    private void next() throws IOException {
      int n = 0;
      if (pending >= 0) {
        sealed[n++] = (byte) pending;
        pending = -1;
      }
      while (n < sealed.length) {
        int r = in.read(sealed, n, sealed.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      boolean last;
      if (n < sealed.length) {
        last = true;
      } else {
        pending = in.read();
        last = pending < 0;
      }
      if (n < TAG) {
        throw new BackupCorrupted("the object is truncated");
      }
      try {
        plain = cipher(Cipher.DECRYPT_MODE, key, header, prefix, index++, last).doFinal(sealed, 0, n);
      } catch (AEADBadTagException e) {
        throw new BackupCorrupted("segment " + (index - 1) + " failed authentication: the object was changed "
            + "or the key is wrong");
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      }
      position = 0;
      done = last;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** For tests: a whole small object at once. */
  static byte[] roundTrip(SegmentedAesGcm aead, byte[] data, int segmentSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = aead.encrypt(out, segmentSize)) {
      enc.write(data);
    }
    return out.toByteArray();
  }
}
