package dev.mechanics.reporting;

import java.util.Map;
import java.util.UUID;

/** What one shop-day's billed lines add up to: the shop's sums and the labor sold per technician. */
record ShopDaySums(ShopDay shopDay, ReportStore.ShopSums shop, Map<UUID, ReportStore.TechnicianSums> technicians) {
}
