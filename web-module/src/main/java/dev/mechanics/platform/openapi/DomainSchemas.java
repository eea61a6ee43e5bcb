package dev.mechanics.platform.openapi;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.billing.InvoiceStatus;
import dev.mechanics.billing.PaymentMethod;
import dev.mechanics.platform.batch.JobRun;
import dev.mechanics.tenancy.Role;
import dev.mechanics.workorder.ApprovalMethod;
import dev.mechanics.workorder.InspectionItem;
import dev.mechanics.workorder.LineApproval;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.TaxRule;
import dev.mechanics.workorder.WorkOrderKind;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Schemas of the domain types that travel in JSON (enums and records of the domain module). Liberty's OpenAPI
 * scan sees only the web module's classes, and would show these as empty objects; MicroProfile OpenAPI's
 * {@code mp.openapi.schema.<class>} settings name a schema for such a class, which this config source derives
 * from the class itself, so it cannot drift from the code. A domain type newly used in a request or response
 * belongs in {@link #TYPES} (the OpenAPI route test names any that is missing).
 */
public class DomainSchemas implements ConfigSource {

  static final List<Class<?>> TYPES = List.of(LineType.class, LineApproval.class, WorkOrderKind.class,
      ApprovalMethod.class, InspectionItem.Condition.class, TaxRule.class, InvoiceStatus.class,
      PaymentMethod.class, Role.class, AuditTrail.Verification.class, JobRun.class, JobRun.Step.class,
      JobRun.Output.class, java.time.DayOfWeek.class, dev.mechanics.scheduling.Bay.Kind.class,
      dev.mechanics.scheduling.Appointment.Status.class, dev.mechanics.timeclock.ClockEntry.Kind.class,
      dev.mechanics.timeclock.ClockEvent.Action.class);

  private static final String PREFIX = "mp.openapi.schema.";
  private static final Map<String, String> PROPERTIES = properties();

  private static Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    TYPES.forEach(type -> properties.put(PREFIX + type.getName(), schemaOf(type).toString()));
    return Map.copyOf(properties);
  }

  /** The component name: nested classes carry their outer class's name ({@code JobRunStep}). */
  static String nameOf(Class<?> type) {
    return type.getEnclosingClass() == null ? type.getSimpleName() : nameOf(type.getEnclosingClass())
        + type.getSimpleName();
  }

  static JsonObject schemaOf(Class<?> type) {
    JsonObjectBuilder schema = Json.createObjectBuilder().add("name", nameOf(type));
    if (type.isEnum()) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      Arrays.stream(type.getEnumConstants()).forEach(c -> values.add(((Enum<?>) c).name()));
      return schema.add("type", "string").add("enum", values).build();
    }
    if (!type.isRecord()) {
      throw new IllegalStateException(type + " is neither an enum nor a record");
    }
    JsonObjectBuilder properties = Json.createObjectBuilder();
    JsonArrayBuilder required = Json.createArrayBuilder();
    for (RecordComponent component : type.getRecordComponents()) {
      properties.add(component.getName(), schemaFor(component.getGenericType()));
      if (component.getType().isPrimitive()) {
        required.add(component.getName());
      }
    }
    return schema.add("type", "object").add("properties", properties).add("required", required).build();
  }

  private static JsonObjectBuilder schemaFor(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class || raw == Set.class) {
        return Json.createObjectBuilder().add("type", "array").add("items", schemaFor(arguments[0]));
      }
      if (raw == Map.class) {
        return Json.createObjectBuilder().add("type", "object").add("additionalProperties",
            schemaFor(arguments[1]));
      }
    }
    if (type instanceof Class<?> c && TYPES.contains(c)) {
      return Json.createObjectBuilder().add("$ref", "#/components/schemas/" + nameOf(c));
    }
    if (type == String.class) {
      return simple("string", null);
    }
    if (type == UUID.class) {
      return simple("string", "uuid");
    }
    if (type == Instant.class) {
      return simple("string", "date-time");
    }
    if (type == LocalDate.class) {
      return simple("string", "date");
    }
    if (type == int.class || type == Integer.class) {
      return simple("integer", "int32");
    }
    if (type == long.class || type == Long.class) {
      return simple("integer", "int64");
    }
    if (type == boolean.class || type == Boolean.class) {
      return simple("boolean", null);
    }
    if (type == BigDecimal.class) {
      return simple("number", null);
    }
    throw new IllegalStateException("No schema for " + type + ": add it to DomainSchemas");
  }

  private static JsonObjectBuilder simple(String type, String format) {
    JsonObjectBuilder schema = Json.createObjectBuilder().add("type", type);
    return format == null ? schema : schema.add("format", format);
  }

  @Override
  public Set<String> getPropertyNames() {
    return PROPERTIES.keySet();
  }

  @Override
  public Map<String, String> getProperties() {
    return PROPERTIES;
  }

  @Override
  public String getValue(String propertyName) {
    return PROPERTIES.get(propertyName);
  }

  @Override
  public String getName() {
    return "mechanics-openapi-domain-schemas";
  }
}
