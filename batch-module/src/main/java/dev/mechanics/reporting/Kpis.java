package dev.mechanics.reporting;

/** The version of the KPI definitions in docs/kpis.md; printed in every report. Change both together. */
public final class Kpis {

  public static final String VERSION = "kpi-v2";

  private Kpis() {
  }
}
