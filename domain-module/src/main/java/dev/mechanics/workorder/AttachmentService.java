package dev.mechanics.workorder;

import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.files.StorageUnavailable;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.SizeLimitedInputStream;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Photos and PDFs of a work order, and its inspection checklist. An upload streams to the FileStore (no
 * transaction is held meanwhile); the content must be what it claims to be and no larger than the limit, and
 * only a complete upload is recorded (a failed record removes the file again).
 */
@ApplicationScoped
public class AttachmentService {

  private static final Logger LOG = Logger.getLogger(AttachmentService.class.getName());

  @Inject
  FileStore files;

  @Inject
  Records records;

  public record Upload(Id<WorkOrder> workOrderId, String fileName, String declaredType, long maxBytes, UUID by) {
  }

  public Attachment upload(Upload upload, InputStream body) throws IOException {
    WorkOrder workOrder = records.workOrder(upload.workOrderId().value());
    BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
    in.mark(ContentSniffer.NEEDED);
    byte[] head = in.readNBytes(ContentSniffer.NEEDED);
    in.reset();
    String declared = upload.declaredType() == null ? "" : upload.declaredType().toLowerCase().split(";")[0].trim();
    String actual = ContentSniffer.typeOf(head, head.length).orElseThrow(() -> DomainException.InvalidInput.field(
        "file", "only JPEG, PNG or WebP photos and PDF documents can be attached"));
    if (!actual.equals(declared)) {
      throw DomainException.InvalidInput.field("file", "the content is " + actual + ", not the declared "
          + (declared.isEmpty() ? "(no Content-Type)" : declared));
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    String key = workOrder.getOrganizationId() + "/work-orders/" + workOrder.getId() + "/" + Ids.newId();
    SizeLimitedInputStream limited = new SizeLimitedInputStream(new DigestInputStream(in, sha),
        upload.maxBytes(), AttachmentTooLarge::new);
    try {
      files.put(FileArea.UPLOADS, key, limited, -1, actual);
    } catch (StorageUnavailable e) {
      // the store does not answer: a delete would wait as long again (a file it may have kept has no record)
      throw e;
    } catch (IOException | RuntimeException e) {
      files.delete(FileArea.UPLOADS, key);
      if (limited.exceeded()) {
        throw new AttachmentTooLarge(upload.maxBytes());
      }
      throw e;
    }
    if (limited.count() == 0) {
      files.delete(FileArea.UPLOADS, key);
      throw DomainException.InvalidInput.field("file", "is empty");
    }
    try {
      return records.add(new Attachment(Tenancy.current(), workOrder.getId(), key, upload.fileName(), actual,
          limited.count(), HexFormat.of().formatHex(sha.digest()), upload.by()));
    } catch (RuntimeException e) {
      LOG.warning("Recording attachment " + key + " failed; removing the stored file");
      files.delete(FileArea.UPLOADS, key);
      throw e;
    }
  }

  /** Removes a second copy: a retried upload (same Idempotency-Key) whose twin was recorded first. */
  public void discard(Attachment attachment) {
    records.remove(attachment.getId());
    files.delete(FileArea.UPLOADS, attachment.getFileKey());
  }

  public List<Attachment> list(Id<WorkOrder> workOrderId) {
    return records.list(workOrderId.value());
  }

  public Attachment get(Id<WorkOrder> workOrderId, UUID attachmentId) {
    return records.get(workOrderId.value(), attachmentId);
  }

  public InputStream open(Attachment attachment) throws IOException {
    return files.open(FileArea.UPLOADS, attachment.getFileKey());
  }

  /** A link to the stored file itself (a Blob SAS) until {@code expiresAt}; empty when the store has none. */
  public Optional<URI> directLink(Attachment attachment, Instant expiresAt) {
    return files.readLink(FileArea.UPLOADS, attachment.getFileKey(), expiresAt, attachment.getFileName());
  }

  public List<InspectionItem> inspection(Id<WorkOrder> workOrderId) {
    return records.inspection(workOrderId.value());
  }

  public List<InspectionItem> replaceInspection(Id<WorkOrder> workOrderId, List<InspectionPoint> points) {
    return records.replaceInspection(workOrderId.value(), null, points);
  }

  /**
   * Replaces the checklist if it is still the one of {@code expectedVersion} ({@link #versionOf}; null: whatever
   * it is): a technician's change made offline on an older checklist never overwrites someone else's (412).
   */
  public List<InspectionItem> replaceInspection(Id<WorkOrder> workOrderId, String expectedVersion,
                                                List<InspectionPoint> points) {
    return records.replaceInspection(workOrderId.value(), expectedVersion, points);
  }

  /**
   * The checklist's version: a digest of its points in order (the checklist is replaced as a whole and has no
   * row of its own to count versions on), so any change by anyone changes it, and no change keeps it.
   */
  public static String versionOf(List<InspectionItem> items) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (InspectionItem i : items) {
        for (String part : new String[] {Integer.toString(i.getPosition()), i.getName(),
            i.getCondition() == null ? "" : i.getCondition().name(), i.getNotes() == null ? "" : i.getNotes()}) {
          byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
          digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
          digest.update(bytes);
        }
      }
      return "i" + HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One point of the checklist as written. */
  public record InspectionPoint(String name, InspectionItem.Condition condition, String notes) {
  }


  /** The transactional part. */
  @ApplicationScoped
  @Transactional
  public static class Records {

    @Inject
    WorkOrders workOrders;

    @PersistenceContext(unitName = "mechanics")
    EntityManager em;

    WorkOrder workOrder(UUID id) {
      return workOrders.require(id);
    }

    Attachment add(Attachment attachment) {
      workOrders.require(attachment.getWorkOrderId());
      em.persist(attachment);
      em.flush();
      return attachment;
    }

    void remove(UUID attachmentId) {
      Attachment attachment = em.find(Attachment.class, attachmentId);
      if (attachment != null) {
        em.remove(attachment);
      }
    }

    List<Attachment> list(UUID workOrderId) {
      workOrders.require(workOrderId);
      return em.createQuery("select a from Attachment a where a.workOrderId = :wo order by a.id", Attachment.class)
          .setParameter("wo", workOrderId).setMaxResults(500).getResultList();
    }

    Attachment get(UUID workOrderId, UUID attachmentId) {
      return em.createQuery("select a from Attachment a where a.id = :id and a.workOrderId = :wo", Attachment.class)
          .setParameter("id", attachmentId).setParameter("wo", workOrderId).getResultStream().findFirst()
          .orElseThrow(() -> new DomainException.NotFound("attachment", attachmentId));
    }

    List<InspectionItem> inspection(UUID workOrderId) {
      workOrders.require(workOrderId);
      return em.createQuery("select i from InspectionItem i where i.workOrderId = :wo order by i.position",
          InspectionItem.class).setParameter("wo", workOrderId).getResultList();
    }

    List<InspectionItem> replaceInspection(UUID workOrderId, String expectedVersion, List<InspectionPoint> points) {
      // the work order's row lock orders concurrent replacements, so two that read one version cannot both win
      WorkOrder workOrder = expectedVersion == null ? workOrders.require(workOrderId)
          : workOrders.requireForUpdate(workOrderId);
      if (expectedVersion != null && !expectedVersion.equals(versionOf(inspection(workOrderId)))) {
        throw new DomainException.StaleVersion("inspection");
      }
      em.createQuery("delete from InspectionItem i where i.workOrderId = :wo").setParameter("wo", workOrderId)
          .executeUpdate();
      int position = 0;
      for (InspectionPoint p : points) {
        em.persist(new InspectionItem(workOrder, ++position, p.name(), p.condition(), p.notes()));
      }
      em.flush();
      return inspection(workOrderId);
    }
  }
}
