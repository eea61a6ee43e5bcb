package dev.mechanics.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 15.7: free-text names in the mailed report never become spreadsheet formulas. */
class ShopReportCsvTest {

  @Test
  void shopAndTechnicianNamesThatLookLikeFormulasAreWrittenAsText() throws Exception {
    ReportRun run = new ReportRun(1, UUID.randomUUID(), "DAY", LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 29),
        "UTC", Instant.EPOCH, Instant.EPOCH, "kpi-v1", List.of(), null, 0);
    ShopReport.Figures figures = new ShopReport.Figures(1, new BigDecimal("100.00"), new BigDecimal("1.00"),
        BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, new BigDecimal("-10.00"), 1, new BigDecimal("90.00"),
        BigDecimal.ZERO);
    ShopReport.Shop shop = new ShopReport.Shop(UUID.randomUUID(), "=HYPERLINK(\"http://evil.example\",\"Main\")",
        figures, List.of(new ShopReport.Technician(null, "@SUM(1+1)*cmd|' /C calc'!A0", new BigDecimal("1.00"),
            new BigDecimal("100.00"))), Map.of("+WAITING", 1L),
        Map.of(UUID.randomUUID(), new ShopReport.Floor("=cmd()", new BigDecimal("2"), new BigDecimal("4"), 1)));
    byte[] csv = ShopReportCsv.write(new ShopReport(run, "-2+3 Garage", Instant.EPOCH, List.of(shop)));

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    List<String> cells = rows.stream().flatMap(r -> r.toList().stream()).toList();
    assertThat(cells).as("no cell starts a formula").noneMatch(c -> !c.isEmpty() && "=+@\t\r".indexOf(c.charAt(0)) >= 0)
        .noneMatch(c -> c.startsWith("-") && !c.matches("-\\d+(\\.\\d+)?"));
    assertThat(cells).contains("'=HYPERLINK(\"http://evil.example\",\"Main\")", "'+WAITING")
        .anyMatch(c -> c.startsWith("'@SUM(1+1)")).anyMatch(c -> c.startsWith("'=cmd() ("));
    assertThat(rows).anyMatch(r -> "discounts".equals(r.get("metric")) && "-10.00".equals(r.get("value")));
  }
}
