package dev.mechanics.reporting;

import java.util.List;

/**
 * What the report's template ({@code pdf/shop-report.ftlh}) prints, formatted for its reader: the organization
 * and each shop with every KPI beside the previous period and the same period a year earlier, the charts, and
 * the notes that explain what is not recorded, once.
 */
public record ShopReportView(String language, String title, String organization, String logo, String accent,
                      String pageFooter, String period, String generated, String kpiVersion,
                      List<Section> sections, List<String> notes, boolean comparesShops) {

  /** "Sales", "$12,340.00", "$11,000.00", "+12.2 %", "$9,800.00", "+25.9 %". */
  public record KpiRow(String label, String value, String previous, String previousChange, String yearAgo,
                String yearAgoChange) {
  }

  public record Field(String label, String value) {
  }

  public record Section(String title, List<KpiRow> kpis, List<Field> technicians, List<Field> open) {
  }
}
