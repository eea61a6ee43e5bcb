package dev.mechanics.reporting;

import dev.mechanics.backup.BackupStorage;
import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import dev.mechanics.platform.batch.job.JobOutputs;
import dev.mechanics.platform.mail.MailSender;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Computes the KPIs from the run's sums, writes the CSV and the PDF to Blob Storage under
 * {@code reports/<organizationId>/daily-shop-report/<first day>/}, records them as the run's outputs and mails
 * them to the recipients. A restarted publish writes the same keys again (objects are replaced, not added).
 */
@Dependent
@Named("shopReportPublish")
public class ShopReportPublishBatchlet extends ExplainedBatchlet {

  private static final Logger LOG = Logger.getLogger(ShopReportPublishBatchlet.class.getName());

  @Inject
  ReportStore store;

  @Inject
  ReportFigures figures;

  @Inject
  BackupStorage storage;

  @Inject
  JobOutputs outputs;

  @Inject
  MailSender mailSender;

  @Override
  protected String run() throws IOException {
    ReportRun run = store.run(job.getInstanceId())
        .orElseThrow(() -> new IllegalStateException("report run " + job.getInstanceId() + " was not prepared"));
    ShopReport report = new ShopReport(run, store.organizationName(run.organizationId()), Instant.now(),
        List.copyOf(figures.shops(run).values()));
    String base = objectPrefix(run) + job.getJobName() + "-" + run.label() + "-run-" + run.instanceId();
    byte[] csv = ShopReportCsv.write(report);
    byte[] pdf = ShopReportPdf.write(report);
    put(base + ".csv", "text/csv", csv);
    put(base + ".pdf", "application/pdf", pdf);
    boolean mailed = mail(report, base, csv, pdf);
    ShopReport.Figures org = report.organization();
    String summary = "SHOPS " + report.shops().size() + " CARS " + org.carCount() + " LINES " + org.lines()
        + " RECONCILED " + org.reconciled() + " MAILED " + (mailed ? run.recipients().size() : 0) + " "
        + run.kpiVersion();
    step.setPersistentUserData(summary);
    LOG.info(() -> "daily-shop-report run " + run.instanceId() + ": " + summary);
    return summary;
  }

  /** reports/&lt;organizationId&gt;/daily-shop-report/YYYY-MM-DD/ - the organization's own folder. */
  static String objectPrefix(ReportRun run) {
    return "reports/" + run.organizationId() + "/daily-shop-report/" + run.start() + "/";
  }

  private void put(String key, String contentType, byte[] content) throws IOException {
    BackupStorage.Upload upload = storage.create(key, contentType);
    try {
      upload.write(content);
    } catch (IOException | RuntimeException e) {
      upload.abort(e);
      throw e;
    }
    upload.close();
    outputs.record(job, key, content.length);
  }

  private boolean mail(ShopReport report, String base, byte[] csv, byte[] pdf) {
    ReportRun run = report.run();
    if (run.recipients().isEmpty()) {
      return false;
    }
    String name = base.substring(base.lastIndexOf('/') + 1);
    ShopReport.Figures org = report.organization();
    List<String> lines = new ArrayList<>();
    lines.add("Shop report " + run.label() + " for " + report.organizationName() + " (" + run.period().toLowerCase()
        + ", time zone " + run.timeZone() + ", KPI definitions " + run.kpiVersion() + ").");
    lines.add("");
    lines.add("Car count: " + org.carCount() + ", sales: " + org.sales() + ", average repair order: "
        + ShopReport.text(org.averageRepairOrder()) + ", gross profit: " + org.grossProfit() + " ("
        + ShopReport.text(org.grossProfitPercent()) + " %).");
    lines.add("");
    lines.add("The CSV and the PDF are attached; they are also kept in the report storage as " + base + ".csv/.pdf");
    boolean sent = mailSender.send(run.recipients(), "Shop report " + run.label() + " - "
        + report.organizationName(), String.join("\n", lines), List.of(
        new MailSender.Attachment(name + ".csv", "text/csv", csv),
        new MailSender.Attachment(name + ".pdf", "application/pdf", pdf)));
    if (!sent) {
      LOG.warning(() -> "daily-shop-report run " + run.instanceId() + ": the mail to " + run.recipients().size()
          + " recipients was not sent (see the mail sender's log)");
    }
    return sent;
  }
}
