package dev.mechanics.workorder;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** A photo or PDF of a work order; the bytes are in the FileStore under {@code fileKey}. */
@Entity
@Table(name = "attachments")
public class Attachment extends TenantOwnedEntity {

  @Column(name = "work_order_id", nullable = false, updatable = false)
  private UUID workOrderId;

  @Column(name = "file_key", nullable = false, updatable = false, length = 300)
  private String fileKey;

  @Column(name = "file_name", nullable = false, updatable = false, length = 200)
  private String fileName;

  @Column(name = "content_type", nullable = false, updatable = false, length = 100)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long size;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private UUID uploadedBy;

  /** The longest file name kept (the column's length). */
  static final int FILE_NAME_LENGTH = 200;

  protected Attachment() {
  }

  /**
   * The file name kept for a download: what the client named it, reduced to letters, digits, dot, dash,
   * underscore and space (it goes into a Content-Disposition header), at most 200 characters; "attachment" when
   * nothing is left. Anything else, an emoji as much as a quote, becomes one underscore per character.
   */
  public static String fileNameFrom(String requested) {
    if (requested == null) {
      return "attachment";
    }
    String safe = requested.strip().codePoints()
        .map(c -> c < 0x80 && (Character.isLetterOrDigit(c) || "._ -".indexOf(c) >= 0) ? c : '_')
        .limit(FILE_NAME_LENGTH)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    return safe.isEmpty() || safe.chars().allMatch(c -> c == '_' || c == '.') ? "attachment" : safe;
  }

  Attachment(UUID organizationId, UUID workOrderId, String fileKey, String fileName, String contentType,
             long size, String sha256, UUID uploadedBy) {
    super(organizationId);
    this.workOrderId = workOrderId;
    this.fileKey = fileKey;
    this.fileName = fileName;
    this.contentType = contentType;
    this.size = size;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
  }

  public UUID getWorkOrderId() {
    return workOrderId;
  }

  public String getFileKey() {
    return fileKey;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public UUID getUploadedBy() {
    return uploadedBy;
  }
}
