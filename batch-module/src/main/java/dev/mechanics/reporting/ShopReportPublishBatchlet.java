package dev.mechanics.reporting;

import dev.mechanics.backup.BackupStorage;
import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import dev.mechanics.platform.batch.job.JobOutputs;
import dev.mechanics.platform.mail.MailSender;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import dev.mechanics.platform.documents.Formats;
import dev.mechanics.tenancy.Letterhead;
import dev.mechanics.tenancy.StaffMember;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Computes the KPIs from the run's sums, writes the CSV and the PDF to Blob Storage under
 * {@code reports/<organizationId>/daily-shop-report/<first day>/}, records them as the run's outputs and mails
 * them to the recipients. A restarted publish writes the same keys again (objects are replaced, not added) and
 * mails no one twice: each mail is queued once per run and recipient (the outbox's key, ADR 0046).
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

  @Inject
  ReportLetterheads letterheads;

  /** Tests only (BATCH_FAULT_INJECTION=true): "true" makes the first execution fail after mailing. */
  @Inject
  @BatchProperty
  String failAfterMail;

  @Inject
  @ConfigProperty(name = "BATCH_FAULT_INJECTION", defaultValue = "false")
  boolean faultInjection;

  @Override
  protected String run() throws IOException {
    ReportRun run = store.run(job.getInstanceId())
        .orElseThrow(() -> new IllegalStateException("report run " + job.getInstanceId() + " was not prepared"));
    ShopReport report = new ShopReport(run, store.organizationName(run.organizationId()), Instant.now(),
        List.copyOf(figures.shops(run).values()));
    String base = objectPrefix(run) + job.getJobName() + "-" + run.label() + "-run-" + run.instanceId();
    byte[] csv = ShopReportCsv.write(report);
    Letterhead letterhead = letterheads.of(run.organizationId(), null);
    byte[] pdf = ShopReportDocument.write(report, comparison(run), letterhead);
    put(base + ".csv", "text/csv", csv);
    put(base + ".pdf", "application/pdf", pdf);
    int mailed = mail(report, base, csv, pdf);
    injectFault();
    ShopReport.Figures org = report.organization();
    String summary = "SHOPS " + report.shops().size() + " CARS " + org.carCount() + " LINES " + org.lines()
        + " RECONCILED " + org.reconciled() + " MAILED " + mailed + " " + run.kpiVersion();
    step.setPersistentUserData(summary);
    LOG.info(() -> "daily-shop-report run " + run.instanceId() + ": " + summary);
    return summary;
  }

  /** The previous period, the same period a year earlier, and the 30-day (12-month) trend up to this one. */
  private ShopReportDocument.Comparison comparison(ReportRun run) {
    ZoneId zone = ZoneId.of(run.timeZone());
    boolean month = !"DAY".equals(run.period());
    LocalDate previous = month ? run.start().minusMonths(1) : run.start().minusDays(1);
    LocalDate yearAgo = run.start().minusYears(1);
    LocalDate yearAgoEnd = run.endExclusive().minusYears(1);
    return new ShopReportDocument.Comparison(
        figures.figures(run.organizationId(), previous.atStartOfDay(zone).toInstant(), run.from()),
        figures.figures(run.organizationId(), yearAgo.atStartOfDay(zone).toInstant(),
            yearAgoEnd.atStartOfDay(zone).toInstant()),
        figures.trend(run.organizationId(), zone, month, run.start(), month ? 12 : 30));
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

  /** One mail per recipient, with their name and in their language when they are staff; the count sent. */
  private int mail(ShopReport report, String base, byte[] csv, byte[] pdf) {
    ReportRun run = report.run();
    String name = base.substring(base.lastIndexOf('/') + 1);
    List<MailSender.Attachment> attachments = List.of(new MailSender.Attachment(name + ".csv", "text/csv", csv),
        new MailSender.Attachment(name + ".pdf", "application/pdf", pdf));
    int sent = 0;
    for (String recipient : run.recipients()) {
      Optional<StaffMember> staff = letterheads.staff(run.organizationId(), recipient);
      Letterhead h = letterheads.of(run.organizationId(), staff.map(StaffMember::getPreferredLanguage).orElse(null));
      Formats f = h.formats();
      ShopReport.Figures org = report.organization();
      String period = "DAY".equals(run.period()) ? f.longDate(run.start()) : f.month(run.start());
      Map<String, Object> model = new HashMap<>();
      model.put("period", period);
      model.put("cars", f.number(org.carCount()));
      model.put("sales", f.money(org.sales()));
      model.put("averageRepairOrder", org.averageRepairOrder() == null ? h.messages().get("report.na")
          : f.money(org.averageRepairOrder()));
      model.put("grossProfit", f.money(org.grossProfit()));
      model.put("generated", f.inWords(report.generatedAt(), h.messages()));
      model.put("stored", base + ".pdf");
      MailSender.Message message = h.mail("report", List.of(recipient), staff.map(StaffMember::getName).orElse(null),
          h.messages().get("mail.report.subject", run.label(), report.organizationName()), model, attachments);
      if (mailSender.sendOnce("report-run-" + run.instanceId() + "/" + recipient, message)) {
        sent++;
      } else {
        LOG.warning(() -> "daily-shop-report run " + run.instanceId() + ": a report mail was not sent (see the mail "
            + "sender's log)");
      }
    }
    return sent;
  }

  private void injectFault() {
    if (!faultInjection || !"true".equals(failAfterMail)) {
      return;
    }
    var operator = BatchRuntime.getJobOperator();
    if (operator.getJobExecutions(operator.getJobInstance(job.getExecutionId())).size() == 1) {
      throw new IllegalStateException("injected failure after mailing (BATCH_FAULT_INJECTION)");
    }
  }
}
