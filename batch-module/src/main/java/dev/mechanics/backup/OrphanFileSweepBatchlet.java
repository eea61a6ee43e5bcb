package dev.mechanics.backup;

import dev.mechanics.files.FileArea;
import dev.mechanics.files.FileStore;
import dev.mechanics.files.StoredFile;
import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Step "sweep" of orphan-file-sweep. Only keys of the shapes this application writes are considered (a work
 * order's attachments, a shop's logo); anything else in the container is left alone. A file is deleted when it
 * is older than the grace period and neither attachments.file_key nor shops.logo_key names it, checked file by
 * file just before the delete, so an upload recorded meanwhile keeps its file.
 */
@Dependent
@Named("orphanFileSweepBatchlet")
public class OrphanFileSweepBatchlet extends ExplainedBatchlet {

  private static final Logger LOG = Logger.getLogger(OrphanFileSweepBatchlet.class.getName());
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  /** What AttachmentService and ShopService write: {org}/work-orders/{wo}/{id} and {org}/shops/{shop}/logo-{id}. */
  static final Pattern OWNED = Pattern.compile(UUID + "/(work-orders/" + UUID + "/" + UUID + "|shops/" + UUID
      + "/logo-" + UUID + ")");

  @Inject
  FileStore files;

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "ORPHAN_FILE_GRACE_MINUTES", defaultValue = "1440")
  long defaultGraceMinutes;

  @Override
  protected String run() throws Exception {
    String given = parameters().get(OrphanFileSweepJob.GRACE_PARAMETER);
    Duration grace = Duration.ofMinutes(given == null || given.isBlank() ? defaultGraceMinutes
        : Long.parseLong(given));
    Instant cutoff = Instant.now().minus(grace);
    int seen = 0;
    int deleted = 0;
    try (Connection c = dataSource.getConnection();
         PreparedStatement referenced = c.prepareStatement("select exists (select 1 from attachments where "
             + "file_key = ?) or exists (select 1 from shops where logo_key = ?)");
         Stream<StoredFile> listing = files.walk(FileArea.UPLOADS, "")) {
      for (StoredFile file : (Iterable<StoredFile>) listing::iterator) {
        if (!OWNED.matcher(file.key()).matches()) {
          continue;
        }
        seen++;
        if (file.lastModified() == null || !file.lastModified().isBefore(cutoff)) {
          continue;
        }
        referenced.setString(1, file.key());
        referenced.setString(2, file.key());
        try (ResultSet rs = referenced.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1) && files.delete(FileArea.UPLOADS, file.key())) {
            deleted++;
            LOG.info(() -> "orphan-file-sweep: deleted " + file.key() + " (no row refers to it; stored "
                + file.lastModified() + ")");
          }
        }
      }
    }
    return "DELETED " + deleted + " OF " + seen + " (GRACE " + grace.toMinutes() + " MIN)";
  }
}
