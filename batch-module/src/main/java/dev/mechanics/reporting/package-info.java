/**
 * The organization reports (Jakarta Batch): {@code daily-shop-report} adds up an organization's invoiced line
 * items in a checkpointed chunk step and publishes the KPIs (docs/kpis.md) as CSV and PDF.
 */
package dev.mechanics.reporting;
